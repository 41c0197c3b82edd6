package io.fluxo.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.ParseException;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlParserDataTypeTest {
    private static Arguments row(String text, DataType expected) {
        return Arguments.of(text, expected);
    }

    static Stream<Arguments> types() {
        return Stream.of(
                row("BOOLEAN", DataTypes.BooleanType),
                row("tinyint", DataTypes.IntegerType),
                row("BYTE", DataTypes.IntegerType),
                row("smallint", DataTypes.IntegerType),
                row("short", DataTypes.IntegerType),
                row("INT", DataTypes.IntegerType),
                row("Integer", DataTypes.IntegerType),
                row("BIGINT", DataTypes.LongType),
                row("long", DataTypes.LongType),
                row("FLOAT", DataTypes.DoubleType),
                row("real", DataTypes.DoubleType),
                row("DOUBLE", DataTypes.DoubleType),
                row("decimal", new DecimalType(10, 0)),
                row("DECIMAL(5)", new DecimalType(5, 0)),
                row("decimal(10,2)", new DecimalType(10, 2)),
                row("DEC(38, 38)", new DecimalType(38, 38)),
                row("numeric(12, 4)", new DecimalType(12, 4)),
                row("STRING", DataTypes.StringType),
                row("varchar(10)", DataTypes.StringType),
                row("CHAR(1)", DataTypes.StringType),
                row("character(3)", DataTypes.StringType),
                row("BINARY", DataTypes.BinaryType),
                row("DATE", DataTypes.DateType),
                row("INTERVAL DAY TO SECOND", io.fluxo.types.DayTimeIntervalType.DEFAULT),
                row("interval hour", new io.fluxo.types.DayTimeIntervalType(1, 1)),
                row("INTERVAL MINUTE TO SECOND", new io.fluxo.types.DayTimeIntervalType(2, 3)),
                row("INTERVAL YEAR TO MONTH", io.fluxo.types.YearMonthIntervalType.DEFAULT),
                row("interval month", new io.fluxo.types.YearMonthIntervalType(1, 1)),
                row("timestamp", DataTypes.TimestampType),
                row("TIMESTAMP_LTZ", DataTypes.TimestampType),
                row("void", DataTypes.NullType),
                row("ARRAY<INT>", new ArrayType(DataTypes.IntegerType, true)),
                row("array<array<string>>", new ArrayType(new ArrayType(DataTypes.StringType))),
                row("MAP<STRING, INT>", new MapType(DataTypes.StringType, DataTypes.IntegerType, true)),
                row("map<string,array<int>>", new MapType(DataTypes.StringType, new ArrayType(DataTypes.IntegerType))),
                row("STRUCT<a: INT, b STRING>", StructType.empty().add("a", DataTypes.IntegerType)
                        .add("b", DataTypes.StringType)),
                row("struct<a:int,b:string>", StructType.empty().add("a", DataTypes.IntegerType)
                        .add("b", DataTypes.StringType)),
                row("struct<>", StructType.empty()),
                row("struct< >", StructType.empty()),
                row("STRUCT<id BIGINT NOT NULL COMMENT 'key', `a b`: DATE>", StructType.empty()
                        .add("id", DataTypes.LongType, false).add("a b", DataTypes.DateType)),
                row("struct<date:date,timestamp:timestamp,end:int>", StructType.empty()
                        .add("date", DataTypes.DateType).add("timestamp", DataTypes.TimestampType)
                        .add("end", DataTypes.IntegerType)),
                row("array<struct<a:int,b:string>>", new ArrayType(StructType.empty()
                        .add("a", DataTypes.IntegerType).add("b", DataTypes.StringType))),
                row("map<string,struct<x:map<int,array<decimal(5,1)>>>>", new MapType(DataTypes.StringType,
                        StructType.empty().add("x", new MapType(DataTypes.IntegerType,
                                new ArrayType(new DecimalType(5, 1)))))),
                row("  int  ", DataTypes.IntegerType));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("types")
    void parsesDataTypes(String text, DataType expected) {
        assertThat(SqlParser.parseDataType(text)).isEqualTo(expected);
    }

    static Stream<Arguments> badTypes() {
        return Stream.of(
                Arguments.of("foo", "[UNSUPPORTED_DATATYPE] Unsupported data type \"FOO\". SQLSTATE: 0A000 "
                        + "(line 1, pos 0)"),
                Arguments.of("array<foo>", "[UNSUPPORTED_DATATYPE] Unsupported data type \"FOO\". SQLSTATE: 0A000 "
                        + "(line 1, pos 6)"),
                Arguments.of("int(5)", "[UNSUPPORTED_DATATYPE] Unsupported data type \"INT(5)\"."),
                Arguments.of("timestamp_ntz", "[UNSUPPORTED_DATATYPE] Unsupported data type \"TIMESTAMP_NTZ\"."),
                Arguments.of("INTERVAL MONTH TO SECOND",
                        "[UNSUPPORTED_DATATYPE] Unsupported data type \"INTERVAL MONTH TO SECOND\"."),
                Arguments.of("decimal(1,2,3)", "[UNSUPPORTED_DATATYPE] Unsupported data type \"DECIMAL(1,2,3)\"."),
                Arguments.of("decimal(39)", "[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision 39 "
                        + "exceeds max precision 38."),
                Arguments.of("decimal(2, 3)", "[INVALID_DECIMAL_TYPE] Decimal scale (3) cannot be greater than "
                        + "precision (2)"),
                Arguments.of("decimal(0)", "[INVALID_DECIMAL_TYPE]"),
                Arguments.of("varchar", "[DATATYPE_MISSING_SIZE] DataType \"VARCHAR\" requires a length parameter"),
                Arguments.of("array", "[INCOMPLETE_TYPE_DEFINITION.ARRAY] Incomplete complex type: The definition "
                        + "of \"ARRAY\" type is incomplete."),
                Arguments.of("map", "[INCOMPLETE_TYPE_DEFINITION.MAP]"),
                Arguments.of("struct", "[INCOMPLETE_TYPE_DEFINITION.STRUCT]"),
                Arguments.of("array<int", "[PARSE_SYNTAX_ERROR] Syntax error at or near '<'"),
                Arguments.of("map<int>", "[PARSE_SYNTAX_ERROR] Syntax error at or near '<'"),
                Arguments.of("struct<a int,>", "[PARSE_SYNTAX_ERROR] Syntax error at or near '<'"),
                Arguments.of("", "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input"),
                Arguments.of("int int", "[PARSE_SYNTAX_ERROR] Syntax error at or near 'int'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badTypes")
    void rejectsUnknownOrMalformedTypes(String text, String messageStart) {
        assertThatThrownBy(() -> SqlParser.parseDataType(text)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith(messageStart);
    }

    @Test
    void simpleStringRoundTripsForEveryFixedType() {
        for (Arguments a : types().toList()) {
            DataType type = (DataType) a.get()[1];
            if (type.simpleString().contains(" ")) {
                continue; // simpleString does not quote field names, so "a b" cannot come back
            }
            assertThat(SqlParser.parseDataType(type.simpleString())).as(type.simpleString()).isEqualTo(type);
            assertThat(SqlParser.parseDataType(type.sql())).as(type.sql()).isEqualTo(withNullableFields(type));
        }
    }

    /** {@code sql()} does not print NOT NULL, so struct fields come back nullable. */
    private static DataType withNullableFields(DataType type) {
        if (type instanceof StructType s) {
            return new StructType(s.fields().stream()
                    .map(f -> new StructField(f.name(), withNullableFields(f.dataType()), true)).toList());
        }
        if (type instanceof ArrayType a) {
            return new ArrayType(withNullableFields(a.elementType()), a.containsNull());
        }
        if (type instanceof MapType m) {
            return new MapType(withNullableFields(m.keyType()), withNullableFields(m.valueType()),
                    m.valueContainsNull());
        }
        return type;
    }

    @Test
    void parsesTableSchemas() {
        assertThat(SqlParser.parseTableSchema("ts TIMESTAMP, user STRING NOT NULL, tags ARRAY<STRING>"))
                .isEqualTo(StructType.empty().add("ts", DataTypes.TimestampType)
                        .add("user", DataTypes.StringType, false)
                        .add("tags", new ArrayType(DataTypes.StringType)));
        assertThat(SqlParser.parseTableSchema("a INT COMMENT 'the a', `b c` decimal(3,1) NOT NULL COMMENT \"x\""))
                .isEqualTo(StructType.empty().add("a", DataTypes.IntegerType)
                        .add("b c", new DecimalType(3, 1), false));
        assertThat(SqlParser.parseTableSchema("STRUCT<a: INT, b: STRING>"))
                .isEqualTo(StructType.empty().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType));
        assertThat(SqlParser.parseTableSchema("struct<>")).isEqualTo(StructType.empty());
        assertThat(SqlParser.parseTableSchema("date date, value double, key string, window struct<start:timestamp>"))
                .isEqualTo(StructType.empty().add("date", DataTypes.DateType).add("value", DataTypes.DoubleType)
                        .add("key", DataTypes.StringType)
                        .add("window", StructType.empty().add("start", DataTypes.TimestampType)));
        assertThat(SqlParser.parseTableSchema("struct INT")).isEqualTo(StructType.empty()
                .add("struct", DataTypes.IntegerType));
    }

    @Test
    void schemaDdlRoundTrips() {
        StructType schema = StructType.empty().add("ts", DataTypes.TimestampType)
                .add("user name", DataTypes.StringType, false)
                .add("tags", new ArrayType(DataTypes.StringType))
                .add("m", new MapType(DataTypes.StringType, new DecimalType(12, 2)))
                .add("s", StructType.empty().add("x", DataTypes.LongType).add("y`z", DataTypes.BinaryType));
        assertThat(SqlParser.parseTableSchema(schema.toDDL())).isEqualTo(schema);
    }

    @Test
    void rejectsMalformedSchemas() {
        assertThatThrownBy(() -> SqlParser.parseTableSchema("a:int, b:string")).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near ':'");
        assertThatThrownBy(() -> SqlParser.parseTableSchema("a int,")).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input");
        assertThatThrownBy(() -> SqlParser.parseTableSchema("a")).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input");
        assertThatThrownBy(() -> SqlParser.parseTableSchema("int")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> SqlParser.parseTableSchema("a foo")).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("[UNSUPPORTED_DATATYPE] Unsupported data type \"FOO\"");
    }

    @Test
    void parsesMultipartIdentifiers() {
        assertThat(SqlParser.parseMultipartIdentifier("tbl")).containsExactly("tbl");
        assertThat(SqlParser.parseMultipartIdentifier("db.tbl")).containsExactly("db", "tbl");
        assertThat(SqlParser.parseMultipartIdentifier("`a.b`.c")).containsExactly("a.b", "c");
        assertThat(SqlParser.parseMultipartIdentifier(" cat . db . `t``x` ")).containsExactly("cat", "db", "t`x");
        assertThat(SqlParser.parseMultipartIdentifier("date.timestamp")).containsExactly("date", "timestamp");
        assertThat(SqlParser.parseMultipartIdentifier("``")).containsExactly("");
        assertThatThrownBy(() -> SqlParser.parseMultipartIdentifier("a.")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> SqlParser.parseMultipartIdentifier("a b")).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'b'");
        assertThatThrownBy(() -> SqlParser.parseMultipartIdentifier("a-b")).isInstanceOf(ParseException.class);
    }

    @Test
    void everyKeywordIsANonReservedIdentifier() {
        io.fluxo.sql.parser.SqlBaseLexer lexer = new io.fluxo.sql.parser.SqlBaseLexer(
                org.antlr.v4.runtime.CharStreams.fromString(""));
        org.antlr.v4.runtime.Vocabulary vocabulary = lexer.getVocabulary();
        int keywords = 0;
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && literal.matches("'[A-Z_]+'")) {
                String word = literal.substring(1, literal.length() - 1);
                assertThat(SqlParser.parseMultipartIdentifier(word)).as(word).containsExactly(word);
                assertThat(SqlParser.parseTableSchema(word + " int").fieldNames()).as(word)
                        .isEqualTo(List.of(word));
                keywords++;
            }
        }
        assertThat(keywords).isGreaterThan(50);
    }
}

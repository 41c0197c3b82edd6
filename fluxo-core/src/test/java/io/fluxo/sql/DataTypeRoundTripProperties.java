package io.fluxo.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every type prints to text that parses back to the same type. */
class DataTypeRoundTripProperties {
    @Property(tries = 300)
    void simpleStringParsesBack(@ForAll("types") DataType type) {
        assertThat(SqlParser.parseDataType(type.simpleString())).isEqualTo(type);
    }

    @Property(tries = 300)
    void sqlParsesBack(@ForAll("types") DataType type) {
        assertThat(SqlParser.parseDataType(type.sql())).isEqualTo(type);
    }

    @Property(tries = 200)
    void schemaDdlParsesBack(@ForAll("schemas") StructType schema) {
        assertThat(SqlParser.parseTableSchema(schema.toDDL())).isEqualTo(schema);
    }

    @Provide
    Arbitrary<DataType> types() {
        return type(3);
    }

    /** Top-level columns with any names (quoted when needed) and nullability; nested types as in {@link #types}. */
    @Provide
    Arbitrary<StructType> schemas() {
        Arbitrary<String> anyName = Arbitraries.oneOf(plainNames(),
                Arbitraries.strings().withChars("ab `.-:,<>'\"é").ofMinLength(1).ofMaxLength(6));
        Arbitrary<StructField> field = Combinators.combine(anyName, type(2), Arbitraries.of(true, false))
                .as(StructField::new);
        return field.list().ofMinSize(1).ofMaxSize(5).map(StructType::new);
    }

    private Arbitrary<DataType> type(int depth) {
        Arbitrary<DataType> leaf = Arbitraries.oneOf(
                Arbitraries.of(DataTypes.BooleanType, DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType,
                        DataTypes.StringType, DataTypes.BinaryType, DataTypes.DateType, DataTypes.TimestampType,
                        DataTypes.NullType),
                Arbitraries.integers().between(1, DecimalType.MAX_PRECISION)
                        .flatMap(p -> Arbitraries.integers().between(0, p).map(s -> new DecimalType(p, s))));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<DataType> inner = Arbitraries.lazy(() -> type(depth - 1));
        Arbitrary<DataType> array = inner.map(t -> new ArrayType(t, true));
        Arbitrary<DataType> map = Combinators.combine(inner, inner).as((k, v) -> new MapType(k, v, true));
        Arbitrary<DataType> struct = Combinators.combine(plainNames(), inner).as(StructField::new)
                .list().ofMaxSize(4).map(StructType::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf), net.jqwik.api.Tuple.of(1, array), net.jqwik.api.Tuple.of(1, map),
                net.jqwik.api.Tuple.of(1, struct));
    }

    /** Names that need no quoting in simpleString, keywords among them. */
    private static Arbitrary<String> plainNames() {
        Arbitrary<String> words = Arbitraries.strings().alpha().numeric().withChars('_').ofMinLength(0)
                .ofMaxLength(8).map(s -> "c" + s);
        return Arbitraries.oneOf(words, Arbitraries.of(List.of("date", "timestamp", "end", "struct", "array", "map",
                "year", "interval", "not", "null", "comment", "key", "value", "window")));
    }
}

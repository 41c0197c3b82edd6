package io.fluxo.function.scalar;

import io.fluxo.errors.AnalysisException;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stand-in {@link SchemaParser}: a small recursive-descent reader of DDL types and field lists
 * ({@code a INT, `b c` ARRAY<STRUCT<x: DOUBLE>> NOT NULL}). TINYINT and SMALLINT read as INT, FLOAT and REAL as
 * DOUBLE, CHAR/VARCHAR as STRING, since Fluxo has no narrower types.
 */
final class MinimalSchemaParser implements SchemaParser {
    static final MinimalSchemaParser INSTANCE = new MinimalSchemaParser();
    static volatile SchemaParser installed = INSTANCE;

    private static final Map<String, DataType> PRIMITIVES = Map.ofEntries(
            Map.entry("BOOLEAN", BooleanType.INSTANCE), Map.entry("TINYINT", IntegerType.INSTANCE),
            Map.entry("BYTE", IntegerType.INSTANCE), Map.entry("SMALLINT", IntegerType.INSTANCE),
            Map.entry("SHORT", IntegerType.INSTANCE), Map.entry("INT", IntegerType.INSTANCE),
            Map.entry("INTEGER", IntegerType.INSTANCE), Map.entry("BIGINT", LongType.INSTANCE),
            Map.entry("LONG", LongType.INSTANCE), Map.entry("FLOAT", DoubleType.INSTANCE),
            Map.entry("REAL", DoubleType.INSTANCE), Map.entry("DOUBLE", DoubleType.INSTANCE),
            Map.entry("STRING", StringType.INSTANCE), Map.entry("BINARY", BinaryType.INSTANCE),
            Map.entry("DATE", DateType.INSTANCE), Map.entry("TIMESTAMP", TimestampType.INSTANCE),
            Map.entry("TIMESTAMP_LTZ", TimestampType.INSTANCE));

    private MinimalSchemaParser() {
    }

    @Override
    public DataType parse(String text) {
        try {
            Reader single = new Reader(text);
            DataType type = single.type();
            single.skipSpaces();
            if (single.atEnd()) {
                return type;
            }
        } catch (IllegalArgumentException e) {
            // not a single type: read it as a field list below
        }
        try {
            Reader reader = new Reader(text);
            StructType fields = reader.fields(true);
            reader.skipSpaces();
            if (!reader.atEnd()) {
                throw reader.error("unexpected '" + reader.rest() + "'");
            }
            return fields;
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("INVALID_SCHEMA.PARSE_ERROR", "The input schema \"" + text
                    + "\" is not a valid schema string. Cannot parse the schema: " + e.getMessage() + ".");
        }
    }

    /** A cursor over the text; errors are IllegalArgumentExceptions turned into one AnalysisException above. */
    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        String rest() {
            return text.substring(pos);
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at position " + pos);
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean accept(char c) {
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!accept(c)) {
                throw error("expected '" + c + "'");
            }
        }

        String identifier() {
            skipSpaces();
            if (accept('`')) {
                StringBuilder sb = new StringBuilder();
                while (true) {
                    if (pos >= text.length()) {
                        throw error("unclosed `");
                    }
                    char c = text.charAt(pos++);
                    if (c == '`') {
                        if (pos < text.length() && text.charAt(pos) == '`') {
                            sb.append('`');
                            pos++;
                            continue;
                        }
                        return sb.toString();
                    }
                    sb.append(c);
                }
            }
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a name");
            }
            return text.substring(start, pos);
        }

        int number() {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a number");
            }
            return Integer.parseInt(text.substring(start, pos));
        }

        DataType type() {
            String name = identifier().toUpperCase(Locale.ROOT);
            switch (name) {
                case "ARRAY": {
                    expect('<');
                    DataType element = type();
                    expect('>');
                    return new ArrayType(element, true);
                }
                case "MAP": {
                    expect('<');
                    DataType key = type();
                    expect(',');
                    DataType value = type();
                    expect('>');
                    return new MapType(key, value, true);
                }
                case "STRUCT": {
                    expect('<');
                    if (accept('>')) {
                        return StructType.empty();
                    }
                    StructType fields = fields(false);
                    expect('>');
                    return fields;
                }
                case "DECIMAL":
                case "DEC":
                case "NUMERIC": {
                    if (!accept('(')) {
                        return DecimalType.USER_DEFAULT;
                    }
                    int precision = number();
                    int scale = accept(',') ? number() : 0;
                    expect(')');
                    try {
                        return new DecimalType(precision, scale);
                    } catch (IllegalArgumentException e) {
                        throw error(e.getMessage());
                    }
                }
                case "CHAR":
                case "VARCHAR":
                    expect('(');
                    number();
                    expect(')');
                    return StringType.INSTANCE;
                default:
                    DataType t = PRIMITIVES.get(name);
                    if (t == null) {
                        throw error("unknown type " + name);
                    }
                    return t;
            }
        }

        /** {@code name [:] type [NOT NULL] [COMMENT '…']} separated by commas. */
        StructType fields(boolean topLevel) {
            List<StructField> fields = new ArrayList<>();
            do {
                String name = identifier();
                accept(':');
                DataType type = type();
                boolean nullable = true;
                skipSpaces();
                int mark = pos;
                String word = atEnd() || !Character.isLetter(text.charAt(pos)) ? "" : identifier();
                if (word.equalsIgnoreCase("NOT")) {
                    if (!identifier().equalsIgnoreCase("NULL")) {
                        throw error("expected NULL");
                    }
                    nullable = false;
                    skipSpaces();
                    mark = pos;
                    word = atEnd() || !Character.isLetter(text.charAt(pos)) ? "" : identifier();
                }
                if (word.equalsIgnoreCase("COMMENT")) {
                    skipSpaces();
                    char quote = pos < text.length() ? text.charAt(pos) : ' ';
                    if (quote != '\'' && quote != '"') {
                        throw error("expected a quoted comment");
                    }
                    int end = text.indexOf(quote, pos + 1);
                    if (end < 0) {
                        throw error("unclosed comment");
                    }
                    pos = end + 1;
                } else {
                    pos = mark;
                }
                fields.add(new StructField(name, type, nullable));
            } while (accept(','));
            if (topLevel && fields.isEmpty()) {
                throw error("no fields");
            }
            return new StructType(fields);
        }
    }
}

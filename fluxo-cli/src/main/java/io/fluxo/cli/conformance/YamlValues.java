package io.fluxo.cli.conformance;

import io.fluxo.api.Row;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns YAML values of a case into Fluxo's Java values for a schema (the forms {@link Row} documents): a TIMESTAMP
 * from an ISO-8601 instant or a number of seconds since the epoch, a DATE from {@code YYYY-MM-DD}, a struct from the
 * list of its fields, an array from a list, a map from a YAML map, SQL NULL from {@code null}. Used for input rows
 * when a case loads and for expected rows once the query's output schema is known.
 *
 * <p>Conversion is strict where a typo would otherwise pass unnoticed (text in a numeric column, a fraction in an
 * INT column) and fails with {@link IllegalArgumentException} naming the column: {@code amount: expected a DOUBLE,
 * got the text 'abc'}.
 */
public final class YamlValues {
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "y");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "off", "n");
    private static final Pattern INTEGER = Pattern.compile("[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9][0-9_]*)"
            + "([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(DateTimeUtils.MICROS_PER_SECOND);

    private YamlValues() {
    }

    /**
     * A row: a YAML list with one value per field of {@code schema}, in order.
     *
     * @throws IllegalArgumentException when the list has another length or a value does not fit its column
     */
    public static Row row(YamlNode node, StructType schema) {
        if (!(node instanceof YamlNode.Sequence list)) {
            throw new IllegalArgumentException("a row is a list of values, got " + node.describe());
        }
        if (list.items().size() != schema.size()) {
            throw new IllegalArgumentException("the row has " + list.items().size() + " value"
                    + (list.items().size() == 1 ? "" : "s") + " " + list + ", the schema " + schema.size() + " ("
                    + schema.toDDL() + ")");
        }
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(list.items().get(i), schema.field(i).dataType(), schema.field(i).name());
        }
        return Row.withSchema(schema, values);
    }

    /** Every row of {@code nodes}; an error names the 1-based row number. */
    public static List<Row> rows(List<? extends YamlNode> nodes, StructType schema) {
        List<Row> rows = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            try {
                rows.add(row(nodes.get(i), schema));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /**
     * One value of {@code type}; {@code path} names it in errors ({@code w.start}, {@code tags[2]}).
     *
     * @throws IllegalArgumentException when the YAML value cannot be a value of the type
     */
    public static Object value(YamlNode node, DataType type, String path) {
        if (node instanceof YamlNode.Scalar s && s.isNull()) {
            return null;
        }
        if (type instanceof ArrayType a) {
            YamlNode.Sequence list = expect(node, YamlNode.Sequence.class, type, path);
            List<Object> out = new ArrayList<>(list.items().size());
            for (int i = 0; i < list.items().size(); i++) {
                out.add(value(list.items().get(i), a.elementType(), path + "[" + (i + 1) + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        if (type instanceof MapType m) {
            YamlNode.Mapping map = expect(node, YamlNode.Mapping.class, type, path);
            Map<Object, Object> out = new LinkedHashMap<>();
            map.entries().forEach((key, v) -> {
                Object k = value(new YamlNode.Scalar(kindOfPlain(key), key, map.line()), m.keyType(),
                        path + " key");
                out.put(k, value(v, m.valueType(), path + "[" + key + "]"));
            });
            return Collections.unmodifiableMap(out);
        }
        if (type instanceof StructType st) {
            YamlNode.Sequence list = expect(node, YamlNode.Sequence.class, type, path);
            if (list.items().size() != st.size()) {
                throw new IllegalArgumentException(path + ": a struct is the list of its " + st.size()
                        + " fields (" + st.toDDL() + "), got " + list.items().size() + " values " + list);
            }
            Object[] fields = new Object[st.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = value(list.items().get(i), st.field(i).dataType(), path + "." + st.field(i).name());
            }
            return Row.withSchema(st, fields);
        }
        YamlNode.Scalar s = expect(node, YamlNode.Scalar.class, type, path);
        return scalar(s, type, path);
    }

    private static Object scalar(YamlNode.Scalar s, DataType type, String path) {
        String text = s.text();
        YamlNode.ScalarKind kind = s.kind();
        boolean number = kind == YamlNode.ScalarKind.INTEGER || kind == YamlNode.ScalarKind.FLOAT;
        if (type instanceof StringType) {
            return text;
        }
        if (type instanceof BooleanType) {
            String word = text.toLowerCase(Locale.ROOT);
            if (kind == YamlNode.ScalarKind.BOOLEAN || kind == YamlNode.ScalarKind.STRING) {
                if (TRUE_WORDS.contains(word)) {
                    return Boolean.TRUE;
                }
                if (FALSE_WORDS.contains(word)) {
                    return Boolean.FALSE;
                }
            }
        } else if (type instanceof IntegerType || type instanceof LongType) {
            if (kind == YamlNode.ScalarKind.INTEGER) {
                BigInteger v = integer(text);
                long lo = type instanceof IntegerType ? Integer.MIN_VALUE : Long.MIN_VALUE;
                long hi = type instanceof IntegerType ? Integer.MAX_VALUE : Long.MAX_VALUE;
                if (v.compareTo(BigInteger.valueOf(lo)) < 0 || v.compareTo(BigInteger.valueOf(hi)) > 0) {
                    throw new IllegalArgumentException(path + ": " + text + " is out of the range of "
                            + type.sql());
                }
                return type instanceof IntegerType ? (Object) v.intValue() : (Object) v.longValue();
            }
        } else if (type instanceof DoubleType) {
            Double d = number || kind == YamlNode.ScalarKind.STRING ? doubleValue(text) : null;
            if (d != null) {
                return d;
            }
        } else if (type instanceof DecimalType d) {
            if (number) {
                return decimal(text, d, path);
            }
        } else if (type instanceof TimestampType) {
            if (number) {
                return timestampFromSeconds(text, path);
            }
            if (kind == YamlNode.ScalarKind.STRING) {
                Long micros = DateTimeUtils.parseTimestamp(text, ZoneOffset.UTC);
                if (micros != null) {
                    return DateTimeUtils.toInstant(micros);
                }
            }
            throw new IllegalArgumentException(path + ": expected a TIMESTAMP (an ISO-8601 instant such as "
                    + "1970-01-01T00:00:10Z, or seconds since the epoch), got " + s.describe());
        } else if (type instanceof DateType) {
            Integer days = kind == YamlNode.ScalarKind.STRING ? DateTimeUtils.parseDate(text) : null;
            if (days != null) {
                return DateTimeUtils.toLocalDate(days);
            }
            throw new IllegalArgumentException(path + ": expected a DATE (YYYY-MM-DD), got " + s.describe());
        } else if (type instanceof BinaryType) {
            if (kind == YamlNode.ScalarKind.STRING) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
        } else if (type instanceof NullType) {
            throw new IllegalArgumentException(path + ": a VOID column holds only null, got " + s.describe());
        }
        throw new IllegalArgumentException(path + ": expected " + article(type) + ", got " + s.describe());
    }

    private static <T extends YamlNode> T expect(YamlNode node, Class<T> form, DataType type, String path) {
        if (!form.isInstance(node)) {
            String wanted = form == YamlNode.Sequence.class ? "a list" : form == YamlNode.Mapping.class ? "a map"
                    : "a single value";
            throw new IllegalArgumentException(path + ": " + type.sql() + " is written as " + wanted + ", got "
                    + node.describe());
        }
        return form.cast(node);
    }

    private static BigInteger integer(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        BigInteger v;
        if (t.startsWith("0x")) {
            v = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            v = new BigInteger(t.substring(2), 8);
        } else {
            v = new BigInteger(t);
        }
        return negative ? v.negate() : v;
    }

    /** A double from YAML or Spark text: {@code 1.5}, {@code 1e3}, {@code .nan}, {@code -.inf}, {@code NaN}. */
    private static Double doubleValue(String text) {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        return switch (t) {
            case ".nan", "nan" -> Double.NaN;
            case ".inf", "+.inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-.inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> parseDouble(t);
        };
    }

    private static Double parseDouble(String text) {
        try {
            return text.startsWith("0x") || text.startsWith("-0x") || text.startsWith("+0x")
                    ? integer(text).doubleValue() : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String text, DecimalType type, String path) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": expected " + article(type) + ", got the number " + text, e);
        }
        try {
            v = v.setScale(type.scale());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(path + ": " + text + " has more than " + type.scale()
                    + " digits after the point for " + type.sql(), e);
        }
        if (v.precision() > type.precision()) {
            throw new IllegalArgumentException(path + ": " + text + " has more digits than " + type.sql()
                    + " holds");
        }
        return v;
    }

    private static Object timestampFromSeconds(String text, String path) {
        try {
            BigDecimal micros = new BigDecimal(text.replace("_", "")).multiply(MICROS_PER_SECOND);
            return DateTimeUtils.toInstant(micros.setScale(0).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(path + ": " + text + " seconds is not a timestamp with microsecond"
                    + " precision", e);
        }
    }

    /** How YAML would read a plain scalar: map keys arrive as text, but {@code 1: a} means the number 1. */
    private static YamlNode.ScalarKind kindOfPlain(String text) {
        if (INTEGER.matcher(text).matches()) {
            return YamlNode.ScalarKind.INTEGER;
        }
        if (FLOAT.matcher(text).matches()) {
            return YamlNode.ScalarKind.FLOAT;
        }
        String word = text.toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word) || FALSE_WORDS.contains(word)) {
            return YamlNode.ScalarKind.BOOLEAN;
        }
        return YamlNode.ScalarKind.STRING;
    }

    private static String article(DataType type) {
        String sql = type.sql();
        return ("AEIOU".indexOf(sql.charAt(0)) >= 0 ? "an " : "a ") + sql;
    }
}

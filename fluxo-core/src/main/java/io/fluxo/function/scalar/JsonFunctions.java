package io.fluxo.function.scalar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.function.FunctionRegistry;
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
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.MapVector;
import io.fluxo.vector.StructVector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON functions with Jackson's streaming API: from_json (text to STRUCT/ARRAY/MAP through converters compiled once
 * from the schema), to_json (Spark's output format, null struct fields left out), and get_json_object (Spark's
 * JSONPath subset: {@code $ .name ['name'] [index] [*]}).
 */
public final class JsonFunctions {
    private static final DataType STRING = StringType.INSTANCE;
    static final JsonFactory FACTORY = new Utf8JsonFactory();

    static {
        FACTORY.setRootValueSeparator(null);
    }

    private JsonFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(FunctionDefinition.of("from_json", 2, 3, JsonFunctions::bindFromJson));
        registry.register(FunctionDefinition.of("to_json", 1, 2, JsonFunctions::bindToJson));
        registry.register(FunctionDefinition.of("get_json_object", 2, 2, JsonFunctions::bindGetJsonObject));
    }

    /** A constant {@code MAP<STRING, STRING>} options argument, keys lower-cased. */
    private static Map<String, String> options(Binding b, int index) {
        if (index >= b.count()) {
            return Map.of();
        }
        if (!(b.type(index) instanceof MapType m) || !(m.keyType() instanceof StringType)
                || !(m.valueType() instanceof StringType)) {
            throw b.unexpectedType(index, "\"MAP<STRING, STRING>\"");
        }
        if (!b.isConstant(index)) {
            throw new AnalysisException("INVALID_OPTIONS.NON_MAP_FUNCTION",
                    "Must use the `map()` function for options.");
        }
        Object value = b.constant(index);
        HashMap<String, String> out = new HashMap<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()).toLowerCase(Locale.ROOT), String.valueOf(e.getValue()));
            }
        }
        return out;
    }

    // ---- from_json -------------------------------------------------------------------------------------------

    /** Reads one JSON value into a vector: appends exactly one row, NULL when the value does not fit the type. */
    private interface Converter {
        void read(JsonParser p, ColumnVector out) throws IOException;
    }

    /** from_json's reading options: date and timestamp formats (absent: the CAST syntax) and the session zone. */
    private record ReadOptions(DateTimeFormatter dateFormat, DateTimeFormatter timestampFormat) {
    }

    private static BoundFunction bindFromJson(Binding b) {
        DataType input = b.expect(0, STRING);
        if (!b.isConstant(1) || !(b.type(1) instanceof StringType) || b.constantString(1) == null) {
            throw new AnalysisException("INVALID_SCHEMA.NON_STRING_LITERAL",
                    "The input schema must be a string literal, but it's a non-constant or null "
                            + FunctionErrors.quote(b.type(1)) + " value.");
        }
        DataType schema = SchemaParser.installed().parse(b.constantString(1));
        Map<String, String> options = options(b, 2);
        String mode = options.getOrDefault("mode", "PERMISSIVE").toUpperCase(Locale.ROOT);
        if (!mode.equals("PERMISSIVE") && !mode.equals("FAILFAST")) {
            throw new AnalysisException("PARSE_MODE_UNSUPPORTED", "The function `from_json` doesn't support the "
                    + mode + " mode. Acceptable modes are PERMISSIVE and FAILFAST.");
        }
        ReadOptions read = new ReadOptions(
                options.containsKey("dateformat") ? DateTimeUtils.formatter(options.get("dateformat")) : null,
                options.containsKey("timestampformat") ? DateTimeUtils.formatter(options.get("timestampformat"))
                        : null);
        boolean failFast = mode.equals("FAILFAST");
        List<DataType> inputs = new ArrayList<>(List.of(input, STRING));
        if (b.count() == 3) {
            inputs.add(b.type(2));
        }
        return BoundFunction.of(schema, inputs, (a, n, c) -> {
            Converter root = converter(schema, read, c.zone());
            BytesVector text = (BytesVector) a[0];
            ColumnVector out = ColumnVector.allocate(schema, n);
            for (int i = 0; i < n; i++) {
                if (text.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                readRoot(text, i, root, schema, out, failFast);
            }
            return out;
        }).withNullability(Nullability.ALWAYS);
    }

    private static void readRoot(BytesVector text, int row, Converter root, DataType schema, ColumnVector out,
            boolean failFast) {
        int outRow = out.size();
        try (JsonParser p = FACTORY.createParser(text.data(), text.start(row), text.length(row))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                out.appendNull();
                return;
            }
            boolean fits = schema instanceof ArrayType ? first == JsonToken.START_ARRAY
                    : first == JsonToken.START_OBJECT;
            if (fits) {
                root.read(p, out);
                if (p.nextToken() == null) {
                    return;
                }
            } else if (!failFast) {
                appendMalformed(schema, out);
                return;
            }
        } catch (IOException e) {
            if (out.size() == outRow) {
                out.appendNull();
            }
        }
        if (failFast) {
            throw new FluxoRuntimeException("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", "Malformed records are "
                    + "detected in record parsing: " + text.getString(row) + ". Parse Mode: FAILFAST. To process "
                    + "malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.");
        }
        markMalformed(schema, out, outRow);
    }

    /** Spark's PERMISSIVE result for a malformed record: a struct of NULL fields, or NULL for arrays and maps. */
    private static void appendMalformed(DataType schema, ColumnVector out) {
        if (schema instanceof StructType s) {
            StructVector struct = (StructVector) out;
            for (int f = 0; f < s.size(); f++) {
                struct.field(f).appendNull();
            }
            struct.endStruct();
        } else {
            out.appendNull();
        }
    }

    private static void markMalformed(DataType schema, ColumnVector out, int row) {
        if (schema instanceof StructType) {
            StructVector struct = (StructVector) out;
            for (int f = 0; f < struct.numFields(); f++) {
                struct.field(f).setNull(row);
            }
        } else {
            out.setNull(row);
        }
    }

    private static Converter converter(DataType type, ReadOptions options, ZoneId zone) {
        if (type instanceof StructType s) {
            return structConverter(s, options, zone);
        }
        if (type instanceof ArrayType a) {
            Converter element = converter(a.elementType(), options, zone);
            return (p, out) -> {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    mismatch(p, out);
                    return;
                }
                ArrayVector array = (ArrayVector) out;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    element.read(p, array.elements());
                }
                array.endArray();
            };
        }
        if (type instanceof MapType m) {
            Converter value = converter(m.valueType(), options, zone);
            return (p, out) -> {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    mismatch(p, out);
                    return;
                }
                MapVector map = (MapVector) out;
                BytesVector keys = (BytesVector) map.keys();
                ColumnVector values = map.values();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int before = values.size();
                    try {
                        p.nextToken();
                        value.read(p, values);
                    } finally {
                        // keys and values stay aligned even when a malformed value ends the record mid-way
                        if (values.size() > before) {
                            keys.appendString(name);
                        }
                    }
                }
                map.endMap();
            };
        }
        return scalarConverter(type, options, zone);
    }

    private static Converter structConverter(StructType s, ReadOptions options, ZoneId zone) {
        Converter[] fields = new Converter[s.size()];
        // Field names match exactly, as in Spark ({"A":1} does not fill a field a).
        Map<String, Integer> byName = new HashMap<>();
        for (int f = 0; f < fields.length; f++) {
            fields[f] = converter(s.field(f).dataType(), options, zone);
            byName.putIfAbsent(s.field(f).name(), f);
        }
        return (p, out) -> {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                mismatch(p, out);
                return;
            }
            StructVector struct = (StructVector) out;
            int row = struct.size();
            try {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    Integer f = byName.get(p.currentName());
                    p.nextToken();
                    if (f == null) {
                        p.skipChildren();
                    } else {
                        if (struct.field(f).size() > row) {
                            struct.field(f).truncate(row); // a repeated key: the last value wins, as in Spark
                        }
                        fields[f].read(p, struct.field(f));
                    }
                }
            } finally {
                // every field gets exactly one value for this row, NULL when absent or cut off by malformed input
                for (int f = 0; f < fields.length; f++) {
                    if (struct.field(f).size() == row) {
                        struct.field(f).appendNull();
                    }
                }
                struct.endStruct();
            }
        };
    }

    /** A value of the wrong kind for its type: NULL in its place (Spark's partial results). */
    private static void mismatch(JsonParser p, ColumnVector out) throws IOException {
        p.skipChildren();
        out.appendNull();
    }

    private static Converter scalarConverter(DataType type, ReadOptions options, ZoneId zone) {
        if (type instanceof StringType) {
            return (p, out) -> {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_NULL) {
                    out.appendNull();
                } else if (t == JsonToken.VALUE_STRING) {
                    ((BytesVector) out).appendString(p.getText());
                } else {
                    ((BytesVector) out).append(rawJson(p));
                }
            };
        }
        if (type instanceof IntegerType || type instanceof LongType) {
            boolean isInt = type instanceof IntegerType;
            return (p, out) -> {
                if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                    mismatch(p, out);
                    return;
                }
                try {
                    if (isInt) {
                        ((IntVector) out).append(p.getIntValue());
                    } else {
                        ((LongVector) out).append(p.getLongValue());
                    }
                } catch (JsonProcessingException e) {
                    out.appendNull();
                }
            };
        }
        if (type instanceof DoubleType) {
            return (p, out) -> {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    ((DoubleVector) out).append(p.getDoubleValue());
                } else if (t == JsonToken.VALUE_STRING && nonNumeric(p.getText()) != null) {
                    ((DoubleVector) out).append(nonNumeric(p.getText()));
                } else {
                    mismatch(p, out);
                }
            };
        }
        if (type instanceof DecimalType) {
            return (p, out) -> {
                JsonToken t = p.currentToken();
                DecimalVector v = (DecimalVector) out;
                if ((t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)
                        && v.fits(p.getDecimalValue())) {
                    v.appendDecimal(p.getDecimalValue());
                } else {
                    mismatch(p, out);
                }
            };
        }
        if (type instanceof BooleanType) {
            return (p, out) -> {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    ((BooleanVector) out).append(t == JsonToken.VALUE_TRUE);
                } else {
                    mismatch(p, out);
                }
            };
        }
        if (type instanceof DateType) {
            return (p, out) -> {
                Integer days = null;
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    String s = p.getText();
                    if (options.dateFormat() == null) {
                        days = DateTimeUtils.parseDate(s);
                    } else {
                        Long micros = DateTimeUtils.parseTimestamp(s, options.dateFormat(), ZoneOffset.UTC);
                        days = micros == null ? null : (int) Math.floorDiv(micros, DateTimeUtils.MICROS_PER_DAY);
                    }
                }
                if (days == null) {
                    mismatch(p, out);
                } else {
                    ((IntVector) out).append(days);
                }
            };
        }
        if (type instanceof TimestampType) {
            return (p, out) -> {
                Long micros = null;
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    micros = options.timestampFormat() == null ? DateTimeUtils.parseTimestamp(p.getText(), zone)
                            : DateTimeUtils.parseTimestamp(p.getText(), options.timestampFormat(), zone);
                } else if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    micros = p.getLongValue() * DateTimeUtils.MICROS_PER_SECOND;
                }
                if (micros == null) {
                    mismatch(p, out);
                } else {
                    ((LongVector) out).append(micros);
                }
            };
        }
        if (type instanceof NullType) {
            return JsonFunctions::mismatch;
        }
        if (type instanceof BinaryType) {
            return (p, out) -> {
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    ((BytesVector) out).append(p.getBinaryValue());
                } else {
                    mismatch(p, out);
                }
            };
        }
        throw new IllegalArgumentException("from_json cannot read " + type.simpleString());
    }

    private static Double nonNumeric(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
            case "+Infinity":
            case "INF":
            case "+INF":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
            case "-INF":
                return Double.NEGATIVE_INFINITY;
            default:
                return null;
        }
    }

    /** The current value (scalar or nested) re-serialized compactly, as Spark keeps non-string JSON for STRING. */
    private static byte[] rawJson(JsonParser p) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
            g.copyCurrentStructure(p);
        }
        return buffer.toByteArray();
    }

    // ---- to_json ---------------------------------------------------------------------------------------------

    /** Writes the value at one row of a vector. */
    private interface Writer {
        void write(JsonGenerator g, ColumnVector v, int row) throws IOException;
    }

    private record WriteOptions(DateTimeFormatter dateFormat, DateTimeFormatter timestampFormat,
            boolean ignoreNullFields) {
    }

    private static BoundFunction bindToJson(Binding b) {
        DataType t = b.type(0);
        if (!(t instanceof StructType || t instanceof MapType || t instanceof ArrayType)) {
            throw b.unexpectedType(0, "(\"STRUCT\" or \"MAP\" or \"ARRAY\")");
        }
        Map<String, String> options = options(b, 1);
        WriteOptions write = new WriteOptions(
                options.containsKey("dateformat") ? DateTimeUtils.formatter(options.get("dateformat")) : null,
                options.containsKey("timestampformat") ? DateTimeUtils.formatter(options.get("timestampformat"))
                        : null,
                !"false".equalsIgnoreCase(options.getOrDefault("ignorenullfields", "true")));
        List<DataType> inputs = b.count() == 2 ? List.of(t, b.type(1)) : List.of(t);
        return BoundFunction.of(STRING, inputs, (a, n, c) -> {
            Writer writer = writer(t, write, c.zone());
            BytesVector out = new BytesVector(STRING, n, n * 32);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (a[0].isNull(i)) {
                        out.appendNull();
                        continue;
                    }
                    writer.write(g, a[0], i);
                    g.flush();
                    out.append(buffer.toByteArray());
                    buffer.reset();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        });
    }

    private static Writer writer(DataType type, WriteOptions options, ZoneId zone) {
        if (type instanceof StructType s) {
            Writer[] fields = new Writer[s.size()];
            String[] names = s.fieldNames().toArray(new String[0]);
            for (int f = 0; f < fields.length; f++) {
                fields[f] = writer(s.field(f).dataType(), options, zone);
            }
            return (g, v, row) -> {
                StructVector struct = (StructVector) v;
                g.writeStartObject();
                for (int f = 0; f < fields.length; f++) {
                    ColumnVector field = struct.field(f);
                    if (field.isNull(row)) {
                        if (!options.ignoreNullFields()) {
                            g.writeNullField(names[f]);
                        }
                        continue;
                    }
                    g.writeFieldName(names[f]);
                    fields[f].write(g, field, row);
                }
                g.writeEndObject();
            };
        }
        if (type instanceof ArrayType a) {
            Writer element = writer(a.elementType(), options, zone);
            return (g, v, row) -> {
                ArrayVector array = (ArrayVector) v;
                ColumnVector el = array.elements();
                g.writeStartArray();
                for (int k = array.start(row), end = k + array.length(row); k < end; k++) {
                    if (el.isNull(k)) {
                        g.writeNull();
                    } else {
                        element.write(g, el, k);
                    }
                }
                g.writeEndArray();
            };
        }
        if (type instanceof MapType m) {
            Writer value = writer(m.valueType(), options, zone);
            return (g, v, row) -> {
                MapVector map = (MapVector) v;
                ColumnVector keys = map.keys();
                ColumnVector values = map.values();
                g.writeStartObject();
                for (int k = map.start(row), end = k + map.length(row); k < end; k++) {
                    g.writeFieldName(keyText(keys, k, zone));
                    if (values.isNull(k)) {
                        g.writeNull();
                    } else {
                        value.write(g, values, k);
                    }
                }
                g.writeEndObject();
            };
        }
        if (type instanceof IntegerType) {
            return (g, v, row) -> g.writeNumber(((IntVector) v).get(row));
        }
        if (type instanceof LongType) {
            return (g, v, row) -> g.writeNumber(((LongVector) v).get(row));
        }
        if (type instanceof DoubleType) {
            return (g, v, row) -> g.writeNumber(((DoubleVector) v).get(row));
        }
        if (type instanceof DecimalType) {
            return (g, v, row) -> g.writeNumber(((DecimalVector) v).getDecimal(row));
        }
        if (type instanceof BooleanType) {
            return (g, v, row) -> g.writeBoolean(((BooleanVector) v).get(row));
        }
        if (type instanceof StringType) {
            return (g, v, row) -> g.writeString(((BytesVector) v).getString(row));
        }
        if (type instanceof BinaryType) {
            return (g, v, row) -> g.writeBinary(((BytesVector) v).getBytes(row));
        }
        if (type instanceof DateType) {
            return (g, v, row) -> {
                int days = ((IntVector) v).get(row);
                g.writeString(options.dateFormat() == null ? DateTimeUtils.formatDate(days)
                        : DateTimeUtils.format(days * DateTimeUtils.MICROS_PER_DAY, options.dateFormat(),
                                ZoneOffset.UTC));
            };
        }
        if (type instanceof TimestampType) {
            return (g, v, row) -> {
                long micros = ((LongVector) v).get(row);
                g.writeString(options.timestampFormat() == null ? DateTimeUtils.formatTimestampIso(micros, zone)
                        : DateTimeUtils.format(micros, options.timestampFormat(), zone));
            };
        }
        return (g, v, row) -> g.writeNull();
    }

    private static String keyText(ColumnVector keys, int k, ZoneId zone) {
        if (keys instanceof BytesVector b) {
            return b.getString(k);
        }
        if (keys.type() instanceof DateType) {
            return DateTimeUtils.formatDate(((IntVector) keys).get(k));
        }
        if (keys.type() instanceof TimestampType) {
            return DateTimeUtils.formatTimestamp(((LongVector) keys).get(k), zone);
        }
        Object value = keys.getObject(k);
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    // ---- get_json_object -------------------------------------------------------------------------------------

    private static BoundFunction bindGetJsonObject(Binding b) {
        List<DataType> inputs = List.of(b.expect(0, STRING), b.expect(1, STRING));
        String constantPath = b.constantString(1);
        JsonPath prepared = constantPath == null ? null : JsonPath.parse(constantPath);
        boolean constant = b.isConstant(1);
        return BoundFunction.of(STRING, inputs, (a, n, c) -> {
            BytesVector json = (BytesVector) a[0];
            BytesVector paths = (BytesVector) a[1];
            BytesVector out = new BytesVector(STRING, n, n * 16);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            JsonPath path = prepared;
            String lastPath = null;
            for (int i = 0; i < n; i++) {
                if (json.isNull(i) || paths.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                if (!constant) {
                    String text = paths.getString(i);
                    if (!text.equals(lastPath)) {
                        lastPath = text;
                        path = JsonPath.parse(text);
                    }
                }
                if (path == null) {
                    out.appendNull();
                    continue;
                }
                buffer.reset();
                if (path.evaluate(json.data(), json.start(i), json.length(i), buffer)) {
                    out.append(buffer.toByteArray());
                } else {
                    out.appendNull();
                }
            }
            return out;
        }).withNullability(Nullability.ALWAYS);
    }
}

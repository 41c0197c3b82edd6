package io.fluxo.connector.file.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.fluxo.connector.file.internal.MalformedRecords;
import io.fluxo.connector.file.internal.Utf8;
import io.fluxo.errors.AnalysisException;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Converts JSON tokens straight into column vectors, following Spark's JacksonParser: numbers into numeric columns
 * (no strings into numbers), strings into dates and timestamps by pattern or Spark's flexible rules, any value into a
 * STRING column as its exact source text, objects into STRUCT and MAP, arrays into ARRAY. A value that does not fit
 * nulls its nearest enclosing object field (a bad element nulls its whole array or map, as in Spark) and marks the
 * record malformed; other fields keep their values (Spark's partial results).
 *
 * <p>One instance per reader; it reads one record at a time from a parser over a byte array (whose bytes give the
 * exact text of non-string values read into strings).
 */
final class JsonRecordParser {
    private final JsonOptions options;
    private final RecordErrors errors = new RecordErrors();
    private final ObjectReader root;
    /** The bytes the current parser reads, and the index its offsets count from. */
    private byte[] input;
    private int inputBase;
    private int inputEnd;
    /** End of the raw string found by {@link #rawString}. */
    private int rawEnd;
    /** Scratch for date and timestamp text. */
    private byte[] scratch = new byte[64];

    JsonRecordParser(StructType fields, JsonOptions options) {
        this.options = options;
        this.root = new ObjectReader(fields);
    }

    RecordErrors errors() {
        return errors;
    }

    /** Sets the bytes the next parser reads ({@code createParser(input, base, len)}). */
    void setInput(byte[] input, int base, int len) {
        this.input = input;
        this.inputBase = base;
        this.inputEnd = base + len;
    }

    /**
     * When the current string token is written in the input without escapes, the index of its first byte, with
     * {@link #rawEnd} after its last; else -1. Its UTF-8 bytes are then the value, and Jackson only skips (and
     * validates) them instead of decoding them.
     */
    private int rawString(JsonParser p) {
        int quote = inputBase + (int) p.currentTokenLocation().getByteOffset();
        if (quote >= inputEnd || input[quote] != '"') {
            return -1;
        }
        byte[] b = input;
        for (int i = quote + 1; i < inputEnd; i++) {
            byte c = b[i];
            if (c == '"') {
                rawEnd = i;
                return quote + 1;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Reads the fields of the object whose START_OBJECT was just read into {@code vectors} (one per field, row
     * {@code row}), leaving the parser on END_OBJECT.
     */
    void readRootObject(JsonParser p, ColumnVector[] vectors, int row) throws IOException {
        root.readFields(p, vectors, row);
    }

    /** Reads a value of any type, checking the column types once. */
    private ValueReader readerFor(DataType type) {
        if (type instanceof BooleanType) {
            return new BooleanReader();
        }
        if (type instanceof IntegerType) {
            return new IntReader();
        }
        if (type instanceof LongType) {
            return new LongReader();
        }
        if (type instanceof DoubleType) {
            return new DoubleReader();
        }
        if (type instanceof DecimalType d) {
            return new DecimalReader(d);
        }
        if (type instanceof StringType) {
            return new StringReader();
        }
        if (type instanceof BinaryType) {
            return new BinaryReader();
        }
        if (type instanceof DateType) {
            return new DateReader();
        }
        if (type instanceof TimestampType) {
            return new TimestampReader();
        }
        if (type instanceof ArrayType a) {
            return new ArrayReader(a);
        }
        if (type instanceof MapType m) {
            if (!(m.keyType() instanceof StringType)) {
                throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "The JSON datasource doesn't "
                        + "support the type \"" + m.sql() + "\": map keys must be STRING.",
                        Map.of("columnType", m.sql(), "format", "JSON"));
            }
            return new MapReader(m);
        }
        if (type instanceof StructType s) {
            return new StructReader(s);
        }
        if (type instanceof NullType) {
            return new NullReader();
        }
        throw new IllegalArgumentException("no JSON reader for " + type);
    }

    /** The error for a value that does not fit {@code type}, after skipping the rest of it. */
    private static JsonValueException mismatch(JsonParser p, JsonToken t, DataType type) throws IOException {
        String shown;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            shown = t == JsonToken.START_OBJECT ? "a JSON object" : "a JSON array";
        } else {
            shown = "'" + MalformedRecords.shown(p.getText()) + "'";
        }
        return new JsonValueException("cannot parse " + shown + " as " + type.sql());
    }

    /** Reads one non-null value (first token {@code t}) into {@code out}. */
    abstract static class ValueReader {
        abstract void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException;
    }

    /** The fields of an object, by name (case-sensitive, as Spark's JSON reader), into one vector each. */
    private final class ObjectReader {
        private final String[] names;
        private final ValueReader[] readers;
        private final Map<String, Integer> byName = new HashMap<>();
        /** Names seen at each position of earlier objects, and their field index: most records repeat an order. */
        private final String[] seenNames;
        private final int[] seenIndex;

        ObjectReader(StructType type) {
            int n = type.size();
            names = new String[n];
            readers = new ValueReader[n];
            for (int i = 0; i < n; i++) {
                names[i] = type.field(i).name();
                readers[i] = readerFor(type.field(i).dataType());
                byName.putIfAbsent(names[i], i);
            }
            seenNames = new String[Math.max(2 * n, 8)];
            seenIndex = new int[seenNames.length];
        }

        private int indexOf(String name, int position) {
            if (position < seenNames.length) {
                if (seenNames[position] == name) {
                    return seenIndex[position];
                }
                Integer i = byName.get(name);
                int index = i == null ? -1 : i;
                seenNames[position] = name;
                seenIndex[position] = index;
                return index;
            }
            Integer i = byName.get(name);
            return i == null ? -1 : i;
        }

        void readFields(JsonParser p, ColumnVector[] vectors, int row) throws IOException {
            int position = 0;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                int i = indexOf(name, position++);
                t = p.nextToken();
                if (i < 0) {
                    p.skipChildren();
                    continue;
                }
                ColumnVector v = vectors[i];
                if (v.size() > row) {
                    v.truncate(row); // a repeated key: the last one wins, as in Spark
                }
                if (t == JsonToken.VALUE_NULL) {
                    v.appendNull();
                    continue;
                }
                try {
                    readers[i].read(p, t, v);
                } catch (JsonValueException e) {
                    v.truncate(row);
                    v.appendNull();
                    errors.record(e, name, p);
                }
            }
            for (ColumnVector v : vectors) {
                if (v.size() == row) {
                    v.appendNull();
                }
            }
        }
    }

    private final class StructReader extends ValueReader {
        private final StructType type;
        private final ObjectReader fields;
        private ColumnVector[] children;
        private StructVector childrenOf;

        StructReader(StructType type) {
            this.type = type;
            this.fields = new ObjectReader(type);
        }

        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw mismatch(p, t, type);
            }
            StructVector s = (StructVector) out;
            if (childrenOf != s) {
                children = new ColumnVector[s.numFields()];
                for (int i = 0; i < children.length; i++) {
                    children[i] = s.field(i);
                }
                childrenOf = s;
            }
            fields.readFields(p, children, s.size());
            s.endStruct();
        }
    }

    private final class ArrayReader extends ValueReader {
        private final ArrayType type;
        private final ValueReader element;

        ArrayReader(ArrayType type) {
            this.type = type;
            this.element = readerFor(type.elementType());
        }

        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                throw mismatch(p, t, type);
            }
            ArrayVector a = (ArrayVector) out;
            ColumnVector elements = a.elements();
            for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NULL) {
                    elements.appendNull();
                    continue;
                }
                try {
                    element.read(p, t, elements);
                } catch (JsonValueException e) {
                    skipRest(p, JsonToken.END_ARRAY);
                    throw e;
                }
            }
            a.endArray();
        }
    }

    private final class MapReader extends ValueReader {
        private final MapType type;
        private final ValueReader value;
        private final Map<String, byte[]> keyBytes = new HashMap<>();

        MapReader(MapType type) {
            this.type = type;
            this.value = readerFor(type.valueType());
        }

        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw mismatch(p, t, type);
            }
            MapVector m = (MapVector) out;
            BytesVector keys = (BytesVector) m.keys();
            ColumnVector values = m.values();
            for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                byte[] key = keyBytes.get(name);
                if (key == null) {
                    key = name.getBytes(StandardCharsets.UTF_8);
                    if (keyBytes.size() < 4096) {
                        keyBytes.put(name, key);
                    }
                }
                t = p.nextToken();
                keys.append(key);
                if (t == JsonToken.VALUE_NULL) {
                    values.appendNull();
                    continue;
                }
                try {
                    value.read(p, t, values);
                } catch (JsonValueException e) {
                    skipRest(p, JsonToken.END_OBJECT);
                    throw e;
                }
            }
            m.endMap();
        }
    }

    /** Skips the remaining values of the container being read, up to its {@code end} token. */
    private static void skipRest(JsonParser p, JsonToken end) throws IOException {
        for (JsonToken t = p.nextToken(); t != end && t != null; t = p.nextToken()) {
            p.skipChildren();
        }
    }

    private static final class BooleanReader extends ValueReader {
        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            if (t == JsonToken.VALUE_TRUE) {
                ((BooleanVector) out).append(true);
            } else if (t == JsonToken.VALUE_FALSE) {
                ((BooleanVector) out).append(false);
            } else {
                throw mismatch(p, t, BooleanType.INSTANCE);
            }
        }
    }

    private static final class IntReader extends ValueReader {
        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                throw mismatch(p, t, IntegerType.INSTANCE);
            }
            ((IntVector) out).append(p.getIntValue());
        }
    }

    private static final class LongReader extends ValueReader {
        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw mismatch(p, t, LongType.INSTANCE);
            }
            ((LongVector) out).append(p.getLongValue());
        }
    }

    private final class DoubleReader extends ValueReader {
        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                ((DoubleVector) out).append(p.getDoubleValue());
                return;
            }
            if (t == JsonToken.VALUE_STRING && options.allowNonNumericNumbers) {
                String s = p.getText();
                switch (s) {
                    case "NaN":
                        ((DoubleVector) out).append(Double.NaN);
                        return;
                    case "+INF":
                    case "+Infinity":
                    case "Infinity":
                        ((DoubleVector) out).append(Double.POSITIVE_INFINITY);
                        return;
                    case "-INF":
                    case "-Infinity":
                        ((DoubleVector) out).append(Double.NEGATIVE_INFINITY);
                        return;
                    default:
                        break;
                }
            }
            throw mismatch(p, t, DoubleType.INSTANCE);
        }
    }

    private static final class DecimalReader extends ValueReader {
        private final DecimalType type;
        private final long bound;
        private final long multiplier;

        DecimalReader(DecimalType type) {
            this.type = type;
            this.bound = type.isCompact() ? pow10(type.precision()) : 0;
            this.multiplier = type.scale() <= 18 ? pow10(type.scale()) : 0;
        }

        private static long pow10(int n) {
            long v = 1;
            for (int i = 0; i < n; i++) {
                v *= 10;
            }
            return v;
        }

        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            DecimalVector d = (DecimalVector) out;
            BigDecimal value;
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                if (t == JsonToken.VALUE_NUMBER_INT && bound != 0
                        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    long v = p.getLongValue();
                    long unscaled = v * multiplier;
                    if (Math.abs(v) < bound && unscaled / multiplier == v && Math.abs(unscaled) < bound) {
                        d.appendUnscaled(unscaled);
                        return;
                    }
                }
                value = p.getDecimalValue();
            } else if (t == JsonToken.VALUE_STRING && p.getTextLength() > 0) {
                String s = p.getText();
                try {
                    value = new BigDecimal(s.indexOf(',') >= 0 ? s.replace(",", "") : s);
                } catch (NumberFormatException e) {
                    throw mismatch(p, t, type);
                }
            } else {
                throw mismatch(p, t, type);
            }
            BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
            if (scaled.precision() > type.precision() && scaled.signum() != 0) {
                throw new JsonValueException("cannot fit '" + value.toPlainString() + "' into " + type.sql());
            }
            d.appendDecimal(scaled);
        }
    }

    private final class StringReader extends ValueReader {
        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            BytesVector v = (BytesVector) out;
            if (t == JsonToken.VALUE_STRING) {
                int raw = rawString(p);
                if (raw >= 0) {
                    v.append(input, raw, rawEnd - raw);
                } else {
                    Utf8.append(v, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                }
                return;
            }
            // Spark keeps any other value as its exact text: 1.50 stays "1.50", an object stays as written.
            int start = (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            int end = (int) p.currentLocation().getByteOffset();
            v.append(input, inputBase + start, end - start);
        }
    }

    private static final class BinaryReader extends ValueReader {
        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                throw mismatch(p, t, BinaryType.INSTANCE);
            }
            byte[] bytes;
            try {
                bytes = p.getBinaryValue();
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new JsonValueException("cannot parse '" + p.getText() + "' as BINARY (base64)");
            }
            ((BytesVector) out).append(bytes);
        }
    }

    /** The current string token as UTF-8 in {@link #scratch}; returns its length. */
    private int textBytes(JsonParser p) throws IOException {
        int len = p.getTextLength();
        if (scratch.length < len * 3) {
            scratch = new byte[len * 3];
        }
        return Utf8.encode(p.getTextCharacters(), p.getTextOffset(), len, scratch, 0);
    }

    private final class DateReader extends ValueReader {
        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            if (t != JsonToken.VALUE_STRING || p.getTextLength() == 0) {
                throw mismatch(p, t, DateType.INSTANCE);
            }
            int days;
            if (options.dateFormat == null) {
                int raw = rawString(p);
                if (raw >= 0) {
                    days = DateTimeUtils.parseDate(input, raw, rawEnd);
                } else {
                    int n = textBytes(p); // may replace scratch: call before reading the field
                    days = DateTimeUtils.parseDate(scratch, 0, n);
                }
            } else {
                Long micros = DateTimeUtils.parseTimestamp(p.getText(), options.dateFormat, ZoneOffset.UTC);
                days = micros == null ? DateTimeUtils.INVALID_DATE
                        : (int) Math.floorDiv(micros, DateTimeUtils.MICROS_PER_DAY);
            }
            if (days == DateTimeUtils.INVALID_DATE) {
                throw mismatch(p, t, DateType.INSTANCE);
            }
            ((IntVector) out).append(days);
        }
    }

    private final class TimestampReader extends ValueReader {
        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            long micros;
            if (t == JsonToken.VALUE_STRING && p.getTextLength() > 0) {
                if (options.timestampFormat == null) {
                    int raw = rawString(p);
                    if (raw >= 0) {
                        micros = DateTimeUtils.parseTimestamp(input, raw, rawEnd, options.zone);
                    } else {
                        int n = textBytes(p); // may replace scratch: call before reading the field
                        micros = DateTimeUtils.parseTimestamp(scratch, 0, n, options.zone);
                    }
                } else {
                    Long m = DateTimeUtils.parseTimestamp(p.getText(), options.timestampFormat, options.zone);
                    micros = m == null ? DateTimeUtils.INVALID_TIMESTAMP : m;
                }
            } else if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                long seconds = p.getLongValue(); // Spark reads an integer as seconds since the epoch
                micros = Math.abs(seconds) < Long.MAX_VALUE / DateTimeUtils.MICROS_PER_SECOND
                        ? seconds * DateTimeUtils.MICROS_PER_SECOND : DateTimeUtils.INVALID_TIMESTAMP;
            } else {
                micros = DateTimeUtils.INVALID_TIMESTAMP;
            }
            if (micros == DateTimeUtils.INVALID_TIMESTAMP) {
                throw mismatch(p, t, TimestampType.INSTANCE);
            }
            ((LongVector) out).append(micros);
        }
    }

    private static final class NullReader extends ValueReader {
        @Override
        void read(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
            p.skipChildren();
            out.appendNull();
        }
    }
}

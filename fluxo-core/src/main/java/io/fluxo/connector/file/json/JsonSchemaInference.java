package io.fluxo.connector.file.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.fluxo.connector.file.ParseMode;
import io.fluxo.connector.file.internal.ByteWindow;
import io.fluxo.connector.file.internal.LineNumbers;
import io.fluxo.connector.file.internal.LineReader;
import io.fluxo.connector.file.internal.MalformedRecords;
import io.fluxo.connector.file.internal.TypeWidening;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.LongType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark's JSON schema inference: each record's type is inferred, then merged into the running schema. Integers are
 * BIGINT (or DECIMAL beyond a long), other numbers DOUBLE (or DECIMAL with {@code prefersDecimal}), strings STRING
 * (TIMESTAMP only with {@code inferTimestamp}), objects STRUCTs with fields sorted by name, arrays ARRAYs; conflicts
 * widen (BIGINT and DOUBLE to DOUBLE, anything else to STRING); fields only ever null or empty become STRING (or are
 * dropped with {@code dropFieldIfAllNull}); empty structs are dropped. A malformed record adds the corrupt-record
 * column in PERMISSIVE mode, is ignored in DROPMALFORMED and fails FAILFAST.
 */
final class JsonSchemaInference {
    private final JsonOptions options;
    private final Node root = Node.struct();
    private boolean sawMalformed;

    JsonSchemaInference(JsonOptions options) {
        this.options = options;
    }

    StructType infer(List<Path> files) throws IOException {
        for (Path file : files) {
            if (options.multiLine) {
                byte[] content = Files.readAllBytes(file);
                inferRecord(content, 0, content.length, file, 0);
                continue;
            }
            long size = Files.size(file);
            try (LineReader lines = new LineReader(file, 0, size, options.lineSep, ByteWindow.DEFAULT_SIZE)) {
                while (lines.next()) {
                    inferRecord(lines.buffer(), lines.lineStart(), lines.lineEnd() - lines.lineStart(), file,
                            lines.linePosition());
                }
            }
        }
        List<StructField> fields = new ArrayList<>();
        DataType built = build(root);
        if (built instanceof StructType s) {
            fields.addAll(s.fields());
        }
        if (sawMalformed && fields.stream().noneMatch(f -> f.name().equals(options.corruptColumn))) {
            fields.add(new StructField(options.corruptColumn, StringType.INSTANCE, true));
            fields.sort((a, b) -> a.name().compareTo(b.name()));
        }
        return new StructType(fields);
    }

    private void inferRecord(byte[] buf, int off, int len, Path file, long position) throws IOException {
        Node record = null;
        String malformed = null;
        Throwable cause = null;
        int line = -1;
        try (JsonParser p = options.factory.createParser(buf, off, len)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return;
            }
            if (t == JsonToken.START_OBJECT) {
                record = inferObject(p);
            } else if (t == JsonToken.START_ARRAY) {
                record = Node.struct();
                for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == JsonToken.START_OBJECT) {
                        merge(record, inferObject(p));
                    } else if (t != JsonToken.VALUE_NULL) {
                        malformed = "expected a JSON object in the top-level array";
                        p.skipChildren();
                    }
                }
            } else {
                malformed = "expected a JSON object or array, found '" + MalformedRecords.shown(p.getText()) + "'";
            }
            line = p.currentLocation().getLineNr();
        } catch (JsonProcessingException e) {
            malformed = "invalid JSON: " + e.getOriginalMessage();
            cause = e;
            record = null;
            line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        }
        if (malformed != null) {
            if (options.mode == ParseMode.FAILFAST) {
                long at = options.multiLine ? line : LineNumbers.lineAt(file, position, options.lineSep);
                throw MalformedRecords.failFastInInference(file, at, malformed, cause);
            }
            sawMalformed |= options.mode == ParseMode.PERMISSIVE;
        }
        if (record != null) {
            merge(root, record);
        }
    }

    /** The type of the object whose START_OBJECT was read. */
    private Node inferObject(JsonParser p) throws IOException {
        Node n = Node.struct();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            Node value = infer(p, p.nextToken());
            Node existing = n.fields.get(name);
            if (existing == null) {
                n.fields.put(name, value);
            } else {
                merge(existing, value);
            }
        }
        return n;
    }

    private Node infer(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                return inferObject(p);
            case START_ARRAY: {
                Node element = new Node();
                for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    merge(element, infer(p, t));
                }
                Node array = new Node();
                array.kind = Node.ARRAY;
                array.element = element;
                return array;
            }
            case VALUE_STRING:
                return Node.scalar(stringType(p));
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return Node.scalar(numberType(p));
            case VALUE_TRUE:
            case VALUE_FALSE:
                return Node.scalar(options.primitivesAsString ? StringType.INSTANCE : BooleanType.INSTANCE);
            default:
                return new Node(); // null
        }
    }

    private DataType stringType(JsonParser p) throws IOException {
        if (p.getTextLength() == 0) {
            return null; // Spark treats an empty string like null when inferring
        }
        if (options.prefersDecimal) {
            try {
                BigDecimal d = new BigDecimal(p.getText());
                return new DecimalType(d.precision(), d.scale());
            } catch (IllegalArgumentException e) { // not a number, or no valid decimal type
                // not a decimal
            }
        }
        if (options.inferTimestamp) {
            String text = p.getText();
            Long micros = options.timestampFormat == null ? DateTimeUtils.parseTimestamp(text, options.zone)
                    : DateTimeUtils.parseTimestamp(text, options.timestampFormat, options.zone);
            if (micros != null) {
                return TimestampType.INSTANCE;
            }
        }
        return StringType.INSTANCE;
    }

    private DataType numberType(JsonParser p) throws IOException {
        if (options.primitivesAsString) {
            return StringType.INSTANCE;
        }
        JsonParser.NumberType nt = p.getNumberType();
        boolean integral = nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG;
        if (integral) {
            return LongType.INSTANCE;
        }
        boolean big = nt == JsonParser.NumberType.BIG_INTEGER || nt == JsonParser.NumberType.BIG_DECIMAL;
        if (big || options.prefersDecimal) {
            try {
                BigDecimal v = p.getDecimalValue();
                int precision = Math.max(v.precision(), v.scale());
                if (precision <= DecimalType.MAX_PRECISION && v.scale() >= 0) {
                    return new DecimalType(Math.max(precision, 1), v.scale());
                }
            } catch (NumberFormatException e) {
                // NaN or infinity: a double
            }
        }
        return DoubleType.INSTANCE;
    }

    /** Merges {@code from} (discarded afterwards) into {@code into}. */
    private static void merge(Node into, Node from) {
        if (from.kind == Node.NULL) {
            return;
        }
        if (into.kind == Node.NULL) {
            into.adopt(from);
            return;
        }
        if (into.kind == Node.SCALAR && from.kind == Node.SCALAR) {
            into.scalar = TypeWidening.compatible(into.scalar, from.scalar);
            return;
        }
        if (into.kind == Node.STRUCT && from.kind == Node.STRUCT) {
            for (Map.Entry<String, Node> e : from.fields.entrySet()) {
                Node existing = into.fields.get(e.getKey());
                if (existing == null) {
                    into.fields.put(e.getKey(), e.getValue());
                } else {
                    merge(existing, e.getValue());
                }
            }
            return;
        }
        if (into.kind == Node.ARRAY && from.kind == Node.ARRAY) {
            merge(into.element, from.element);
            return;
        }
        into.kind = Node.SCALAR; // a struct or array against anything else: STRING, as in Spark
        into.scalar = StringType.INSTANCE;
        into.fields = null;
        into.element = null;
    }

    /** The schema type of a node, or null when it is dropped (all null with dropFieldIfAllNull, empty struct). */
    private DataType build(Node n) {
        switch (n.kind) {
            case Node.NULL:
                return options.dropFieldIfAllNull ? null : StringType.INSTANCE;
            case Node.SCALAR:
                return n.scalar;
            case Node.ARRAY: {
                DataType element = build(n.element);
                return element == null ? null : new ArrayType(element, true);
            }
            default: {
                List<String> names = new ArrayList<>(n.fields.keySet());
                names.sort(null);
                List<StructField> fields = new ArrayList<>();
                for (String name : names) {
                    DataType t = name.isEmpty() ? null : build(n.fields.get(name));
                    if (t != null) {
                        fields.add(new StructField(name, t, true));
                    }
                }
                return fields.isEmpty() && n != root ? null : new StructType(fields);
            }
        }
    }

    /** A type being inferred: null (nothing but nulls yet), a scalar, a struct or an array. */
    private static final class Node {
        static final int NULL = 0;
        static final int SCALAR = 1;
        static final int STRUCT = 2;
        static final int ARRAY = 3;

        int kind;
        DataType scalar;
        Map<String, Node> fields;
        Node element;

        static Node struct() {
            Node n = new Node();
            n.kind = STRUCT;
            n.fields = new HashMap<>();
            return n;
        }

        static Node scalar(DataType type) {
            Node n = new Node();
            if (type != null) {
                n.kind = SCALAR;
                n.scalar = type;
            }
            return n;
        }

        void adopt(Node other) {
            kind = other.kind;
            scalar = other.scalar;
            fields = other.fields;
            element = other.element;
        }
    }
}

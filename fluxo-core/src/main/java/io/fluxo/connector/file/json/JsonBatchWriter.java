package io.fluxo.connector.file.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.fluxo.connector.file.internal.FileBatchWriter;
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
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.MapVector;
import io.fluxo.vector.StructVector;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes rows as JSON objects, one per line, as Spark's JacksonGenerator does: null fields left out (unless
 * {@code ignoreNullFields=false}), nulls inside arrays and maps written as {@code null}, binary as base64, dates as
 * {@code yyyy-MM-dd} and timestamps as {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in the session zone unless
 * {@code dateFormat} / {@code timestampFormat} say otherwise, NaN and infinities as strings.
 */
final class JsonBatchWriter extends FileBatchWriter {
    private final JsonGenerator gen;
    private final JsonOptions options;
    private final StructWriter root;
    private final String lineSep;
    private final StringBuilder text = new StringBuilder(40);
    private char[] chars = new char[40];

    JsonBatchWriter(Path file, StructType schema, JsonOptions options) throws IOException {
        super(file);
        this.options = options;
        this.gen = options.factory.createGenerator(stream(), JsonEncoding.UTF8);
        this.gen.setRootValueSeparator(null);
        this.lineSep = options.lineSepWrite;
        this.root = new StructWriter(schema);
    }

    @Override
    public void write(ColumnBatch batch) throws IOException {
        ColumnVector[] columns = batch.columns();
        for (int row = 0; row < batch.numRows(); row++) {
            root.writeFields(columns, row);
            gen.writeRaw(lineSep);
        }
    }

    @Override
    protected void finish() throws IOException {
        gen.flush();
    }

    @Override
    public void close() throws IOException {
        gen.close();
        super.close();
    }

    private ValueWriter writerFor(DataType type) {
        if (type instanceof BooleanType) {
            return (v, r) -> gen.writeBoolean(((BooleanVector) v).get(r));
        }
        if (type instanceof IntegerType) {
            return (v, r) -> gen.writeNumber(((IntVector) v).get(r));
        }
        if (type instanceof LongType) {
            return (v, r) -> gen.writeNumber(((LongVector) v).get(r));
        }
        if (type instanceof DoubleType) {
            return (v, r) -> gen.writeNumber(((DoubleVector) v).get(r));
        }
        if (type instanceof DecimalType) {
            return (v, r) -> gen.writeNumber(((DecimalVector) v).getDecimal(r));
        }
        if (type instanceof StringType) {
            return (v, r) -> {
                BytesVector b = (BytesVector) v;
                gen.writeUTF8String(b.data(), b.start(r), b.length(r));
            };
        }
        if (type instanceof BinaryType) {
            return (v, r) -> {
                BytesVector b = (BytesVector) v;
                gen.writeBinary(b.data(), b.start(r), b.length(r));
            };
        }
        if (type instanceof DateType) {
            return (v, r) -> {
                int days = ((IntVector) v).get(r);
                if (options.dateFormat == null) {
                    gen.writeString(DateTimeUtils.formatDate(days));
                } else {
                    gen.writeString(DateTimeUtils.format(days * DateTimeUtils.MICROS_PER_DAY, options.dateFormat,
                            java.time.ZoneOffset.UTC));
                }
            };
        }
        if (type instanceof TimestampType) {
            return (v, r) -> {
                long micros = ((LongVector) v).get(r);
                if (options.timestampFormat == null) {
                    text.setLength(0);
                    DateTimeUtils.appendTimestampIso(text, micros, options.zone);
                    writeText();
                } else {
                    gen.writeString(DateTimeUtils.format(micros, options.timestampFormat, options.zone));
                }
            };
        }
        if (type instanceof ArrayType a) {
            ValueWriter element = writerFor(a.elementType());
            return (v, r) -> {
                ArrayVector av = (ArrayVector) v;
                ColumnVector elements = av.elements();
                gen.writeStartArray();
                for (int i = av.start(r), end = i + av.length(r); i < end; i++) {
                    if (elements.isNull(i)) {
                        gen.writeNull();
                    } else {
                        element.write(elements, i);
                    }
                }
                gen.writeEndArray();
            };
        }
        if (type instanceof MapType m) {
            ValueWriter value = writerFor(m.valueType());
            return (v, r) -> {
                MapVector mv = (MapVector) v;
                ColumnVector keys = mv.keys();
                ColumnVector values = mv.values();
                gen.writeStartObject();
                for (int i = mv.start(r), end = i + mv.length(r); i < end; i++) {
                    gen.writeFieldName(keys instanceof BytesVector b ? b.getString(i) : String.valueOf(keys.getObject(i)));
                    if (values.isNull(i)) {
                        gen.writeNull();
                    } else {
                        value.write(values, i);
                    }
                }
                gen.writeEndObject();
            };
        }
        if (type instanceof StructType s) {
            StructWriter struct = new StructWriter(s);
            return (v, r) -> {
                StructVector sv = (StructVector) v;
                struct.writeFields(struct.children(sv), r);
            };
        }
        if (type instanceof NullType) {
            return (v, r) -> gen.writeNull();
        }
        throw new IllegalArgumentException("no JSON writer for " + type);
    }

    private void writeText() throws IOException {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[n];
        }
        text.getChars(0, n, chars, 0);
        gen.writeString(chars, 0, n);
    }

    @FunctionalInterface
    private interface ValueWriter {
        void write(ColumnVector v, int row) throws IOException;
    }

    private final class StructWriter {
        private final SerializedString[] names;
        private final ValueWriter[] writers;
        private StructVector last;
        private ColumnVector[] lastChildren;

        StructWriter(StructType type) {
            names = new SerializedString[type.size()];
            writers = new ValueWriter[type.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = new SerializedString(type.field(i).name());
                writers[i] = writerFor(type.field(i).dataType());
            }
        }

        ColumnVector[] children(StructVector sv) {
            if (sv != last) {
                lastChildren = new ColumnVector[sv.numFields()];
                for (int i = 0; i < lastChildren.length; i++) {
                    lastChildren[i] = sv.field(i);
                }
                last = sv;
            }
            return lastChildren;
        }

        void writeFields(ColumnVector[] columns, int row) throws IOException {
            gen.writeStartObject();
            for (int i = 0; i < writers.length; i++) {
                ColumnVector c = columns[i];
                if (c.isNull(row)) {
                    if (!options.ignoreNullFields) {
                        gen.writeFieldName(names[i]);
                        gen.writeNull();
                    }
                    continue;
                }
                gen.writeFieldName(names[i]);
                writers[i].write(c, row);
            }
            gen.writeEndObject();
        }
    }
}

package io.fluxo.connector.file.csv;

import io.fluxo.connector.file.internal.ByteSink;
import io.fluxo.connector.file.internal.FileBatchWriter;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes rows as CSV the way Spark's UnivocityGenerator does: the header first when {@code header=true}, nulls as
 * {@code nullValue}, empty strings as {@code emptyValue} ({@code ""}), string values trimmed unless
 * {@code ignoreLeadingWhiteSpace}/{@code ignoreTrailingWhiteSpace} are false, a value quoted when it holds the
 * delimiter, a line break or (with {@code escapeQuotes}) the quote, or always with {@code quoteAll}; inside quotes the
 * quote and the escape are escaped. Dates are {@code yyyy-MM-dd} and timestamps
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} unless {@code dateFormat} / {@code timestampFormat} say otherwise.
 */
final class CsvBatchWriter extends FileBatchWriter {
    private final CsvOptions o;
    private final ByteSink out;
    private final DataType[] types;
    private final byte[] lineSep;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter timestampFormat;
    private final StringBuilder text = new StringBuilder(32);
    private byte[] scratch = new byte[64];

    CsvBatchWriter(Path file, StructType schema, CsvOptions options, String dateFormat, String timestampFormat)
            throws IOException {
        super(file);
        this.o = options;
        this.out = new ByteSink(stream(), 1 << 16);
        this.types = schema.types().toArray(new DataType[0]);
        this.lineSep = options.lineSepWrite.getBytes(StandardCharsets.UTF_8);
        this.dateFormat = dateFormat == null ? null : DateTimeUtils.formatter(dateFormat);
        this.timestampFormat = timestampFormat == null ? null : DateTimeUtils.formatter(timestampFormat);
        if (options.header) {
            for (int i = 0; i < schema.size(); i++) {
                if (i > 0) {
                    out.write(o.delimiter);
                }
                byte[] name = schema.field(i).name().getBytes(StandardCharsets.UTF_8);
                writeString(name, 0, name.length);
            }
            out.write(lineSep);
        }
    }

    @Override
    public void write(ColumnBatch batch) throws IOException {
        ColumnVector[] columns = batch.columns();
        for (int row = 0; row < batch.numRows(); row++) {
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) {
                    out.write(o.delimiter);
                }
                ColumnVector v = columns[c];
                if (v.isNull(row)) {
                    out.write(o.nullValueBytes);
                } else {
                    writeValue(types[c], v, row);
                }
            }
            out.write(lineSep);
        }
    }

    private void writeValue(DataType type, ColumnVector v, int row) throws IOException {
        if (type instanceof StringType) {
            BytesVector b = (BytesVector) v;
            writeString(b.data(), b.start(row), b.start(row) + b.length(row));
        } else if (type instanceof IntegerType) {
            writeLong(((IntVector) v).get(row));
        } else if (type instanceof LongType) {
            writeLong(((LongVector) v).get(row));
        } else if (type instanceof DoubleType) {
            writeText(Double.toString(((DoubleVector) v).get(row)));
        } else if (type instanceof BooleanType) {
            writeText(((BooleanVector) v).get(row) ? "true" : "false");
        } else if (type instanceof DecimalType) {
            writeText(((DecimalVector) v).getDecimal(row).toPlainString());
        } else if (type instanceof DateType) {
            int days = ((IntVector) v).get(row);
            writeText(dateFormat == null ? DateTimeUtils.formatDate(days)
                    : DateTimeUtils.format(days * DateTimeUtils.MICROS_PER_DAY, dateFormat, ZoneOffset.UTC));
        } else if (type instanceof TimestampType) {
            long micros = ((LongVector) v).get(row);
            if (timestampFormat == null) {
                text.setLength(0);
                DateTimeUtils.appendTimestampIso(text, micros, o.zone);
                writeText(text);
            } else {
                writeText(DateTimeUtils.format(micros, timestampFormat, o.zone));
            }
        } else {
            out.write(o.nullValueBytes); // NULL type
        }
    }

    private void writeLong(long value) throws IOException {
        if (value == Long.MIN_VALUE) {
            writeText(Long.toString(value));
            return;
        }
        int pos = scratch.length;
        long v = Math.abs(value);
        do {
            scratch[--pos] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        if (value < 0) {
            scratch[--pos] = '-';
        }
        writeField(scratch, pos, scratch.length);
    }

    private void writeText(CharSequence s) throws IOException {
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (!ascii) {
            byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
            writeField(b, 0, b.length);
            return;
        }
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            scratch[i] = (byte) s.charAt(i);
        }
        writeField(scratch, 0, n);
    }

    private void writeString(byte[] b, int s, int e) throws IOException {
        if (o.ignoreLeadingWhiteSpaceWrite) {
            while (s < e && b[s] <= ' ' && b[s] >= 0) {
                s++;
            }
        }
        if (o.ignoreTrailingWhiteSpaceWrite) {
            while (e > s && b[e - 1] <= ' ' && b[e - 1] >= 0) {
                e--;
            }
        }
        if (s == e) {
            out.write(o.emptyValueWrite);
            return;
        }
        writeField(b, s, e);
    }

    private void writeField(byte[] b, int s, int e) throws IOException {
        byte quote = o.quote;
        if (quote == 0 || !(o.quoteAll || needsQuotes(b, s, e))) {
            out.write(b, s, e - s);
            return;
        }
        byte escape = o.escape;
        out.write(quote);
        int run = s;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == quote || (c == escape && escape != quote && o.escapeEscape != 0)) {
                out.write(b, run, i - run);
                if (c == quote) {
                    out.write(escape == 0 ? quote : escape);
                } else {
                    out.write(o.escapeEscape);
                }
                out.write(c);
                run = i + 1;
            }
        }
        out.write(b, run, e - run);
        out.write(quote);
    }

    private boolean needsQuotes(byte[] b, int s, int e) {
        byte first = b[s];
        byte last = b[e - 1];
        if (first == o.quote || (o.comment != 0 && first == o.comment) || (first <= ' ' && first >= 0)
                || (last <= ' ' && last >= 0)) {
            return true;
        }
        byte d0 = o.delimiter[0];
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == d0 || c == '\n' || c == '\r' || (c == o.quote && o.escapeQuotes)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void finish() throws IOException {
        out.flush();
    }
}

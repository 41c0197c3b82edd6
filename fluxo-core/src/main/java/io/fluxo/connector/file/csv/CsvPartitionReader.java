package io.fluxo.connector.file.csv;

import io.fluxo.connector.file.FileListing;
import io.fluxo.connector.file.FileSplit;
import io.fluxo.connector.file.MalformedRecordCounter;
import io.fluxo.connector.file.ParseMode;
import io.fluxo.connector.file.internal.LineNumbers;
import io.fluxo.connector.file.internal.MalformedRecords;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one split of CSV into the requested columns. Fields map to the schema's columns by position (the
 * corrupt-record column aside). A record with fewer or more fields than the schema, or with a field that does not
 * parse, is malformed: PERMISSIVE keeps what parsed (missing and bad fields null) and puts the raw record in the
 * corrupt-record column, DROPMALFORMED drops and counts it, FAILFAST stops with the file, line, column and value.
 */
final class CsvPartitionReader implements PartitionReader, MalformedRecordCounter {
    private final FileSplit split;
    private final CsvOptions options;
    private final List<String> dataNames = new ArrayList<>();
    private final int dataCount;
    private final CsvRecordConverter converter;
    private final DataType[] types;
    private final int[] outputSource;
    private final boolean hasCorruptOutput;
    private final boolean fillCorrupt;
    private final CsvTokenizer tokenizer;

    private CsvRecordSource source;
    private boolean done;
    private ColumnVector[] vectors;
    private BytesVector corrupt;
    private int rows;
    private long dropped;
    private RuntimeException pending;

    CsvPartitionReader(FileSplit split, StructType schema, int[] required, int corruptIndex, CsvOptions options) {
        this.split = split;
        this.options = options;
        int[] dataPosition = new int[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            if (i == corruptIndex) {
                dataPosition[i] = -1;
                continue;
            }
            dataPosition[i] = dataNames.size();
            dataNames.add(schema.field(i).name());
        }
        this.dataCount = dataNames.size();
        boolean corruptRequested = false;
        for (int c : required) {
            corruptRequested |= c == corruptIndex;
        }
        this.hasCorruptOutput = corruptRequested;
        this.fillCorrupt = corruptRequested && options.mode == ParseMode.PERMISSIVE;
        List<Integer> parsed = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            boolean wanted = fillCorrupt;
            for (int c : required) {
                wanted |= c == i;
            }
            if (wanted && i != corruptIndex) {
                parsed.add(i);
            }
        }
        int n = parsed.size();
        int[] fieldIndex = new int[n];
        String[] names = new String[n];
        types = new DataType[n];
        for (int k = 0; k < n; k++) {
            int ordinal = parsed.get(k);
            fieldIndex[k] = dataPosition[ordinal];
            types[k] = schema.field(ordinal).dataType();
            names[k] = schema.field(ordinal).name();
        }
        converter = new CsvRecordConverter(options, dataCount, fieldIndex, types, names);
        outputSource = new int[required.length];
        for (int j = 0; j < required.length; j++) {
            outputSource[j] = required[j] == corruptIndex ? -1 : parsed.indexOf(required[j]);
        }
        this.tokenizer = new CsvTokenizer(options);
    }

    @Override
    public ColumnBatch next() throws IOException {
        if (pending != null) {
            RuntimeException e = pending;
            pending = null;
            done = true;
            throw e;
        }
        if (done) {
            return null;
        }
        if (source == null) {
            source = new CsvRecordSource(split, options, tokenizer);
            if (options.header && split.start() == 0 && source.next() && !options.enforceSchema) {
                checkHeader();
            }
        }
        rows = 0;
        boolean more = source.next();
        if (more) {
            startBatch(); // only once there is a record: a small split often has none
        }
        while (more) {
            readRecord();
            more = rows < ColumnBatch.DEFAULT_SIZE && pending == null && source.next();
        }
        if (rows == 0) {
            done = true;
            close();
            return pending != null ? next() : null;
        }
        return buildBatch();
    }

    private void startBatch() {
        rows = 0;
        vectors = new ColumnVector[types.length];
        for (int k = 0; k < vectors.length; k++) {
            vectors[k] = ColumnVector.allocate(types[k], ColumnBatch.DEFAULT_SIZE);
        }
        corrupt = hasCorruptOutput ? new BytesVector(DataTypes.StringType, ColumnBatch.DEFAULT_SIZE, 1024) : null;
    }

    private ColumnBatch buildBatch() {
        if (outputSource.length == 0) {
            return ColumnBatch.ofRowCount(rows);
        }
        ColumnVector[] out = new ColumnVector[outputSource.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = outputSource[j] < 0 ? corrupt : vectors[outputSource[j]];
        }
        return new ColumnBatch(out, rows);
    }

    private void readRecord() {
        String detail = converter.append(tokenizer, vectors);
        if (detail == null) {
            if (corrupt != null) {
                corrupt.appendNull();
            }
            rows++;
            return;
        }
        switch (options.mode) {
            case PERMISSIVE:
                if (corrupt != null) {
                    if (fillCorrupt) {
                        corrupt.append(source.recordBytes(), source.recordStart(),
                                source.recordEnd() - source.recordStart());
                    } else {
                        corrupt.appendNull();
                    }
                }
                rows++;
                break;
            case DROPMALFORMED:
                truncate();
                dropped++;
                break;
            case FAILFAST:
            default:
                truncate();
                long line = LineNumbers.lineAt(split.file(), source.recordPosition(), options.lineSep);
                pending = MalformedRecords.failFast(split.file(), line, detail, null);
                break;
        }
    }

    private void truncate() {
        for (ColumnVector v : vectors) {
            v.truncate(rows);
        }
    }

    /** With {@code enforceSchema=false}, the header must name the schema's columns, in order (case ignored). */
    private void checkHeader() {
        int n = tokenizer.count();
        List<String> header = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            header.add(tokenizer.text(i));
        }
        String where = "\nCSV file: " + FileListing.display(split.file());
        if (n != dataCount) {
            throw new FluxoRuntimeException("CSV_HEADER_MISMATCH", "Number of column in CSV header is not equal to "
                    + "number of fields in the schema:\n Header length: " + n + ", schema size: " + dataCount + where);
        }
        for (int i = 0; i < n; i++) {
            if (!header.get(i).toLowerCase(Locale.ROOT).equals(dataNames.get(i).toLowerCase(Locale.ROOT))) {
                throw new FluxoRuntimeException("CSV_HEADER_MISMATCH", "CSV header does not conform to the schema.\n"
                        + " Header: " + String.join(", ", header) + "\n Schema: " + String.join(", ", dataNames)
                        + "\nExpected: " + dataNames.get(i) + " but found: " + header.get(i) + where);
            }
        }
    }

    @Override
    public long droppedMalformed() {
        return dropped;
    }

    @Override
    public void close() throws IOException {
        if (source != null) {
            source.close();
        }
    }
}

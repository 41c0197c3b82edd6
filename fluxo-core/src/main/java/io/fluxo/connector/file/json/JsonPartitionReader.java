package io.fluxo.connector.file.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.fluxo.connector.file.FileSplit;
import io.fluxo.connector.file.MalformedRecordCounter;
import io.fluxo.connector.file.ParseMode;
import io.fluxo.connector.file.internal.ByteWindow;
import io.fluxo.connector.file.internal.LineNumbers;
import io.fluxo.connector.file.internal.LineReader;
import io.fluxo.connector.file.internal.MalformedRecords;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one split of JSON: a record per line (or the whole file with {@code multiLine}), each parsed by Jackson's
 * streaming parser straight into the vectors of the requested columns. A record that is not valid JSON, or whose top
 * level is not an object (or an array of objects), is malformed as a whole; a value that does not fit its column
 * makes a partial result. Both are handled by the parse mode. A FAILFAST error first hands out the rows read before
 * the bad record, then is thrown by the next call.
 */
final class JsonPartitionReader implements PartitionReader, MalformedRecordCounter {
    private final FileSplit split;
    private final JsonOptions options;
    private final StructType parsedFields;
    private final JsonRecordParser parser;
    /** For each output column, the index of its parsed field, or -1 for the corrupt-record column. */
    private final int[] outputSource;
    private final boolean fillCorrupt;
    private final boolean hasCorruptOutput;

    private LineReader lines;
    private boolean done;
    private ColumnVector[] vectors;
    private BytesVector corrupt;
    private int rows;
    private long dropped;
    private RuntimeException pending;
    /** A multiLine file's rows, handed out in batches. */
    private ColumnBatch whole;
    private int wholeOffset;

    JsonPartitionReader(FileSplit split, StructType schema, int[] required, int corruptIndex, JsonOptions options) {
        this.split = split;
        this.options = options;
        boolean corruptRequested = false;
        for (int c : required) {
            corruptRequested |= c == corruptIndex;
        }
        this.hasCorruptOutput = corruptRequested;
        this.fillCorrupt = corruptRequested && options.mode == ParseMode.PERMISSIVE;
        // With the corrupt-record column requested, every field is parsed so that it flags any malformed record,
        // whatever columns the query reads.
        List<Integer> parsed = new ArrayList<>();
        if (fillCorrupt) {
            for (int i = 0; i < schema.size(); i++) {
                if (i != corruptIndex) {
                    parsed.add(i);
                }
            }
        } else {
            for (int c : required) {
                if (c != corruptIndex && !parsed.contains(c)) {
                    parsed.add(c);
                }
            }
        }
        List<StructField> fields = new ArrayList<>();
        for (int i : parsed) {
            fields.add(schema.field(i));
        }
        this.parsedFields = new StructType(fields);
        this.outputSource = new int[required.length];
        for (int j = 0; j < required.length; j++) {
            outputSource[j] = required[j] == corruptIndex ? -1 : parsed.indexOf(required[j]);
        }
        this.parser = new JsonRecordParser(parsedFields, options);
    }

    @Override
    public ColumnBatch next() throws IOException {
        if (pending != null) {
            RuntimeException e = pending;
            pending = null;
            done = true;
            throw e;
        }
        if (whole != null) {
            return nextSlice();
        }
        if (done) {
            return null;
        }
        if (options.multiLine) {
            done = true;
            startBatch();
            byte[] content = Files.readAllBytes(split.file());
            parseRecord(content, 0, content.length, 0);
        } else {
            if (lines == null) {
                lines = new LineReader(split.file(), split.start(), split.end(), options.lineSep,
                        ByteWindow.DEFAULT_SIZE);
            }
            rows = 0;
            boolean more = lines.next();
            if (more) {
                startBatch(); // only once there is a line: a small split often has none
            }
            while (more) {
                parseRecord(lines.buffer(), lines.lineStart(), lines.lineEnd() - lines.lineStart(),
                        lines.linePosition());
                more = rows < ColumnBatch.DEFAULT_SIZE && pending == null && lines.next();
            }
            if (rows == 0 && pending == null) {
                done = true;
            }
        }
        if (rows == 0) {
            close();
            if (pending != null) {
                return next();
            }
            return null;
        }
        ColumnBatch batch = buildBatch();
        if (batch.numRows() > ColumnBatch.DEFAULT_SIZE) {
            whole = batch;
            wholeOffset = 0;
            return nextSlice();
        }
        return batch;
    }

    private ColumnBatch nextSlice() {
        if (wholeOffset >= whole.numRows()) {
            whole = null;
            return null;
        }
        int n = Math.min(ColumnBatch.DEFAULT_SIZE, whole.numRows() - wholeOffset);
        ColumnBatch slice = whole.slice(wholeOffset, n);
        wholeOffset += n;
        return slice;
    }

    private void startBatch() {
        rows = 0;
        vectors = new ColumnVector[parsedFields.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = ColumnVector.allocate(parsedFields.field(i).dataType(), ColumnBatch.DEFAULT_SIZE);
        }
        corrupt = hasCorruptOutput ? new BytesVector(DataTypes.StringType, ColumnBatch.DEFAULT_SIZE, 1024) : null;
    }

    private ColumnBatch buildBatch() {
        if (outputSource.length == 0) {
            return ColumnBatch.ofRowCount(rows);
        }
        if (corrupt != null) {
            while (corrupt.size() < rows) {
                corrupt.appendNull();
            }
        }
        ColumnVector[] out = new ColumnVector[outputSource.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = outputSource[j] < 0 ? corrupt : vectors[outputSource[j]];
        }
        return new ColumnBatch(out, rows);
    }

    /** Parses one record, {@code buf[off, off + len)} found at file offset {@code position}. */
    private void parseRecord(byte[] buf, int off, int len, long position) throws IOException {
        int rowStart = rows;
        RecordErrors errors = parser.errors();
        errors.reset();
        String malformed = null;
        Throwable cause = null;
        int errorLine = -1;
        parser.setInput(buf, off, len);
        JsonParser p = options.factory.createParser(buf, off, len);
        try {
            JsonToken t = p.nextToken();
            if (t == null) {
                return; // a blank line
            }
            if (t == JsonToken.START_OBJECT) {
                parser.readRootObject(p, vectors, rows++);
            } else if (t == JsonToken.START_ARRAY) {
                // Spark reads each object of a top-level array as a row.
                for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t != JsonToken.START_OBJECT) {
                        malformed = "expected a JSON object in the top-level array, found " + shown(p, t);
                        errorLine = p.currentLocation().getLineNr();
                        break;
                    }
                    parser.readRootObject(p, vectors, rows++);
                }
            } else {
                malformed = "expected a JSON object or array, found " + shown(p, t);
                errorLine = p.currentLocation().getLineNr();
            }
        } catch (JsonProcessingException e) {
            malformed = "invalid JSON: " + e.getOriginalMessage();
            cause = e;
            errorLine = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        } finally {
            p.close();
        }
        if (malformed != null) {
            truncate(rowStart);
            handleMalformed(buf, off, len, position, errorLine, malformed, cause, true);
        } else if (errors.bad) {
            handleMalformed(buf, off, len, position, errors.line, errors.describe(), null, false);
            if (options.mode != ParseMode.PERMISSIVE) {
                truncate(rowStart);
            } else if (fillCorrupt) {
                while (corrupt.size() < rowStart) {
                    corrupt.appendNull();
                }
                for (int r = rowStart; r < rows; r++) {
                    corrupt.append(buf, off, len);
                }
            }
        }
    }

    /** Applies the parse mode to a malformed record; {@code whole} when no part of it was kept. */
    private void handleMalformed(byte[] buf, int off, int len, long position, int jsonLine, String detail,
            Throwable cause, boolean wholeRecord) {
        switch (options.mode) {
            case PERMISSIVE:
                if (wholeRecord) {
                    for (ColumnVector v : vectors) {
                        v.appendNull();
                    }
                    if (corrupt != null) {
                        while (corrupt.size() < rows) {
                            corrupt.appendNull();
                        }
                        if (fillCorrupt) {
                            corrupt.append(buf, off, len);
                        }
                    }
                    rows++;
                }
                break;
            case DROPMALFORMED:
                dropped++;
                break;
            case FAILFAST:
            default:
                long line = options.multiLine ? jsonLine
                        : LineNumbers.lineAt(split.file(), position, options.lineSep);
                pending = MalformedRecords.failFast(split.file(), line, detail, cause);
                break;
        }
    }

    private void truncate(int rowStart) {
        for (ColumnVector v : vectors) {
            v.truncate(Math.min(rowStart, v.size()));
        }
        if (corrupt != null && corrupt.size() > rowStart) {
            corrupt.truncate(rowStart);
        }
        rows = rowStart;
    }

    private static String shown(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            return "an object";
        }
        if (t == JsonToken.START_ARRAY) {
            return "an array";
        }
        return "'" + MalformedRecords.shown(p.getText()) + "'";
    }

    @Override
    public long droppedMalformed() {
        return dropped;
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
            lines = null;
        }
    }
}

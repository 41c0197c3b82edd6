package io.fluxo.connector.file.text;

import io.fluxo.connector.file.FileSplit;
import io.fluxo.connector.file.MalformedRecordCounter;
import io.fluxo.connector.file.internal.ByteWindow;
import io.fluxo.connector.file.internal.LineReader;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.DataTypes;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.io.IOException;
import java.nio.file.Files;

/** Lines (or whole files) of one split into a STRING column, copied once from the read buffer into the vector. */
final class TextPartitionReader implements PartitionReader, MalformedRecordCounter {
    private final FileSplit split;
    private final boolean materialize;
    private final boolean wholeText;
    private final byte[] lineSep;
    private LineReader lines;
    private boolean done;

    TextPartitionReader(FileSplit split, boolean materialize, boolean wholeText, byte[] lineSep) {
        this.split = split;
        this.materialize = materialize;
        this.wholeText = wholeText;
        this.lineSep = lineSep;
    }

    @Override
    public ColumnBatch next() throws IOException {
        if (done) {
            return null;
        }
        if (wholeText) {
            done = true;
            if (!materialize) {
                return ColumnBatch.ofRowCount(1);
            }
            byte[] content = Files.readAllBytes(split.file());
            BytesVector v = BytesVector.wrap(DataTypes.StringType, content, new int[] {0, content.length}, 1, null);
            return new ColumnBatch(new ColumnVector[] {v}, 1);
        }
        if (lines == null) {
            lines = new LineReader(split.file(), split.start(), split.end(), lineSep, ByteWindow.DEFAULT_SIZE);
        }
        boolean more = lines.next();
        BytesVector out = materialize && more
                ? new BytesVector(DataTypes.StringType, ColumnBatch.DEFAULT_SIZE, 1 << 16) : null;
        int rows = 0;
        while (more) {
            if (out != null) {
                out.append(lines.buffer(), lines.lineStart(), lines.lineEnd() - lines.lineStart());
            }
            rows++;
            more = rows < ColumnBatch.DEFAULT_SIZE && lines.next();
        }
        if (rows == 0) {
            done = true;
            close();
            return null;
        }
        return out == null ? ColumnBatch.ofRowCount(rows) : new ColumnBatch(new ColumnVector[] {out}, rows);
    }

    @Override
    public long droppedMalformed() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        }
    }
}

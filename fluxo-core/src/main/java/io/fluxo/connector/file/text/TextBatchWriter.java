package io.fluxo.connector.file.text;

import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.internal.ByteSink;
import io.fluxo.connector.file.internal.FileBatchWriter;
import io.fluxo.connector.file.internal.LineSeparators;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Each row's string followed by the line separator; a null row is an empty line, as in Spark. */
final class TextBatchWriter extends FileBatchWriter {
    private final ByteSink out;
    private final byte[] lineSep;

    TextBatchWriter(Path file, FileOptions options) throws IOException {
        super(file);
        this.out = new ByteSink(stream(), 1 << 16);
        this.lineSep = LineSeparators.forWrite(options).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(ColumnBatch batch) throws IOException {
        BytesVector v = (BytesVector) batch.column(0);
        byte[] data = v.data();
        int[] offsets = v.offsets();
        boolean[] nulls = v.nulls();
        for (int i = 0; i < batch.numRows(); i++) {
            if (nulls == null || !nulls[i]) {
                out.write(data, offsets[i], offsets[i + 1] - offsets[i]);
            }
            out.write(lineSep);
        }
    }

    @Override
    protected void finish() throws IOException {
        out.flush();
    }
}

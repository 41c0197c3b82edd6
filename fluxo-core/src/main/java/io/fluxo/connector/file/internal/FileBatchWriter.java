package io.fluxo.connector.file.internal;

import io.fluxo.connector.spi.BatchWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A writer of one file: opens it on creation, {@link #commit()} flushes and closes it and reports its name,
 * {@link #abort()} closes and deletes it. Subclasses format rows; {@link #finish()} flushes what they buffer.
 */
public abstract class FileBatchWriter implements BatchWriter {
    protected final Path file;
    private final OutputStream stream;
    private boolean closed;

    protected FileBatchWriter(Path file) throws IOException {
        this.file = file;
        this.stream = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    protected final OutputStream stream() {
        return stream;
    }

    /** Writes out everything buffered (the file is closed right after). */
    protected abstract void finish() throws IOException;

    @Override
    public final List<String> commit() throws IOException {
        finish();
        close();
        return List.of(file.getFileName().toString());
    }

    @Override
    public final void abort() throws IOException {
        try {
            close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            stream.close();
        }
    }
}

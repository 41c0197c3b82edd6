package io.fluxo.exec.operator;

import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.row.BinaryRowCodec;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A temporary file of rows an operator spilled to stay within its memory: batches appended one after another, each as
 * its row count, its byte length and its rows in the compact binary row format ({@link BinaryRowCodec}). A batch is
 * read back by the offset {@link Writer#append} returned, sequentially or in any order. The file is the spilling
 * operator's to delete.
 */
public final class SpillFile {
    /** When an operator spills: once it holds {@code thresholdBytes} of rows; where: {@code directory} (null: temp). */
    public record Settings(long thresholdBytes, Path directory) {
        /** Never spills. */
        public static final Settings NEVER = new Settings(Long.MAX_VALUE, null);
    }

    private SpillFile() {
    }

    /** Appends batches to a new file in the spill folder. */
    static final class Writer implements AutoCloseable {
        private final Path file;
        private final DataOutputStream out;
        private final BinaryRowCodec codec;
        private final BinaryRowCodec.Encoded encoded = new BinaryRowCodec.Encoded();
        private final int width;
        private long position;

        Writer(Settings settings, String prefix, List<DataType> types) {
            Path created = null;
            try {
                created = settings.directory() == null ? Files.createTempFile(prefix, ".spill")
                        : Files.createTempFile(settings.directory(), prefix, ".spill");
                created.toFile().deleteOnExit();
                this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(created), 1 << 16));
            } catch (IOException e) {
                throw failure(settings, created, e);
            }
            this.file = created;
            this.codec = new BinaryRowCodec(types);
            this.width = types.size();
        }

        Path file() {
            return file;
        }

        /** Writes {@code batch}; returns the offset to read it back from. */
        long append(ColumnBatch batch) {
            long at = position;
            try {
                for (int from = 0; from < batch.numRows(); from += ColumnBatch.DEFAULT_SIZE) {
                    int count = Math.min(ColumnBatch.DEFAULT_SIZE, batch.numRows() - from);
                    ColumnBatch chunk = from == 0 && count == batch.numRows() ? batch : batch.slice(from, count);
                    ColumnVector[] columns = new ColumnVector[width];
                    for (int c = 0; c < width; c++) {
                        columns[c] = chunk.column(c);
                    }
                    codec.encode(columns, count, encoded);
                    int length = encoded.offsets()[count];
                    out.writeInt(count);
                    out.writeInt(length);
                    out.write(encoded.bytes(), 0, length);
                    position += 8L + length;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write spilled rows to " + file + ": " + e.getMessage(), e);
            }
            return at;
        }

        /** The offset after the last batch written: where a sequential read ends. */
        long end() {
            return position;
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write spilled rows to " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static UncheckedIOException failure(Settings settings, Path file, IOException e) {
        return new UncheckedIOException("cannot write spilled rows to " + (file != null ? file
                : settings.directory() != null ? settings.directory() : "the temporary folder")
                + " (fluxo.local.dir): " + e.getMessage(), e);
    }

    /** Reads batches back from a spill file. */
    static final class Reader implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final BinaryRowCodec codec;
        private final List<DataType> types;
        /** The offset after the batch read last. */
        private long after;

        Reader(Path file, List<DataType> types) {
            this.file = file;
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read spilled rows from " + file + ": " + e.getMessage(), e);
            }
            this.codec = new BinaryRowCodec(types);
            this.types = types;
        }

        /** The batch (of at most {@link ColumnBatch#DEFAULT_SIZE} rows) at {@code offset}. */
        ColumnBatch read(long offset) {
            try {
                ByteBuffer header = ByteBuffer.allocate(8);
                readFully(header, offset);
                int count = header.getInt(0);
                byte[] bytes = new byte[header.getInt(4)];
                readFully(ByteBuffer.wrap(bytes), offset + 8);
                ColumnVector[] columns = new ColumnVector[types.size()];
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = ColumnVector.allocate(types.get(c), count);
                }
                int at = 0;
                for (int r = 0; r < count; r++) {
                    at = codec.decode(bytes, at, columns);
                }
                after = offset + 8 + bytes.length;
                return new ColumnBatch(columns, count);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read spilled rows from " + file + ": " + e.getMessage(), e);
            }
        }

        /** The offset after the batch {@link #read} returned last: the next batch's, or the file's end. */
        long after() {
            return after;
        }

        private void readFully(ByteBuffer buffer, long at) throws IOException {
            long position = at;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException("unexpected end of file at offset " + position);
                }
                position += n;
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only: nothing to lose
            }
        }
    }
}

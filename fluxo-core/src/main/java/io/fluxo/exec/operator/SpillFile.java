package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.TaskContext;
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

        /** Whether nothing is ever spilled: the threshold cannot be reached. */
        public boolean never() {
            return thresholdBytes == Long.MAX_VALUE;
        }
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

    /** The batches a closed writer wrote, read one at a time. */
    static BatchIterator batches(Writer file, List<DataType> types) {
        Reader reader = new Reader(file.file(), types);
        return new BatchIterator() {
            private long offset;

            @Override
            public ColumnBatch next() {
                if (offset >= file.end()) {
                    return null;
                }
                ColumnBatch b = reader.read(offset);
                offset = reader.after();
                return b;
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    /**
     * Rows split by a hash of their keys into {@link HashPartitioning#SPILL_PARTITIONS} files, each read back on its
     * own: how an aggregation or a join that outgrows memory works on a part of its keys at a time. Files are made
     * when a row first goes to them and registered with the run for deletion.
     */
    static final class Partitioned {
        private final Settings settings;
        private final String prefix;
        private final List<DataType> types;
        private final TaskContext context;
        private final Writer[] writers = new Writer[HashPartitioning.SPILL_PARTITIONS];
        private long[] hashes = new long[0];
        private int[] partitionOf = new int[0];

        Partitioned(Settings settings, String prefix, List<DataType> types, TaskContext context) {
            this.settings = settings;
            this.prefix = prefix;
            this.types = types;
            this.context = context;
        }

        /** Writes each row of {@code rows} to the file of its {@code keys}' spill partition. */
        void append(ColumnBatch rows, ColumnVector[] keys) {
            int n = rows.numRows();
            if (hashes.length < n) {
                hashes = new long[n];
                partitionOf = new int[n];
            }
            HashPartitioning.assignSpill(keys, n, hashes, partitionOf);
            // Rows grouped by partition with one counting pass: one array of positions, not one per partition.
            int[] starts = new int[writers.length + 1];
            for (int r = 0; r < n; r++) {
                starts[partitionOf[r] + 1]++;
            }
            for (int p = 0; p < writers.length; p++) {
                starts[p + 1] += starts[p];
            }
            int[] positions = new int[n];
            int[] fill = java.util.Arrays.copyOf(starts, writers.length);
            for (int r = 0; r < n; r++) {
                positions[fill[partitionOf[r]]++] = r;
            }
            for (int p = 0; p < writers.length; p++) {
                int count = starts[p + 1] - starts[p];
                if (count == 0) {
                    continue;
                }
                if (writers[p] == null) {
                    writers[p] = new Writer(settings, prefix, types);
                    context.registerSpillFile(writers[p].file());
                }
                writers[p].append(count == n ? rows
                        : rows.gather(java.util.Arrays.copyOfRange(positions, starts[p], starts[p + 1]), count));
            }
        }

        /** Ends writing; each partition's rows can then be read. */
        void finish() {
            for (Writer w : writers) {
                if (w != null) {
                    w.close();
                }
            }
        }

        /** The rows written to partition {@code p}, read one batch at a time. */
        BatchIterator read(int p) {
            return writers[p] == null ? BatchIterator.empty() : batches(writers[p], types);
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

package io.fluxo.api;

import io.fluxo.connector.file.FileFormats;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.FileStreamSource;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The child JVM of {@link CrashRecoveryTest}: a JSON file stream (one file per batch; in {@code run} mode the second
 * batch hangs until the test kills the JVM) written to a JSON file sink, as it is or (fifth argument {@code window}) counted per
 * 10-second event-time window in append mode ({@code window-sink}: the same, written by {@code foreachBatch} to one
 * folder per batch, and the batch to kill hangs in the sink instead, after its state was committed). {@code run} runs until killed; {@code finish} processes
 * what is left with {@code Trigger.availableNow()} and exits.
 */
public final class HaltingFileQueryMain {
    private HaltingFileQueryMain() {
    }

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        boolean finish = args[3].equals("finish");
        String query = args.length > 4 ? args[4] : "rows";
        // window-sink: the same windowed query, but the batch to kill hangs in the sink, after its state is committed.
        boolean hangInSink = query.equals("window-sink");
        boolean windowed = query.equals("window") || hangInSink;
        StructType schema = SqlParser.parseTableSchema(windowed ? "id BIGINT, ts TIMESTAMP" : "id BIGINT");
        FileStreamSource files = new FileStreamSource(FileFormats.forName("json"), in.toString(), schema,
                FileOptions.of(Map.of("maxFilesPerTrigger", "1")));
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", 3).create()) {
            DataFrame input = spark.readStream().load(new HaltingStream(files, !finish && !hangInSink));
            if (windowed) {
                // Counts per 10-second window, emitted once the watermark (no delay) passes the window's end.
                input = input.withWatermark("ts", "0 seconds")
                        .groupBy(functions.window(functions.col("ts"), "10 seconds"))
                        .agg(functions.expr("count(*) AS n"), functions.expr("sum(id) AS ids"))
                        .selectExpr("window.start AS start", "n", "ids");
            }
            DataStreamWriter writer = input.writeStream().outputMode("append").option("checkpointLocation", args[2])
                    .trigger(finish ? Trigger.availableNow() : Trigger.processingTime(0, TimeUnit.MILLISECONDS));
            StreamingQuery q;
            if (hangInSink) {
                // Each batch overwrites its own folder: a re-run batch replaces what a killed run began to write.
                AtomicInteger batches = new AtomicInteger();
                boolean halt = !finish;
                q = writer.foreachBatch((df, batchId) -> {
                    if (halt && batches.incrementAndGet() > 1) {
                        // Tells the test which batch hangs (written whole, then renamed into place).
                        Path out = Path.of(args[1]);
                        Path marker = out.resolveSibling(out.getFileName() + ".hanging");
                        Path tmp = out.resolveSibling(out.getFileName() + ".hanging.tmp");
                        java.nio.file.Files.writeString(tmp, Long.toString(batchId));
                        java.nio.file.Files.move(tmp, marker, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        while (true) {
                            LockSupport.park(); // the state of this batch is committed; its commit never comes
                        }
                    }
                    df.write().mode("overwrite").json(Path.of(args[1], Long.toString(batchId)).toString());
                }).start();
            } else {
                q = writer.format("json").start(args[1]);
            }
            q.awaitTermination();
        }
    }

    /**
     * With {@code halt}, the second batch of this JVM never finishes reading: its offsets are logged, its commit never
     * comes, and the test kills the JVM exactly there. The first batch of each run (a re-run of the batch the previous
     * run died in, or a new one) completes, so every run makes progress.
     */
    private static final class HaltingStream implements MicroBatchStream {
        private final FileStreamSource files;
        private final boolean halt;
        private final AtomicInteger batchesPlanned = new AtomicInteger();

        HaltingStream(FileStreamSource files, boolean halt) {
            this.files = files;
            this.halt = halt;
        }

        @Override
        public StructType schema() {
            return files.schema();
        }

        @Override
        public String description() {
            return files.description();
        }

        @Override
        public void open(Path checkpointDir) throws IOException {
            files.open(checkpointDir);
        }

        @Override
        public boolean prepareForTriggerAvailableNow() throws IOException {
            return files.prepareForTriggerAvailableNow();
        }

        @Override
        public String initialOffset() {
            return files.initialOffset();
        }

        @Override
        public String latestOffset(String start) throws IOException {
            return files.latestOffset(start);
        }

        @Override
        public List<InputPartition> planInputPartitions(String start, String end) throws IOException {
            List<InputPartition> partitions = files.planInputPartitions(start, end);
            if (halt && batchesPlanned.incrementAndGet() > 1) {
                return partitions.stream().map(p -> (InputPartition) new Held(p)).toList();
            }
            return partitions;
        }

        /** A partition whose reader never returns: the batch stays between its offsets and its commit. */
        private record Held(InputPartition partition) implements InputPartition {
            @Override
            public String description() {
                return partition.description();
            }
        }

        @Override
        public PartitionReader createReader(InputPartition partition, int[] requiredColumns) throws IOException {
            if (partition instanceof Held) {
                while (true) {
                    LockSupport.park(this); // until the test kills this JVM
                }
            }
            return files.createReader(partition, requiredColumns);
        }

        @Override
        public void commit(String end) {
            files.commit(end);
        }
    }
}

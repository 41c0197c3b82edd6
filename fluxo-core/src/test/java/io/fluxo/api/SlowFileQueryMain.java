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

/**
 * The child JVM of {@link CrashRecoveryTest}: a JSON file stream (one file per batch, each read slowly so the test
 * can kill the JVM mid-batch) written to a JSON file sink, as it is or (fifth argument {@code window}) counted per
 * 10-second event-time window in append mode. {@code run} runs until killed; {@code finish} processes
 * what is left with {@code Trigger.availableNow()} and exits.
 */
public final class SlowFileQueryMain {
    private SlowFileQueryMain() {
    }

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        boolean finish = args[3].equals("finish");
        boolean windowed = args.length > 4 && args[4].equals("window");
        StructType schema = SqlParser.parseTableSchema(windowed ? "id BIGINT, ts TIMESTAMP" : "id BIGINT");
        FileStreamSource files = new FileStreamSource(FileFormats.forName("json"), in.toString(), schema,
                FileOptions.of(Map.of("maxFilesPerTrigger", "1")));
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", 3).create()) {
            DataFrame input = spark.readStream().load(new SlowStream(files, finish ? 0 : 150));
            if (windowed) {
                // Counts per 10-second window, emitted once the watermark (no delay) passes the window's end.
                input = input.withWatermark("ts", "0 seconds")
                        .groupBy(functions.window(functions.col("ts"), "10 seconds"))
                        .agg(functions.expr("count(*) AS n"), functions.expr("sum(id) AS ids"))
                        .selectExpr("window.start AS start", "n", "ids");
            }
            StreamingQuery q = input.writeStream().outputMode("append")
                    .format("json").option("checkpointLocation", args[2])
                    .trigger(finish ? Trigger.availableNow() : Trigger.processingTime(0, TimeUnit.MILLISECONDS))
                    .start(args[1]);
            q.awaitTermination();
        }
    }

    /** Delays each partition read, widening the window between a batch's offsets and its commit. */
    private static final class SlowStream implements MicroBatchStream {
        private final FileStreamSource files;
        private final long delayMillis;

        SlowStream(FileStreamSource files, long delayMillis) {
            this.files = files;
            this.delayMillis = delayMillis;
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
            return files.planInputPartitions(start, end);
        }

        @Override
        public PartitionReader createReader(InputPartition partition, int[] requiredColumns) throws IOException {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return files.createReader(partition, requiredColumns);
        }

        @Override
        public void commit(String end) {
            files.commit(end);
        }
    }
}

package io.fluxo.connector.file;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A quick single-thread measurement of JSON read throughput into a typed schema (not a test; JMH benchmarks live in
 * fluxo-bench). Run: {@code java -cp <test classpath> io.fluxo.connector.file.JsonReadThroughput [MB] [rounds] [json|csv]}.
 */
public final class JsonReadThroughput {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private JsonReadThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean csv = args.length > 2 && args[2].equals("csv");
        Path file = Files.createTempFile("fluxo-throughput", csv ? ".csv" : ".json");
        try {
            Random random = new Random(42);
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                long written = 0;
                for (long i = 0; written < megabytes * 1_000_000L; i++) {
                    String line = csv ? i + ",user_" + random.nextInt(100_000) + "," + random.nextInt(100_000) / 100.0
                            + "," + random.nextInt(10_000) / 100.0 + "," + random.nextBoolean() + ",2024-0"
                            + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T1" + random.nextInt(10) + ":3"
                            + random.nextInt(10) + ":00Z," + (random.nextBoolean() ? "FR" : "\"Deutschland, DE\"")
                            + "\n"
                            : "{\"id\":" + i + ",\"user\":\"user_" + random.nextInt(100_000) + "\",\"amount\":"
                            + random.nextInt(100_000) / 100.0 + ",\"price\":" + random.nextInt(10_000) / 100.0
                            + ",\"active\":" + random.nextBoolean() + ",\"ts\":\"2024-0" + (1 + random.nextInt(9))
                            + "-1" + random.nextInt(10) + "T1" + random.nextInt(10) + ":3" + random.nextInt(10)
                            + ":00Z\",\"country\":\"" + (random.nextBoolean() ? "FR" : "Deutschland")
                            + "\",\"tags\":[\"a\",\"bb\"],\"extra\":{\"x\":1,\"y\":[1,2,3]}}\n";
                    w.write(line);
                    written += line.length();
                }
            }
            StructType schema = csv ? StructType.empty().add("id", DataTypes.LongType).add("user", DataTypes.StringType)
                    .add("amount", DataTypes.DoubleType).add("price", new DecimalType(10, 2))
                    .add("active", DataTypes.BooleanType).add("ts", DataTypes.TimestampType)
                    .add("country", DataTypes.StringType) : StructType.empty().add("id", DataTypes.LongType).add("user", DataTypes.StringType)
                    .add("amount", DataTypes.DoubleType).add("price", new DecimalType(10, 2))
                    .add("active", DataTypes.BooleanType).add("ts", DataTypes.TimestampType)
                    .add("country", DataTypes.StringType).add("tags", new ArrayType(DataTypes.StringType));
            long bytes = Files.size(file);
            FileFormat json = FileFormats.forName(csv ? "csv" : "json");
            int[] all = csv ? new int[] {0, 1, 2, 3, 4, 5, 6} : new int[] {0, 1, 2, 3, 4, 5, 6, 7};
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long rows = 0;
                BatchScan scan = json.createScan(List.of(file), schema,
                        FileOptions.of(Map.of("maxPartitionBytes", String.valueOf(Long.MAX_VALUE))));
                for (InputPartition p : scan.planInputPartitions()) {
                    try (PartitionReader r = scan.createReader(p, all)) {
                        for (ColumnBatch b = r.next(); b != null; b = r.next()) {
                            rows += b.numRows();
                        }
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                System.out.printf("round %d: %d rows, %.1f MB in %.2f s = %.1f MB/s (thread CPU %.2f s = %.1f MB/s)%n",
                        round, rows, bytes / 1e6, seconds, bytes / 1e6 / seconds, cpuSeconds, bytes / 1e6 / cpuSeconds);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

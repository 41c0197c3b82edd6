package io.fluxo.connector.rate;

import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Spark's {@code rate} and {@code rate-micro-batch} sources: rows {@code (timestamp, value)} with value 0, 1, 2, …
 * generated without I/O. {@code rate} produces {@code rowsPerSecond} rows per second of wall time (ramping up over
 * {@code rampUpTime}); {@code rate-micro-batch} produces exactly {@code rowsPerBatch} rows per micro-batch, whose
 * timestamps advance by {@code advanceMillisPerBatch} from {@code startTimestamp}, so it is deterministic.
 * The offset is the number of rows produced so far; any range can be regenerated exactly.
 */
public final class RateStream implements MicroBatchStream {
    public static final StructType SCHEMA = StructType.empty().add("timestamp", DataTypes.TimestampType)
            .add("value", DataTypes.LongType);

    private final boolean perBatch;
    private final long rowsPerSecond;
    private final long rampUpSeconds;
    private final long rowsPerBatch;
    private final long advanceMillisPerBatch;
    private final long startTimestampMs;
    private final int numPartitions;
    private final LongSupplier clockMillis;
    private long startedAtMs = -1;

    private RateStream(boolean perBatch, Map<String, String> options, LongSupplier clockMillis) {
        this.perBatch = perBatch;
        this.clockMillis = clockMillis;
        this.rowsPerSecond = positive(options, "rowsPerSecond", 1);
        this.rampUpSeconds = nonNegative(options, "rampUpTime", 0);
        this.rowsPerBatch = positive(options, "rowsPerBatch", 1);
        this.advanceMillisPerBatch = nonNegative(options, "advanceMillisPerBatch", 1000);
        this.startTimestampMs = nonNegative(options, "startTimestamp", 0);
        this.numPartitions = (int) positive(options, "numPartitions", Runtime.getRuntime().availableProcessors());
    }

    /** The {@code rate} source. */
    public static RateStream rate(Map<String, String> options, LongSupplier clockMillis) {
        return new RateStream(false, options, clockMillis);
    }

    /** The {@code rate-micro-batch} source. */
    public static RateStream microBatch(Map<String, String> options) {
        return new RateStream(true, options, System::currentTimeMillis);
    }

    private static long option(Map<String, String> options, String key, long defaultValue) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                String v = e.getValue().trim().toLowerCase(Locale.ROOT);
                try {
                    return v.endsWith("s") && key.equals("rampUpTime") ? Long.parseLong(v.substring(0, v.length() - 1))
                            : Long.parseLong(v);
                } catch (NumberFormatException ex) {
                    throw new AnalysisException("INVALID_OPTION_VALUE", "Invalid value '" + e.getValue()
                            + "' for option '" + key + "': expected a whole number.");
                }
            }
        }
        return defaultValue;
    }

    private static long positive(Map<String, String> options, String key, long defaultValue) {
        long v = option(options, key, defaultValue);
        if (v <= 0) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "Invalid value '" + v + "' for option '" + key
                    + "': it must be positive.");
        }
        return v;
    }

    private static long nonNegative(Map<String, String> options, String key, long defaultValue) {
        long v = option(options, key, defaultValue);
        if (v < 0) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "Invalid value '" + v + "' for option '" + key
                    + "': it must not be negative.");
        }
        return v;
    }

    @Override
    public StructType schema() {
        return SCHEMA;
    }

    @Override
    public String description() {
        return perBatch ? "RateStreamV2[rowsPerBatch=" + rowsPerBatch + ", numPartitions=" + numPartitions + "]"
                : "RateStreamV2[rowsPerSecond=" + rowsPerSecond + ", rampUpTimeSeconds=" + rampUpSeconds
                        + ", numPartitions=" + numPartitions + "]";
    }

    @Override
    public String initialOffset() {
        return "0";
    }

    @Override
    public synchronized String latestOffset(String start) {
        long from = Long.parseLong(start);
        if (perBatch) {
            return Long.toString(from + rowsPerBatch);
        }
        long now = clockMillis.getAsLong();
        if (startedAtMs < 0) {
            startedAtMs = now - from * 1000 / rowsPerSecond;
        }
        return Long.toString(Math.max(from, rowsAt((now - startedAtMs) / 1000)));
    }

    /** Rows produced by second {@code seconds}, with a linear ramp-up as Spark's rate source. */
    private long rowsAt(long seconds) {
        if (rampUpSeconds == 0) {
            return seconds * rowsPerSecond;
        }
        long speedDelta = Math.max(1, rowsPerSecond / rampUpSeconds);
        if (seconds <= rampUpSeconds) {
            return speedDelta * seconds * (seconds + 1) / 2;
        }
        return speedDelta * rampUpSeconds * (rampUpSeconds + 1) / 2 + (seconds - rampUpSeconds) * rowsPerSecond;
    }

    private long timestampMsOf(long row) {
        if (perBatch) {
            return startTimestampMs + (row / rowsPerBatch) * advanceMillisPerBatch;
        }
        return (startedAtMs < 0 ? 0 : startedAtMs) + row * 1000 / rowsPerSecond;
    }

    /** Timestamps of rows {@code first ..}: per run of rows of one micro-batch in rate-micro-batch, no division per row. */
    private void fillTimestamps(long[] values, long first, int n) {
        if (!perBatch) {
            for (int i = 0; i < n; i++) {
                values[i] = timestampMsOf(first + i) * DateTimeUtils.MICROS_PER_MILLI;
            }
            return;
        }
        int i = 0;
        while (i < n) {
            long row = first + i;
            long ts = timestampMsOf(row) * DateTimeUtils.MICROS_PER_MILLI;
            int runEnd = (int) Math.min(n, i + (rowsPerBatch - row % rowsPerBatch));
            java.util.Arrays.fill(values, i, runEnd, ts);
            i = runEnd;
        }
    }

    @Override
    public List<InputPartition> planInputPartitions(String start, String end) {
        long from = Long.parseLong(start);
        long to = Long.parseLong(end);
        List<InputPartition> out = new ArrayList<>();
        long count = to - from;
        for (int p = 0; p < numPartitions; p++) {
            long a = from + count * p / numPartitions;
            long b = from + count * (p + 1) / numPartitions;
            if (b > a) {
                out.add(new Range(a, b));
            }
        }
        return out;
    }

    private record Range(long from, long to) implements InputPartition {
        @Override
        public String description() {
            return "rate rows [" + from + ", " + to + ")";
        }
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) {
        Range r = (Range) partition;
        return new PartitionReader() {
            private long next = r.from();

            @Override
            public ColumnBatch next() {
                if (next >= r.to()) {
                    return null;
                }
                int n = (int) Math.min(ColumnBatch.DEFAULT_SIZE, r.to() - next);
                ColumnVector[] cols = new ColumnVector[requiredColumns.length];
                for (int c = 0; c < cols.length; c++) {
                    long[] values = new long[n];
                    if (requiredColumns[c] == 1) {
                        for (int i = 0; i < n; i++) {
                            values[i] = next + i;
                        }
                        cols[c] = LongVector.wrap(DataTypes.LongType, values, n, null);
                    } else {
                        fillTimestamps(values, next, n);
                        cols[c] = LongVector.wrap(DataTypes.TimestampType, values, n, null);
                    }
                }
                next += n;
                return new ColumnBatch(cols, n);
            }

            @Override
            public void close() {
            }
        };
    }
}

package io.fluxo.function.scalar;

import io.fluxo.errors.AnalysisException;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.StructType;
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.StructVector;
import java.util.Arrays;
import java.util.List;

/**
 * Event-time windows as Spark's {@code window(timeColumn, windowDuration[, slideDuration[, startTime]])}: the window
 * is a {@code STRUCT<start: TIMESTAMP, end: TIMESTAMP>}, start inclusive, end exclusive, aligned to the epoch plus
 * {@code startTime}. A tumbling window is computed per row here; for sliding windows (slide shorter than the window)
 * the analyzer turns the call into a generator over {@value #WINDOWS_FUNCTION}, which lists every window that covers
 * the row.
 */
public final class TimeWindowFunctions {
    /** The internal function listing all windows that contain a time, for sliding windows. */
    public static final String WINDOWS_FUNCTION = "_time_windows";
    public static final StructType WINDOW_TYPE = StructType.empty().add("start", DataTypes.TimestampType, true)
            .add("end", DataTypes.TimestampType, true);

    private TimeWindowFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(FunctionDefinition.of("window", 2, 4, b -> bind(b, false)));
        registry.register(FunctionDefinition.of(WINDOWS_FUNCTION, 4, 4, b -> bind(b, true)));
        registry.register(FunctionDefinition.of("session_window", 2, 2, TimeWindowFunctions::bindSession));
        registry.register(FunctionDefinition.of("window_time", 1, 1, TimeWindowFunctions::bindWindowTime));
    }

    /** Whether a type is a window column, as {@code window()} and {@code session_window()} produce. */
    public static boolean isWindow(DataType type) {
        return type instanceof StructType s && s.size() == 2 && s.field(0).name().equals("start")
                && s.field(1).name().equals("end") && s.field(0).dataType() == DataTypes.TimestampType
                && s.field(1).dataType() == DataTypes.TimestampType;
    }

    /**
     * {@code window_time(window)}: the last instant inside a window, its end minus one microsecond, which is the event
     * time of an aggregated window row (for a further window over it).
     */
    private static BoundFunction bindWindowTime(Binding b) {
        if (!isWindow(b.type(0))) {
            throw b.unexpectedType(0, "\"STRUCT<start: TIMESTAMP, end: TIMESTAMP>\"");
        }
        return BoundFunction.of(DataTypes.TimestampType, List.of(b.type(0)), (a, n, c) -> windowTime(a[0], n))
                .withNullability(Nullability.ALWAYS);
    }

    private static ColumnVector windowTime(ColumnVector window, int n) {
        StructVector w = (StructVector) window;
        ColumnVector end = w.field(1);
        long[] ends = ((LongVector) end).values();
        long[] out = new long[Math.max(n, 1)];
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            if (w.isNull(i) || end.isNull(i)) {
                if (nulls == null) {
                    nulls = new boolean[Math.max(n, 1)];
                }
                nulls[i] = true;
            } else {
                out[i] = ends[i] - 1;
            }
        }
        return LongVector.wrap(DataTypes.TimestampType, out, n, nulls);
    }

    /** Window length, slide and start offset in microseconds, from the constant arguments of a call. */
    record Spec(long size, long slide, long start) {
        boolean sliding() {
            return slide < size;
        }
    }

    static Spec spec(Binding b) {
        long size = duration(b, 1, "windowDuration");
        long slide = b.count() > 2 ? duration(b, 2, "slideDuration") : size;
        long start = b.count() > 3 ? duration(b, 3, "startTime") : 0;
        if (size <= 0 || slide <= 0) {
            throw new AnalysisException("INVALID_WINDOW_DURATION", "The window duration and slide duration of window() "
                    + "must be positive, got " + b.constantString(1) + (b.count() > 2 ? " and "
                    + b.constantString(2) : "") + ".");
        }
        if (slide > size) {
            throw new AnalysisException("INVALID_WINDOW_DURATION", "The slide duration (" + b.constantString(2)
                    + ") must be less than or equal to the windowDuration (" + b.constantString(1) + ").");
        }
        if (Math.abs(start) >= slide) {
            throw new AnalysisException("INVALID_WINDOW_DURATION", "The absolute value of the start time ("
                    + b.constantString(3) + ") must be less than the slideDuration (" + (b.count() > 2
                    ? b.constantString(2) : b.constantString(1)) + ").");
        }
        return new Spec(size, slide, start);
    }

    /** True when a window() call with these constant arguments slides (needs one output row per covering window). */
    public static boolean isSliding(List<String> durations) {
        long size = micros(durations.get(0), "windowDuration");
        long slide = durations.size() > 1 ? micros(durations.get(1), "slideDuration") : size;
        return slide < size;
    }

    private static BoundFunction bind(Binding b, boolean all) {
        DataType ts = b.type(0);
        // A window column as the time (a window over aggregated windows) stands for its window_time(), as in Spark.
        boolean overWindow = isWindow(ts);
        if (ts != DataTypes.TimestampType && !overWindow) {
            throw b.unexpectedType(0, "\"TIMESTAMP\"");
        }
        Spec spec = spec(b);
        DataType result = all ? new ArrayType(WINDOW_TYPE, false) : WINDOW_TYPE;
        return BoundFunction.of(result, List.of(ts), (a, n, c) -> {
            ColumnVector time = overWindow ? windowTime(a[0], n) : a[0];
            return all ? windows(time, n, spec) : tumbling(time, n, spec);
        }).withNullability(Nullability.ALWAYS);
    }

    /**
     * {@code session_window(ts, gap)} of one row: {@code [ts, ts + gap)}. In GROUP BY the aggregation merges the
     * overlapping windows of each key into sessions; on its own it is the row's window.
     */
    private static BoundFunction bindSession(Binding b) {
        if (b.type(0) != DataTypes.TimestampType) {
            throw b.unexpectedType(0, "\"TIMESTAMP\"");
        }
        if (!b.isConstant(1)) {
            // A gap per row: an interval string expression; a NULL, zero or negative gap puts the row in no session.
            if (!(b.type(1) instanceof io.fluxo.types.StringType)) {
                throw b.unexpectedType(1, "\"STRING\"");
            }
            return BoundFunction.of(WINDOW_TYPE, List.of(DataTypes.TimestampType, DataTypes.StringType),
                    (a, n, c) -> {
                        SessionGaps gaps = new SessionGaps();
                        long[] t = ((LongVector) a[0]).values();
                        long[] g = new long[Math.max(n, 1)];
                        gaps.micros(a[1], n, g);
                        long[] ends = new long[Math.max(n, 1)];
                        boolean[] nulls = new boolean[Math.max(n, 1)];
                        for (int i = 0; i < n; i++) {
                            nulls[i] = a[0].isNull(i) || g[i] <= 0;
                            ends[i] = nulls[i] ? 0 : t[i] + g[i];
                        }
                        return StructVector.wrap(WINDOW_TYPE, new ColumnVector[] {
                            LongVector.wrap(DataTypes.TimestampType, Arrays.copyOf(t, Math.max(n, 1)), n,
                                    nulls.clone()),
                            LongVector.wrap(DataTypes.TimestampType, ends, n, nulls.clone())}, n, nulls);
                    }).withNullability(Nullability.ALWAYS);
        }
        long gap = duration(b, 1, "gapDuration");
        if (gap <= 0) {
            throw new AnalysisException("INVALID_WINDOW_DURATION", "The gap duration of session_window() must be "
                    + "positive, got " + b.constantString(1) + ".");
        }
        return BoundFunction.of(WINDOW_TYPE, List.of(DataTypes.TimestampType), (a, n, c) -> {
            long[] t = ((LongVector) a[0]).values();
            long[] ends = new long[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                ends[i] = t[i] + gap;
            }
            boolean[] nulls = NullMasks.copy(a[0], n);
            return StructVector.wrap(WINDOW_TYPE, new ColumnVector[] {
                LongVector.wrap(DataTypes.TimestampType, Arrays.copyOf(t, Math.max(n, 1)), n,
                        nulls == null ? null : nulls.clone()),
                LongVector.wrap(DataTypes.TimestampType, ends, n, nulls == null ? null : nulls.clone())}, n, nulls);
        }).withNullability(Nullability.ALWAYS);
    }

    /**
     * Session gaps given per row as interval strings, in microseconds (0 for a NULL gap). Parses each distinct text
     * once: a gap expression usually yields a handful of values.
     */
    public static final class SessionGaps {
        private final java.util.Map<String, Long> parsed = new java.util.HashMap<>();
        private byte[] lastText = new byte[0];
        private long lastMicros;

        public void micros(ColumnVector texts, int n, long[] out) {
            io.fluxo.vector.BytesVector v = (io.fluxo.vector.BytesVector) texts;
            byte[] data = v.data();
            for (int i = 0; i < n; i++) {
                if (v.isNull(i)) {
                    out[i] = 0;
                    continue;
                }
                int from = v.start(i);
                int to = from + v.length(i);
                if (!Arrays.equals(data, from, to, lastText, 0, lastText.length)) {
                    lastText = Arrays.copyOfRange(data, from, to);
                    String text = new String(lastText, java.nio.charset.StandardCharsets.UTF_8);
                    lastMicros = parsed.computeIfAbsent(text, x -> TimeWindowFunctions.micros(x, "gapDuration"));
                }
                out[i] = lastMicros;
            }
        }
    }

    /** The gap of a session_window() call with a constant gap, in microseconds. */
    public static long sessionGapMicros(String gap) {
        return micros(gap, "gapDuration");
    }

    /** The start of the last window (of this slide) that begins at or before {@code t}. */
    private static long lastStart(long t, Spec spec) {
        return t - Math.floorMod(t - spec.start, spec.slide);
    }

    private static ColumnVector tumbling(ColumnVector in, int n, Spec spec) {
        long[] t = ((LongVector) in).values();
        long[] starts = new long[Math.max(n, 1)];
        long[] ends = new long[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            starts[i] = lastStart(t[i], spec);
            ends[i] = starts[i] + spec.size;
        }
        boolean[] nulls = NullMasks.copy(in, n);
        return StructVector.wrap(WINDOW_TYPE, new ColumnVector[] {
            LongVector.wrap(DataTypes.TimestampType, starts, n, nulls == null ? null : nulls.clone()),
            LongVector.wrap(DataTypes.TimestampType, ends, n, nulls == null ? null : nulls.clone())}, n, nulls);
    }

    /** Every window containing each time, earliest first; an empty list for a null time. */
    private static ColumnVector windows(ColumnVector in, int n, Spec spec) {
        long[] t = ((LongVector) in).values();
        int perRow = (int) ((spec.size + spec.slide - 1) / spec.slide);
        int[] offsets = new int[n + 1];
        long[] starts = new long[Math.max(1, n * perRow)];
        long[] ends = new long[starts.length];
        int count = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = count;
            if (!in.isNull(i)) {
                long last = lastStart(t[i], spec);
                for (int k = perRow - 1; k >= 0; k--) {
                    long start = last - k * spec.slide;
                    if (start + spec.size > t[i]) {
                        starts[count] = start;
                        ends[count++] = start + spec.size;
                    }
                }
            }
        }
        offsets[n] = count;
        StructVector elements = StructVector.wrap(WINDOW_TYPE, new ColumnVector[] {
            LongVector.wrap(DataTypes.TimestampType, starts, count, null),
            LongVector.wrap(DataTypes.TimestampType, ends, count, null)}, count, null);
        return ArrayVector.wrap(new ArrayType(WINDOW_TYPE, false), offsets, elements, n, null);
    }

    private static long duration(Binding b, int i, String what) {
        // As Spark: a string literal is an interval text, an integral literal a number of microseconds.
        Object constant = b.constant(i);
        if (b.type(i).isIntegral() && constant instanceof Number micros) {
            return micros.longValue();
        }
        String text = b.type(i) instanceof io.fluxo.types.StringType ? b.constantString(i) : null;
        if (text == null) {
            throw new AnalysisException("INVALID_WINDOW_DURATION", "The " + what + " of window() must be a constant "
                    + "interval string such as '10 minutes'.");
        }
        return micros(text, what);
    }

    /** Microseconds of {@code '10 seconds'}, {@code '1 hour 30 minutes'}, {@code 'interval 5 minutes'}. */
    static long micros(String text, String what) {
        try {
            return DateTimeUtils.parseIntervalMicros(text);
        } catch (IllegalArgumentException e) {
            throw invalid(text, what);
        }
    }

    private static AnalysisException invalid(String text, String what) {
        return new AnalysisException("INVALID_WINDOW_DURATION", "The " + what + " '" + text + "' of window() is "
                + "not a valid interval: use a number and a unit, such as '10 seconds' or '5 minutes'.");
    }
}

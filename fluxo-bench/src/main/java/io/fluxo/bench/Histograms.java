package io.fluxo.bench;

/** Latency histograms the benchmark harnesses keep as counts per millisecond. */
public final class Histograms {
    private Histograms() {
    }

    /** The smallest value (index of {@code counts}) at or below which a share {@code q} of the {@code total} lies. */
    public static double percentile(long[] counts, long total, double q) {
        long rank = Math.max(1, (long) Math.ceil(total * q));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i;
            }
        }
        return Double.NaN;
    }
}

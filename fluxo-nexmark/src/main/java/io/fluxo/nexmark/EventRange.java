package io.fluxo.nexmark;

import io.fluxo.connector.spi.InputPartition;
import java.util.ArrayList;
import java.util.List;

/** The events numbered {@code [from, to)}: one partition of a batch. */
record EventRange(long from, long to) implements InputPartition {
    @Override
    public String description() {
        return "nexmark events [" + from + ", " + to + ")";
    }

    /** {@code [from, to)} cut into at most {@code parts} contiguous ranges of near-equal size, in order. */
    static List<EventRange> split(long from, long to, int parts) {
        List<EventRange> out = new ArrayList<>();
        long count = to - from;
        for (int p = 0; p < parts; p++) {
            long a = splitPoint(from, count, p, parts);
            long b = splitPoint(from, count, p + 1, parts);
            if (b > a) {
                out.add(new EventRange(a, b));
            }
        }
        return out;
    }

    /** Where part {@code p} starts, without overflowing {@code count * p}. */
    private static long splitPoint(long from, long count, int p, int parts) {
        return from + count / parts * p + count % parts * p / parts;
    }
}

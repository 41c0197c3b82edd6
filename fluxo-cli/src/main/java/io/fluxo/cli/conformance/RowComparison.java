package io.fluxo.cli.conformance;

import io.fluxo.api.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares the rows a query produced with the rows a case expects, and says how they differ. Rows match as
 * multisets ({@code check}) or as sequences ({@code checkSorted}); values match exactly, except doubles, which
 * match within a relative {@value #RELATIVE_TOLERANCE} (and NaN matches NaN), and decimals, which match by value
 * whatever their scale. Java types must agree: an INT column that arrives as a Long is a difference, and the report
 * says so when two rows print alike.
 */
public final class RowComparison {
    /** How far apart two doubles may be, relative to the larger magnitude. */
    public static final double RELATIVE_TOLERANCE = 1e-9;
    private static final int MAX_ROWS_SHOWN = 20;

    private RowComparison() {
    }

    /**
     * How {@code actual} differs from {@code expected} ignoring order, as report lines: the rows expected but not
     * received and the rows received but not expected. Empty when they match.
     */
    public static List<String> unordered(List<Row> actual, List<Row> expected) {
        boolean[] matched = new boolean[actual.size()];
        List<Row> missing = new ArrayList<>();
        for (Row want : expected) {
            int found = -1;
            for (int i = 0; i < actual.size() && found < 0; i++) {
                if (!matched[i] && rowsEqual(want, actual.get(i))) {
                    found = i;
                }
            }
            if (found < 0) {
                missing.add(want);
            } else {
                matched[found] = true;
            }
        }
        List<Row> unexpected = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            if (!matched[i]) {
                unexpected.add(actual.get(i));
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("received " + count(actual.size()) + ", expected " + count(expected.size()));
        if (!missing.isEmpty()) {
            lines.add("missing (expected, not received):");
            appendRows(lines, missing, false);
        }
        if (!unexpected.isEmpty()) {
            lines.add("unexpected (received, not expected):");
            appendRows(lines, unexpected, false);
        }
        appendTypeHint(lines, missing, unexpected);
        return lines;
    }

    /** As {@link #unordered}, and when the rows match as a multiset, whether they come in the expected order. */
    public static List<String> ordered(List<Row> actual, List<Row> expected) {
        List<String> lines = unordered(actual, expected);
        if (!lines.isEmpty()) {
            return lines;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!rowsEqual(expected.get(i), actual.get(i))) {
                lines = new ArrayList<>();
                lines.add("the rows match but not their order; the first difference is at row " + (i + 1));
                lines.add("received:");
                appendRows(lines, actual, true);
                lines.add("expected:");
                appendRows(lines, expected, true);
                return lines;
            }
        }
        return List.of();
    }

    public static boolean rowsEqual(Row expected, Row actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!valuesEqual(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Equality of two Fluxo values, with the tolerance for doubles described above, applied inside nested values. */
    public static boolean valuesEqual(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Double e && actual instanceof Double a) {
            return doublesEqual(e, a);
        }
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            return e.compareTo(a) == 0;
        }
        if (expected instanceof byte[] e && actual instanceof byte[] a) {
            return Arrays.equals(e, a);
        }
        if (expected instanceof Row e && actual instanceof Row a) {
            return rowsEqual(e, a);
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                return false;
            }
            for (int i = 0; i < e.size(); i++) {
                if (!valuesEqual(e.get(i), a.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            return e.size() == a.size() && e.entrySet().stream().allMatch(want -> a.entrySet().stream().anyMatch(
                    got -> valuesEqual(want.getKey(), got.getKey()) && valuesEqual(want.getValue(), got.getValue())));
        }
        return expected.equals(actual);
    }

    static boolean doublesEqual(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return false;
        }
        return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    private static void appendRows(List<String> lines, List<Row> rows, boolean numbered) {
        int shown = Math.min(rows.size(), MAX_ROWS_SHOWN);
        for (int i = 0; i < shown; i++) {
            lines.add("  " + (numbered ? (i + 1) + ". " : "") + RowText.of(rows.get(i)));
        }
        if (rows.size() > shown) {
            lines.add("  … and " + (rows.size() - shown) + " more");
        }
    }

    /** When a missing and an unexpected row print alike, the difference is in the Java types: say which. */
    private static void appendTypeHint(List<String> lines, List<Row> missing, List<Row> unexpected) {
        for (Row want : missing) {
            for (Row got : unexpected) {
                if (RowText.of(want).equals(RowText.of(got))) {
                    lines.add("rows that print alike differ in their Java types: expected " + RowText.types(want)
                            + ", received " + RowText.types(got));
                    return;
                }
            }
        }
    }

    private static String count(int rows) {
        return rows + (rows == 1 ? " row" : " rows");
    }
}

package io.fluxo.exec;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares query results with a reference as multisets of rows (order ignored, duplicates counted) in linear time,
 * and on a difference names the rows missing and the rows in excess rather than dumping both lists.
 */
public final class RowMultisets {
    private static final int SHOWN = 10;

    private RowMultisets() {
    }

    public static Map<List<Object>, Integer> counts(List<List<Object>> rows) {
        Map<List<Object>, Integer> out = new HashMap<>();
        for (List<Object> r : rows) {
            out.merge(r, 1, Integer::sum);
        }
        return out;
    }

    /** Fails unless {@code actual} holds exactly the rows of {@code expected}, as many times each. */
    public static void assertSameRows(List<List<Object>> actual, List<List<Object>> expected, String description) {
        Map<List<Object>, Integer> left = counts(actual);
        Map<List<Object>, Integer> right = counts(expected);
        if (left.equals(right)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        right.forEach((row, n) -> {
            int have = left.getOrDefault(row, 0);
            if (have < n && missing.size() < SHOWN) {
                missing.add((n - have) + " x " + row);
            }
        });
        left.forEach((row, n) -> {
            int want = right.getOrDefault(row, 0);
            if (n > want && extra.size() < SHOWN) {
                extra.add((n - want) + " x " + row);
            }
        });
        fail("%s%n  rows: %d actual, %d expected%n  missing: %s%n  unexpected: %s", description, actual.size(),
                expected.size(), missing, extra);
    }

    /** Fails unless every row of {@code part} occurs in {@code whole}, counting duplicates. */
    public static void assertSubMultiset(List<List<Object>> part, List<List<Object>> whole, String description) {
        Map<List<Object>, Integer> available = counts(whole);
        for (List<Object> r : part) {
            Integer n = available.get(r);
            if (n == null || n == 0) {
                fail("%s%n  row %s is not in the input (or occurs too often)", description, r);
            }
            available.put(r, n - 1);
        }
    }
}

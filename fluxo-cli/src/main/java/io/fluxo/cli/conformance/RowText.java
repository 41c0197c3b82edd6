package io.fluxo.cli.conformance;

import io.fluxo.api.Row;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Rows and values as the conformance report prints them, compactly and close to how cases write them:
 * {@code [a, 2, 3.0]}, timestamps as ISO instants ({@code 1970-01-01T00:00:10Z}), structs as {@code {x, y}}, maps as
 * {@code {k: v}}, binary as {@code 0x0A0B}.
 */
public final class RowText {
    private static final String HEX_DIGITS = "0123456789ABCDEF";

    private RowText() {
    }

    public static String of(Row row) {
        if (row == null) {
            return "null row";
        }
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < row.size(); i++) {
            j.add(value(row.get(i)));
        }
        return j.toString();
    }

    public static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof byte[] bytes) {
            StringBuilder sb = new StringBuilder("0x");
            for (byte b : bytes) {
                sb.append(HEX_DIGITS.charAt((b >> 4) & 0xF)).append(HEX_DIGITS.charAt(b & 0xF));
            }
            return sb.toString();
        }
        if (v instanceof List<?> list) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            list.forEach(e -> j.add(value(e)));
            return j.toString();
        }
        if (v instanceof Map<?, ?> map) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            map.forEach((k, x) -> j.add(value(k) + ": " + value(x)));
            return j.toString();
        }
        if (v instanceof Row struct) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            for (int i = 0; i < struct.size(); i++) {
                j.add(value(struct.get(i)));
            }
            return j.toString();
        }
        return v.toString();
    }

    /** The Java classes of a row's values, {@code [String, Long]}: what tells apart two rows that print alike. */
    static String types(Row row) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < row.size(); i++) {
            Object v = row.get(i);
            j.add(v == null ? "null" : v.getClass().getSimpleName());
        }
        return j.toString();
    }
}

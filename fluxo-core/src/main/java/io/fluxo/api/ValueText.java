package io.fluxo.api;

import io.fluxo.types.DateTimeUtils;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** A value as {@code show()} prints it: Spark's text for each type ({@code NULL}, {@code [1, 2]}, {@code {a -> 1}}). */
final class ValueText {
    private ValueText() {
    }

    static String of(Object v, ZoneId zone) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Instant i) {
            return DateTimeUtils.formatTimestamp(DateTimeUtils.toMicros(i), zone);
        }
        if (v instanceof LocalDate d) {
            return DateTimeUtils.formatDate(DateTimeUtils.toDays(d));
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof byte[] bytes) {
            StringJoiner j = new StringJoiner(" ", "[", "]");
            for (byte b : bytes) {
                j.add(String.format("%02X", b));
            }
            return j.toString();
        }
        if (v instanceof List<?> list) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (Object e : list) {
                j.add(of(e, zone));
            }
            return j.toString();
        }
        if (v instanceof Map<?, ?> map) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            map.forEach((k, x) -> j.add(of(k, zone) + " -> " + of(x, zone)));
            return j.toString();
        }
        if (v instanceof Row r) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            for (int i = 0; i < r.size(); i++) {
                j.add(of(r.get(i), zone));
            }
            return j.toString();
        }
        return v.toString();
    }
}

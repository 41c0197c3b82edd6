package io.fluxo.connector.file.internal;

import io.fluxo.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Numbers and booleans from UTF-8 text {@code [from, to)}, accepting what Spark's CSV reader accepts ({@code toInt},
 * {@code toLong}, {@code toDouble}, {@code toBoolean} of Scala, {@code BigDecimal} with grouping commas) with
 * allocation-free fast paths for plain numbers. One instance per reader thread: results are left in fields.
 */
public final class TextNumbers {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22};
    private static final long[] LONG_POWERS = new long[19];

    static {
        LONG_POWERS[0] = 1;
        for (int i = 1; i < LONG_POWERS.length; i++) {
            LONG_POWERS[i] = LONG_POWERS[i - 1] * 10;
        }
    }

    /** The last value parsed by {@link #parseLong}. */
    public long longValue;
    /** The last value parsed by {@link #parseDouble}. */
    public double doubleValue;
    /** The last value parsed by {@link #parseDecimal}: unscaled (compact types) or at the type's scale (wide). */
    public long unscaledValue;
    public BigDecimal decimalValue;

    /** Integer.parseInt's grammar: optional sign, then digits. */
    public boolean parseInt(byte[] b, int from, int to) {
        return parseLong(b, from, to) && longValue >= Integer.MIN_VALUE && longValue <= Integer.MAX_VALUE;
    }

    /** Long.parseLong's grammar: optional sign, then 1..19 digits, within range. */
    public boolean parseLong(byte[] b, int from, int to) {
        if (from >= to) {
            return false;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            if (++i == to) {
                return false;
            }
        }
        long v = 0; // accumulated negatively so that Long.MIN_VALUE fits
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (v < -922337203685477580L || (v == -922337203685477580L && d > (negative ? 8 : 7))) {
                return false;
            }
            v = v * 10 - d;
        }
        longValue = negative ? v : -v;
        return true;
    }

    /**
     * Double.parseDouble's grammar (what Scala's {@code toDouble} accepts): plain decimal numbers are converted
     * exactly without allocating when they have at most 15 significant digits; the rest go through the JDK.
     */
    public boolean parseDouble(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        boolean any = false;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            any = true;
            if (mantissa == 0 && d == 0) {
                continue;
            }
            if (digits < 18) {
                mantissa = mantissa * 10 + d;
                digits++;
            } else {
                digits++;
                exponent++;
            }
        }
        if (i < to && b[i] == '.') {
            for (i++; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                any = true;
                if (mantissa == 0 && d == 0) {
                    exponent--;
                    continue;
                }
                if (digits < 18) {
                    mantissa = mantissa * 10 + d;
                    digits++;
                    exponent--;
                } else {
                    digits++;
                }
            }
        }
        if (any && i < to && (b[i] == 'e' || b[i] == 'E')) {
            int j = i + 1;
            boolean negExp = false;
            if (j < to && (b[j] == '-' || b[j] == '+')) {
                negExp = b[j] == '-';
                j++;
            }
            int e = 0;
            int start = j;
            for (; j < to && j - start < 6; j++) {
                int d = b[j] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                e = e * 10 + d;
            }
            if (j > start && j == to) {
                exponent += negExp ? -e : e;
                i = j;
            }
        }
        if (any && i == to && digits <= 15) {
            double v;
            if (mantissa == 0) {
                v = 0.0;
            } else if (exponent >= 0 && exponent <= 22) {
                v = mantissa * POWERS_OF_TEN[exponent];
            } else if (exponent < 0 && exponent >= -22) {
                v = mantissa / POWERS_OF_TEN[-exponent];
            } else {
                return slowDouble(b, from, to);
            }
            doubleValue = negative ? -v : v;
            return true;
        }
        return slowDouble(b, from, to);
    }

    private boolean slowDouble(byte[] b, int from, int to) {
        try {
            doubleValue = Double.parseDouble(new String(b, from, to - from, StandardCharsets.UTF_8));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Scala's {@code toBoolean}: {@code true} or {@code false} in any case. */
    public static int parseBoolean(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 4 && (b[from] | 0x20) == 't' && (b[from + 1] | 0x20) == 'r' && (b[from + 2] | 0x20) == 'u'
                && (b[from + 3] | 0x20) == 'e') {
            return 1;
        }
        if (n == 5 && (b[from] | 0x20) == 'f' && (b[from + 1] | 0x20) == 'a' && (b[from + 2] | 0x20) == 'l'
                && (b[from + 3] | 0x20) == 's' && (b[from + 4] | 0x20) == 'e') {
            return 0;
        }
        return -1;
    }

    /**
     * A decimal for {@code type}, rounded half-up to its scale; false when the text is not a number or the value
     * does not fit the precision. Leaves {@link #unscaledValue} for compact types, {@link #decimalValue} for wide.
     */
    public boolean parseDecimal(byte[] b, int from, int to, DecimalType type) {
        if (type.isCompact() && fastDecimal(b, from, to, type)) {
            return true;
        }
        BigDecimal value = parseBigDecimal(b, from, to);
        return value != null && fitDecimal(value, type);
    }

    /** The text as a BigDecimal (grouping commas allowed, as Spark's US-locale parser does), or null. */
    public static BigDecimal parseBigDecimal(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (s.indexOf(',') >= 0) {
            s = s.replace(",", "");
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Rounds {@code value} to the type's scale and checks its precision; sets the value fields. */
    public boolean fitDecimal(BigDecimal value, DecimalType type) {
        BigDecimal scaled;
        try {
            scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        } catch (ArithmeticException e) {
            return false;
        }
        if (scaled.precision() > type.precision() && scaled.signum() != 0) {
            return false;
        }
        if (type.isCompact()) {
            unscaledValue = scaled.unscaledValue().longValueExact();
        } else {
            decimalValue = scaled;
        }
        return true;
    }

    /** [sign] digits [. digits] with no more fraction digits than the scale, no rounding needed. */
    private boolean fastDecimal(byte[] b, int from, int to, DecimalType type) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long v = 0;
        int digits = 0;
        int fraction = -1;
        boolean any = false;
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '.' && fraction < 0) {
                fraction = 0;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            any = true;
            if (fraction >= 0) {
                fraction++;
            }
            if (v != 0 || d != 0) {
                if (++digits > 18) {
                    return false;
                }
            }
            v = v * 10 + d;
        }
        int scale = Math.max(fraction, 0);
        if (!any || scale > type.scale()) {
            return false;
        }
        int up = type.scale() - scale;
        if (digits + up > type.precision()) {
            return false; // the general path decides (zero with many digits fits)
        }
        unscaledValue = (negative ? -v : v) * LONG_POWERS[up];
        return true;
    }
}

package io.fluxo.exec.expr;

import io.fluxo.errors.InternalError;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.BytesVector;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Casts to and from STRING. Parsing follows Spark's ANSI cast: surrounding whitespace and control characters are
 * ignored; integers take an optional sign and digits only (no fraction, no exponent; out of range is malformed);
 * doubles take Java's syntax plus {@code inf}/{@code infinity}/{@code nan} in any case; decimals take
 * {@link BigDecimal}'s syntax, exponents included; booleans take t/true/y/yes/1 and f/false/n/no/0 in any case;
 * dates and timestamps go through {@link DateTimeUtils}. Text that does not parse is CAST_INVALID_INPUT.
 */
final class StringCasts {
    private StringCasts() {
    }

    static CastKernel toStringKernel(DataType from, ZoneId zone) {
        if (from instanceof BinaryType) {
            return (in, n, failed) -> retype((BytesVector) in, StringType.INSTANCE, n);
        }
        ValueFormatter formatter = ValueFormatter.forType(from, zone);
        return (in, n, failed) -> {
            BytesVector out = new BytesVector(StringType.INSTANCE, Math.max(n, 1), n * 8);
            Utf8Builder text = new Utf8Builder();
            for (int i = 0; i < n; i++) {
                if (in.isNull(i)) {
                    out.appendNull();
                } else {
                    text.reset();
                    formatter.append(text, in, i);
                    out.append(text.bytes(), 0, text.length());
                }
            }
            return out;
        };
    }

    private static BytesVector retype(BytesVector in, DataType type, int n) {
        return BytesVector.wrap(type, in.data(), in.offsets(), n, in.nulls());
    }

    static CastKernel fromString(DataType to, ZoneId zone) {
        if (to instanceof BinaryType) {
            return (in, n, failed) -> retype((BytesVector) in, BinaryType.INSTANCE, n);
        }
        if (to instanceof BooleanType) {
            return (in, n, failed) -> {
                BytesVector s = (BytesVector) in;
                return CastKernels.booleans(in, n, failed, (i, nulls) -> {
                    int parsed = parseBoolean(s.data(), s.start(i), s.start(i) + s.length(i));
                    if (parsed < 0) {
                        nulls.fail(i, () -> ExecutionErrors.castInvalidInput(s.getString(i), StringType.INSTANCE, to));
                    }
                    return parsed == 1;
                });
            };
        }
        if (to instanceof IntegerType || to instanceof LongType) {
            boolean isInt = to instanceof IntegerType;
            return (in, n, failed) -> {
                BytesVector s = (BytesVector) in;
                IntegralParser parser = new IntegralParser();
                CastKernels.ToLong convert = (i, nulls) -> {
                    if (!parser.parse(s.data(), s.start(i), s.start(i) + s.length(i))
                            || (isInt && parser.value != (int) parser.value)) {
                        nulls.fail(i, () -> ExecutionErrors.castInvalidInput(s.getString(i), StringType.INSTANCE, to));
                        return 0;
                    }
                    return parser.value;
                };
                if (isInt) {
                    return CastKernels.ints(to, in, n, failed, (i, nulls) -> (int) convert.convert(i, nulls));
                }
                return CastKernels.longs(to, in, n, failed, convert);
            };
        }
        if (to instanceof DoubleType) {
            return (in, n, failed) -> {
                BytesVector s = (BytesVector) in;
                return CastKernels.doubles(in, n, failed, (i, nulls) -> {
                    String text = s.getString(i);
                    Double d = parseDouble(text);
                    if (d == null) {
                        nulls.fail(i, () -> ExecutionErrors.castInvalidInput(text, StringType.INSTANCE, to));
                        return 0;
                    }
                    return d;
                });
            };
        }
        if (to instanceof DecimalType d) {
            return (in, n, failed) -> {
                BytesVector s = (BytesVector) in;
                return CastKernels.decimals(d, in, n, failed, (i, nulls) -> {
                    String text = s.getString(i);
                    BigDecimal value;
                    try {
                        value = new BigDecimal(text.trim());
                    } catch (NumberFormatException e) {
                        nulls.fail(i, () -> ExecutionErrors.castInvalidInput(text, StringType.INSTANCE, to));
                        return null;
                    }
                    if (value.precision() - value.scale() > DecimalType.MAX_PRECISION) {
                        nulls.fail(i, () -> ExecutionErrors.numericOutOfSupportedRange(text));
                        return null;
                    }
                    return CastKernels.fit(value, d, i, nulls);
                });
            };
        }
        if (to instanceof DateType) {
            return (in, n, failed) -> {
                BytesVector s = (BytesVector) in;
                return CastKernels.ints(to, in, n, failed, (i, nulls) -> {
                    String text = s.getString(i);
                    Integer days = DateTimeUtils.parseDate(text);
                    if (days == null) {
                        nulls.fail(i, () -> ExecutionErrors.castInvalidInput(text, StringType.INSTANCE, to));
                        return 0;
                    }
                    return days;
                });
            };
        }
        if (to instanceof TimestampType) {
            return (in, n, failed) -> {
                BytesVector s = (BytesVector) in;
                return CastKernels.longs(to, in, n, failed, (i, nulls) -> {
                    String text = s.getString(i);
                    Long micros = DateTimeUtils.parseTimestamp(text, zone);
                    if (micros == null) {
                        nulls.fail(i, () -> ExecutionErrors.castInvalidInput(text, StringType.INSTANCE, to));
                        return 0;
                    }
                    return micros;
                });
            };
        }
        throw new InternalError("no cast from STRING to " + to.sql());
    }

    /** Bytes Spark trims around numbers and booleans: whitespace and ISO control characters. */
    private static boolean trimmable(byte b) {
        return (b >= 0 && b <= 0x20) || b == 0x7F;
    }

    /** 1 for a true word, 0 for a false word, -1 for anything else. */
    static int parseBoolean(byte[] d, int start, int end) {
        while (start < end && trimmable(d[start])) {
            start++;
        }
        while (end > start && trimmable(d[end - 1])) {
            end--;
        }
        int len = end - start;
        if (len == 0 || len > 5) {
            return -1;
        }
        String word = new String(d, start, len, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        switch (word) {
            case "t":
            case "true":
            case "y":
            case "yes":
            case "1":
                return 1;
            case "f":
            case "false":
            case "n":
            case "no":
            case "0":
                return 0;
            default:
                return -1;
        }
    }

    /** Java's double syntax, then Spark's special words; {@code null} when neither. */
    static Double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "inf":
                case "+inf":
                case "infinity":
                case "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf":
                case "-infinity":
                    return Double.NEGATIVE_INFINITY;
                case "nan":
                    return Double.NaN;
                default:
                    return null;
            }
        }
    }

    /** Spark's ANSI integral syntax over UTF-8 bytes, without making a String: [sign] digits, trimmed. */
    static final class IntegralParser {
        long value;

        boolean parse(byte[] d, int start, int end) {
            while (start < end && trimmable(d[start])) {
                start++;
            }
            while (end > start && trimmable(d[end - 1])) {
                end--;
            }
            if (start == end) {
                return false;
            }
            boolean negative = d[start] == '-';
            if (negative || d[start] == '+') {
                start++;
                if (start == end) {
                    return false;
                }
            }
            // Accumulate negatively: Long.MIN_VALUE has one more digit's worth of room than MAX_VALUE.
            long result = 0;
            long stop = Long.MIN_VALUE / 10;
            for (int i = start; i < end; i++) {
                int digit = d[i] - '0';
                if (digit < 0 || digit > 9 || result < stop) {
                    return false;
                }
                result = result * 10 - digit;
                if (result > 0) {
                    return false;
                }
            }
            if (!negative) {
                result = -result;
                if (result < 0) {
                    return false;
                }
            }
            value = result;
            return true;
        }
    }
}

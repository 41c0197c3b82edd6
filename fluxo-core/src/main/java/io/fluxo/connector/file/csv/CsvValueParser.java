package io.fluxo.connector.file.csv;

import io.fluxo.connector.file.internal.TextNumbers;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

/**
 * Converts one CSV field's text into a column, as Spark's UnivocityParser does ({@code toInt}, {@code toDouble} with
 * {@code nanValue}/{@code positiveInf}/{@code negativeInf}, {@code toBoolean}, decimals rounded half-up, dates and
 * timestamps by pattern or Spark's flexible rules). Returns false, appending nothing, when the text does not fit.
 */
abstract class CsvValueParser {
    abstract boolean parse(byte[] b, int from, int to, ColumnVector out);

    /** Fails with Spark's error when CSV cannot hold a column of this type. */
    static void checkSupported(StructType schema) {
        for (StructField f : schema.fields()) {
            DataType t = f.dataType();
            boolean ok = t instanceof StringType || t instanceof IntegerType || t instanceof LongType
                    || t instanceof DoubleType || t instanceof DecimalType || t instanceof BooleanType
                    || t instanceof DateType || t instanceof TimestampType || t instanceof NullType;
            if (!ok) {
                throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "The CSV datasource doesn't support "
                        + "the column `" + f.name() + "` of the type \"" + t.sql() + "\".",
                        Map.of("columnName", f.name(), "columnType", t.sql(), "format", "CSV"));
            }
        }
    }

    static CsvValueParser forType(DataType type, CsvOptions o, TextNumbers numbers) {
        if (type instanceof StringType) {
            return new CsvValueParser() {
                @Override
                boolean parse(byte[] b, int from, int to, ColumnVector out) {
                    ((BytesVector) out).append(b, from, to - from);
                    return true;
                }
            };
        }
        if (type instanceof IntegerType) {
            return new CsvValueParser() {
                @Override
                boolean parse(byte[] b, int from, int to, ColumnVector out) {
                    if (!numbers.parseInt(b, from, to)) {
                        return false;
                    }
                    ((IntVector) out).append((int) numbers.longValue);
                    return true;
                }
            };
        }
        if (type instanceof LongType) {
            return new CsvValueParser() {
                @Override
                boolean parse(byte[] b, int from, int to, ColumnVector out) {
                    if (!numbers.parseLong(b, from, to)) {
                        return false;
                    }
                    ((LongVector) out).append(numbers.longValue);
                    return true;
                }
            };
        }
        if (type instanceof DoubleType) {
            return new CsvValueParser() {
                @Override
                boolean parse(byte[] b, int from, int to, ColumnVector out) {
                    double v;
                    if (equal(b, from, to, o.nanValue)) {
                        v = Double.NaN;
                    } else if (equal(b, from, to, o.negativeInf)) {
                        v = Double.NEGATIVE_INFINITY;
                    } else if (equal(b, from, to, o.positiveInf)) {
                        v = Double.POSITIVE_INFINITY;
                    } else if (numbers.parseDouble(b, from, to)) {
                        v = numbers.doubleValue;
                    } else {
                        return false;
                    }
                    ((DoubleVector) out).append(v);
                    return true;
                }
            };
        }
        if (type instanceof BooleanType) {
            return new CsvValueParser() {
                @Override
                boolean parse(byte[] b, int from, int to, ColumnVector out) {
                    int v = TextNumbers.parseBoolean(b, from, to);
                    if (v < 0) {
                        return false;
                    }
                    ((BooleanVector) out).append(v == 1);
                    return true;
                }
            };
        }
        if (type instanceof DecimalType d) {
            return new CsvValueParser() {
                @Override
                boolean parse(byte[] b, int from, int to, ColumnVector out) {
                    if (!numbers.parseDecimal(b, from, to, d)) {
                        return false;
                    }
                    if (d.isCompact()) {
                        ((DecimalVector) out).appendUnscaled(numbers.unscaledValue);
                    } else {
                        ((DecimalVector) out).appendDecimal(numbers.decimalValue);
                    }
                    return true;
                }
            };
        }
        if (type instanceof DateType) {
            return new CsvValueParser() {
                @Override
                boolean parse(byte[] b, int from, int to, ColumnVector out) {
                    int days = parseDate(b, from, to, o);
                    if (days == DateTimeUtils.INVALID_DATE) {
                        return false;
                    }
                    ((IntVector) out).append(days);
                    return true;
                }
            };
        }
        if (type instanceof TimestampType) {
            return new CsvValueParser() {
                @Override
                boolean parse(byte[] b, int from, int to, ColumnVector out) {
                    long micros = parseTimestamp(b, from, to, o);
                    if (micros == DateTimeUtils.INVALID_TIMESTAMP) {
                        return false;
                    }
                    ((LongVector) out).append(micros);
                    return true;
                }
            };
        }
        if (type instanceof NullType) {
            return new CsvValueParser() {
                @Override
                boolean parse(byte[] b, int from, int to, ColumnVector out) {
                    out.appendNull();
                    return true;
                }
            };
        }
        throw new IllegalArgumentException("no CSV parser for " + type);
    }

    /** Days, by the {@code dateFormat} pattern or else Spark's flexible rules; INVALID_DATE when not a date. */
    static int parseDate(byte[] b, int from, int to, CsvOptions o) {
        if (o.dateFormat == null) {
            return DateTimeUtils.parseDate(b, from, to);
        }
        Long micros = DateTimeUtils.parseTimestamp(new String(b, from, to - from, StandardCharsets.UTF_8),
                o.dateFormat, ZoneOffset.UTC);
        return micros == null ? DateTimeUtils.INVALID_DATE : (int) Math.floorDiv(micros, DateTimeUtils.MICROS_PER_DAY);
    }

    /** Micros, by the {@code timestampFormat} pattern or else Spark's flexible rules. */
    static long parseTimestamp(byte[] b, int from, int to, CsvOptions o) {
        if (o.timestampFormat == null) {
            return DateTimeUtils.parseTimestamp(b, from, to, o.zone);
        }
        Long micros = DateTimeUtils.parseTimestamp(new String(b, from, to - from, StandardCharsets.UTF_8),
                o.timestampFormat, o.zone);
        return micros == null ? DateTimeUtils.INVALID_TIMESTAMP : micros;
    }

    static boolean equal(byte[] b, int from, int to, byte[] value) {
        return to - from == value.length && Arrays.equals(b, from, to, value, 0, value.length);
    }
}

package io.fluxo.function.scalar;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.function.EvalContext;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Date and time functions over the internal forms (DATE = days, TIMESTAMP = UTC micros). Fields are computed with
 * integer arithmetic on local time from a {@link ZoneConverter} for the session zone; text goes through
 * {@link DateTimeUtils} (parsing, general formatting) or a compiled numeric {@link DateTimePattern}.
 */
public final class DateTimeFunctions {
    private static final DataType DATE = DateType.INSTANCE;
    private static final DataType TIMESTAMP = TimestampType.INSTANCE;
    private static final DataType STRING = StringType.INSTANCE;
    private static final DataType INT = IntegerType.INSTANCE;
    private static final DataType BIGINT = LongType.INSTANCE;
    private static final DataType DOUBLE = DoubleType.INSTANCE;
    private static final long MICROS_PER_SECOND = DateTimeUtils.MICROS_PER_SECOND;
    private static final long MICROS_PER_DAY = DateTimeUtils.MICROS_PER_DAY;
    private static final String DEFAULT_FORMAT = "yyyy-MM-dd HH:mm:ss";

    /** Truncation levels of date_trunc and trunc, finest first. */
    private static final int MICROSECOND = 0;
    private static final int MILLISECOND = 1;
    private static final int SECOND = 2;
    private static final int MINUTE = 3;
    private static final int HOUR = 4;
    private static final int DAY = 5;
    private static final int WEEK = 6;
    private static final int MONTH = 7;
    private static final int QUARTER = 8;
    private static final int YEAR = 9;
    private static final int INVALID = -1;

    /** Date fields extracted by one loop. */
    private enum DateField {
        YEAR, MONTH, DAY_OF_MONTH, DAY_OF_WEEK, WEEKDAY, DAY_OF_YEAR, WEEK_OF_YEAR, QUARTER
    }

    private DateTimeFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(FunctionDefinition.of("to_date", 1, 2, b -> bindToDate(b)));
        registry.register(FunctionDefinition.of("to_timestamp", 1, 2, b -> bindToTimestamp(b, false)));
        registry.register(FunctionDefinition.of("try_to_timestamp", 1, 2, b -> bindToTimestamp(b, true)));
        registry.register(FunctionDefinition.of("date_format", 2, 2, DateTimeFunctions::bindDateFormat));
        registry.register(FunctionDefinition.of("from_unixtime", 1, 2, DateTimeFunctions::bindFromUnixtime));
        registry.register(FunctionDefinition.of("unix_timestamp", 0, 2, DateTimeFunctions::bindUnixTimestamp));
        registry.register(FunctionDefinition.of("to_unix_timestamp", 1, 2, DateTimeFunctions::bindUnixTimestamp));
        registerDateField(registry, "year", DateField.YEAR);
        registerDateField(registry, "month", DateField.MONTH);
        registry.register(FunctionDefinition.of("dayofmonth", 1, 1, b -> bindDateField(b, DateField.DAY_OF_MONTH))
                .withAliases("day"));
        registerDateField(registry, "dayofweek", DateField.DAY_OF_WEEK);
        registerDateField(registry, "weekday", DateField.WEEKDAY);
        registerDateField(registry, "dayofyear", DateField.DAY_OF_YEAR);
        registerDateField(registry, "weekofyear", DateField.WEEK_OF_YEAR);
        registerDateField(registry, "quarter", DateField.QUARTER);
        registry.register(FunctionDefinition.of("hour", 1, 1, b -> bindTimeField(b, 3_600_000_000L, 24)));
        registry.register(FunctionDefinition.of("minute", 1, 1, b -> bindTimeField(b, 60_000_000L, 60)));
        registry.register(FunctionDefinition.of("second", 1, 1, b -> bindTimeField(b, MICROS_PER_SECOND, 60)));
        registry.register(FunctionDefinition.of("date_trunc", 2, 2, DateTimeFunctions::bindDateTrunc));
        registry.register(FunctionDefinition.of("trunc", 2, 2, DateTimeFunctions::bindTrunc));
        registry.register(FunctionDefinition.of("date_add", 2, 2, b -> bindDateAdd(b, 1)).withAliases("dateadd"));
        registry.register(FunctionDefinition.of("date_sub", 2, 2, b -> bindDateAdd(b, -1)));
        registry.register(FunctionDefinition.of("add_months", 2, 2, DateTimeFunctions::bindAddMonths));
        registry.register(FunctionDefinition.of("datediff", 2, 2, DateTimeFunctions::bindDateDiff)
                .withAliases("date_diff"));
        registry.register(FunctionDefinition.of("months_between", 2, 3, DateTimeFunctions::bindMonthsBetween));
        registry.register(FunctionDefinition.of("last_day", 1, 1, DateTimeFunctions::bindLastDay));
        registry.register(FunctionDefinition.of("make_date", 3, 3, DateTimeFunctions::bindMakeDate));
        registry.register(FunctionDefinition.of("timestamp_seconds", 1, 1, DateTimeFunctions::bindTimestampSeconds));
        registry.register(FunctionDefinition.of("timestamp_millis", 1, 1, b -> bindScaleToMicros(b, 1000L)));
        registry.register(FunctionDefinition.of("timestamp_micros", 1, 1, b -> bindScaleToMicros(b, 1L)));
        registry.register(FunctionDefinition.of("unix_seconds", 1, 1, b -> bindMicrosTo(b, MICROS_PER_SECOND)));
        registry.register(FunctionDefinition.of("unix_millis", 1, 1, b -> bindMicrosTo(b, 1000L)));
        registry.register(FunctionDefinition.of("unix_micros", 1, 1, b -> bindMicrosTo(b, 1L)));
        registry.register(FunctionDefinition.of("unix_date", 1, 1, b -> BoundFunction.of(INT,
                List.of(b.expect(0, DATE)), (a, n, c) -> IntVector.wrap(INT, ((IntVector) a[0]).values(), n,
                        NullMasks.copy(a[0], n)))));
        registry.register(FunctionDefinition.of("date_from_unix_date", 1, 1, b -> BoundFunction.of(DATE,
                List.of(b.expect(0, INT)), (a, n, c) -> IntVector.wrap(DATE, ((IntVector) a[0]).values(), n,
                        NullMasks.copy(a[0], n)))));
        registry.register(FunctionDefinition.of("current_timestamp", 0, 0, b -> constant(TIMESTAMP,
                EvalContext::currentTimestampMicros)).withAliases("now"));
        registry.register(FunctionDefinition.of("current_date", 0, 0, b -> constant(DATE,
                c -> ZoneConverter.of(c.zone()).localDays(c.currentTimestampMicros()))).withAliases("curdate"));
        registry.register(FunctionDefinition.of("current_timezone", 0, 0, b -> BoundFunction.of(STRING, List.of(),
                (a, n, c) -> ConstantVectors.of(STRING, c.zone().getId(), n)).withNullability(Nullability.NEVER)));
    }

    /** A value fixed for the whole query (current time), the same in every row. */
    private static BoundFunction constant(DataType type, ToLongFunction<EvalContext> value) {
        return BoundFunction.of(type, List.of(), (a, n, c) -> {
            long v = value.applyAsLong(c);
            return ConstantVectors.of(type, type instanceof DateType ? (Object) (int) v : (Object) v, n);
        }).withNullability(Nullability.NEVER);
    }

    // ---- fields ----------------------------------------------------------------------------------------------

    private static void registerDateField(FunctionRegistry registry, String name, DateField field) {
        registry.register(FunctionDefinition.of(name, 1, 1, b -> bindDateField(b, field)));
    }

    private static BoundFunction bindDateField(Binding b, DateField field) {
        return BoundFunction.of(INT, List.of(b.expectDate(0)), (a, n, c) -> {
            int[] days = ((IntVector) a[0]).values();
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = dateField(field, days[i]);
            }
            return IntVector.wrap(INT, out, n, NullMasks.copy(a[0], n));
        });
    }

    private static int dateField(DateField field, int days) {
        switch (field) {
            case YEAR:
                return DateFields.year(days);
            case MONTH:
                return DateFields.month(days);
            case DAY_OF_MONTH:
                return DateFields.dayOfMonth(days);
            case DAY_OF_WEEK:
                return DateFields.dayOfWeek(days);
            case WEEKDAY:
                return DateFields.weekday(days);
            case DAY_OF_YEAR:
                return DateFields.dayOfYear(days);
            case WEEK_OF_YEAR:
                return DateFields.isoWeek(days);
            default:
                return (DateFields.month(days) - 1) / 3 + 1;
        }
    }

    private static BoundFunction bindTimeField(Binding b, long unitMicros, int modulo) {
        return BoundFunction.of(INT, List.of(b.expect(0, TIMESTAMP)), (a, n, c) -> {
            long[] micros = ((LongVector) a[0]).values();
            ZoneConverter zone = ZoneConverter.of(c.zone());
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                long timeOfDay = Math.floorMod(zone.toLocal(micros[i]), MICROS_PER_DAY);
                out[i] = (int) (timeOfDay / unitMicros % modulo);
            }
            return IntVector.wrap(INT, out, n, NullMasks.copy(a[0], n));
        });
    }

    // ---- parsing ---------------------------------------------------------------------------------------------

    /** A datetime pattern prepared for use: the general formatter and, when it compiles, the fast numeric one. */
    private record Format(String pattern, DateTimeFormatter formatter, DateTimePattern fast) {
        static Format of(String pattern) {
            try {
                return new Format(pattern, DateTimeUtils.formatter(pattern), DateTimePattern.compile(pattern));
            } catch (IllegalArgumentException e) {
                throw new FluxoRuntimeException("INVALID_DATETIME_PATTERN",
                        "Unrecognized datetime pattern: " + pattern + ".", e);
            }
        }
    }

    /** The format of each row: the one prepared at bind time, or the row's own, keeping the last one parsed. */
    private static final class Formats {
        private final Format prepared;
        private final BytesVector column;
        private Format last;

        Formats(Format prepared, ColumnVector column) {
            this.prepared = prepared;
            this.column = column instanceof BytesVector v ? v : null;
        }

        Format at(int row) {
            if (prepared != null) {
                return prepared;
            }
            String text = column.getString(row);
            if (last == null || !last.pattern().equals(text)) {
                last = Format.of(text);
            }
            return last;
        }
    }

    private static Format prepareFormat(Binding b, int index, String defaultPattern) {
        if (index >= b.count()) {
            return Format.of(defaultPattern);
        }
        String constant = b.constantString(index);
        return constant == null ? null : Format.of(constant);
    }

    private static FluxoRuntimeException cannotParse(String text, Format format) {
        String detail = "Text '" + text + "' could not be parsed";
        try {
            format.formatter().parse(text);
        } catch (DateTimeException e) {
            detail = e.getMessage();
        }
        return new FluxoRuntimeException("CANNOT_PARSE_TIMESTAMP", detail + ". Use `try_to_timestamp` to tolerate "
                + "invalid input string and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to "
                + "\"false\" to bypass this error.");
    }

    private static FluxoRuntimeException castInvalidInput(String text, DataType target) {
        return new FluxoRuntimeException("CAST_INVALID_INPUT", "The value '" + text + "' of the type \"STRING\" "
                + "cannot be cast to " + FunctionErrors.quote(target) + " because it is malformed. Correct the value "
                + "as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and "
                + "return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this "
                + "error.");
    }

    /**
     * Timestamps of a STRING, DATE or TIMESTAMP column: strings parse with the row's format, or as CAST does when
     * there is no format; {@code lenient} turns unparsable text into NULL instead of an error.
     */
    private static LongVector toMicros(ColumnVector in, Formats formats, boolean lenient, ZoneConverter zone,
            int n) {
        boolean[] nulls = NullMasks.copy(in, n);
        long[] out = new long[Math.max(n, 1)];
        if (in instanceof LongVector lv) {
            System.arraycopy(lv.values(), 0, out, 0, n);
        } else if (in instanceof IntVector iv) {
            int[] days = iv.values();
            for (int i = 0; i < n; i++) {
                out[i] = nulls != null && nulls[i] ? 0 : zone.startOfDay(days[i]);
            }
        } else {
            BytesVector text = (BytesVector) in;
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                String s = text.getString(i);
                Format format = formats == null ? null : formats.at(i);
                Long micros = format == null ? DateTimeUtils.parseTimestamp(s, zone.zone())
                        : DateTimeUtils.parseTimestamp(s, format.formatter(), zone.zone());
                if (micros == null) {
                    if (!lenient) {
                        throw format == null ? castInvalidInput(s, TIMESTAMP) : cannotParse(s, format);
                    }
                    nulls = NullMasks.set(nulls, n, i);
                } else {
                    out[i] = micros;
                }
            }
        }
        return LongVector.wrap(TIMESTAMP, out, n, nulls);
    }

    private static BoundFunction bindToTimestamp(Binding b, boolean lenient) {
        DataType t = b.expectOneOf(0, STRING, DATE, TIMESTAMP);
        List<DataType> inputs = new ArrayList<>(List.of(t));
        boolean hasFormat = b.count() == 2;
        if (hasFormat) {
            inputs.add(b.expect(1, STRING));
        }
        Format prepared = hasFormat ? prepareFormat(b, 1, null) : null;
        BoundFunction bound = BoundFunction.of(TIMESTAMP, inputs, (a, n, c) -> {
            Formats formats = hasFormat ? new Formats(prepared, a[1]) : null;
            LongVector out = toMicros(a[0], formats, lenient, ZoneConverter.of(c.zone()), n);
            return hasFormat ? withNulls(out, a[1], n) : out;
        });
        return lenient ? bound.withNullability(Nullability.ALWAYS) : bound;
    }

    private static BoundFunction bindToDate(Binding b) {
        DataType t = b.expectOneOf(0, STRING, DATE, TIMESTAMP);
        List<DataType> inputs = new ArrayList<>(List.of(t));
        boolean hasFormat = b.count() == 2;
        if (hasFormat) {
            inputs.add(b.expect(1, STRING));
        }
        Format prepared = hasFormat ? prepareFormat(b, 1, null) : null;
        return BoundFunction.of(DATE, inputs, (a, n, c) -> {
            if (a[0] instanceof IntVector dates) {
                return hasFormat ? withNulls(dates, a[1], n) : dates;
            }
            boolean[] nulls = NullMasks.copy(a[0], n);
            int[] out = new int[Math.max(n, 1)];
            if (a[0] instanceof BytesVector text && !hasFormat) {
                for (int i = 0; i < n; i++) {
                    if (nulls != null && nulls[i]) {
                        continue;
                    }
                    String s = text.getString(i);
                    Integer days = DateTimeUtils.parseDate(s);
                    if (days == null) {
                        throw castInvalidInput(s, DATE);
                    }
                    out[i] = days;
                }
                return IntVector.wrap(DATE, out, n, nulls);
            }
            ZoneConverter zone = ZoneConverter.of(c.zone());
            Formats formats = hasFormat ? new Formats(prepared, a[1]) : null;
            LongVector micros = toMicros(a[0], formats, false, zone, n);
            long[] m = micros.values();
            for (int i = 0; i < n; i++) {
                out[i] = zone.localDays(m[i]);
            }
            IntVector dates = IntVector.wrap(DATE, out, n, NullMasks.copy(micros, n));
            return hasFormat ? withNulls(dates, a[1], n) : dates;
        });
    }

    /** {@code v} with rows where {@code other} is null made null too. */
    private static ColumnVector withNulls(ColumnVector v, ColumnVector other, int n) {
        if (!other.hasNulls()) {
            return v;
        }
        boolean[] nulls = NullMasks.union(n, v, other);
        if (v instanceof LongVector lv) {
            return LongVector.wrap(lv.type(), lv.values(), n, nulls);
        }
        IntVector iv = (IntVector) v;
        return IntVector.wrap(iv.type(), iv.values(), n, nulls);
    }

    private static BoundFunction bindUnixTimestamp(Binding b) {
        if (b.count() == 0) {
            return constant(BIGINT, c -> Math.floorDiv(c.currentTimestampMicros(), MICROS_PER_SECOND));
        }
        DataType t = b.expectOneOf(0, STRING, DATE, TIMESTAMP);
        List<DataType> inputs = new ArrayList<>(List.of(t));
        if (b.count() == 2) {
            inputs.add(b.expect(1, STRING));
        }
        boolean hasFormat = b.count() == 2;
        Format prepared = prepareFormat(b, 1, DEFAULT_FORMAT);
        return BoundFunction.of(BIGINT, inputs, (a, n, c) -> {
            Formats formats = new Formats(prepared, hasFormat ? a[1] : null);
            LongVector micros = toMicros(a[0], formats, false, ZoneConverter.of(c.zone()), n);
            long[] m = micros.values();
            long[] out = new long[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = Math.floorDiv(m[i], MICROS_PER_SECOND);
            }
            LongVector result = LongVector.wrap(BIGINT, out, n, NullMasks.copy(micros, n));
            return hasFormat ? withNulls(result, a[1], n) : result;
        });
    }

    // ---- formatting ------------------------------------------------------------------------------------------

    private static BoundFunction bindDateFormat(Binding b) {
        List<DataType> inputs = List.of(b.expect(0, TIMESTAMP), b.expect(1, STRING));
        Format prepared = prepareFormat(b, 1, null);
        return BoundFunction.of(STRING, inputs, (a, n, c) -> format(((LongVector) a[0]).values(),
                NullMasks.union(n, a), new Formats(prepared, a[1]), c, n));
    }

    private static BoundFunction bindFromUnixtime(Binding b) {
        List<DataType> inputs = new ArrayList<>(List.of(b.expect(0, BIGINT)));
        if (b.count() == 2) {
            inputs.add(b.expect(1, STRING));
        }
        Format prepared = prepareFormat(b, 1, DEFAULT_FORMAT);
        return BoundFunction.of(STRING, inputs, (a, n, c) -> {
            long[] seconds = ((LongVector) a[0]).values();
            boolean[] nulls = NullMasks.union(n, a);
            long[] micros = new long[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    micros[i] = multiplyExact(seconds[i], MICROS_PER_SECOND);
                }
            }
            return format(micros, nulls, new Formats(prepared, a.length == 2 ? a[1] : null), c, n);
        });
    }

    private static ColumnVector format(long[] micros, boolean[] nulls, Formats formats, EvalContext context, int n) {
        ZoneConverter zone = ZoneConverter.of(context.zone());
        BytesVector out = new BytesVector(STRING, n, n * 20);
        RowBytes row = new RowBytes();
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                out.appendNull();
                continue;
            }
            Format format = formats.at(i);
            if (format.fast() != null && format.fast().format(zone.toLocal(micros[i]), row.clear())) {
                row.appendTo(out);
            } else {
                out.appendString(DateTimeUtils.format(micros[i], format.formatter(), context.zone()));
            }
        }
        return out;
    }

    // ---- truncation ------------------------------------------------------------------------------------------

    private static int truncLevel(String unit) {
        if (unit == null) {
            return INVALID;
        }
        switch (unit.toUpperCase(Locale.ROOT)) {
            case "MICROSECOND":
                return MICROSECOND;
            case "MILLISECOND":
                return MILLISECOND;
            case "SECOND":
                return SECOND;
            case "MINUTE":
                return MINUTE;
            case "HOUR":
                return HOUR;
            case "DAY":
            case "DD":
                return DAY;
            case "WEEK":
                return WEEK;
            case "MON":
            case "MONTH":
            case "MM":
                return MONTH;
            case "QUARTER":
                return QUARTER;
            case "YEAR":
            case "YYYY":
            case "YY":
                return YEAR;
            default:
                return INVALID;
        }
    }

    /** The unit of each row: the constant one, or parsed per row keeping the last text seen. */
    private static final class Levels {
        private final Integer prepared;
        private final BytesVector column;
        private String lastText;
        private int last;

        Levels(Integer prepared, ColumnVector column) {
            this.prepared = prepared;
            this.column = (BytesVector) column;
        }

        int at(int row) {
            if (prepared != null) {
                return prepared;
            }
            String text = column.getString(row);
            if (!text.equals(lastText)) {
                lastText = text;
                last = truncLevel(text);
            }
            return last;
        }
    }

    static int truncDate(int days, int level) {
        switch (level) {
            case DAY:
                return days;
            case WEEK:
                return days - DateFields.weekday(days);
            case MONTH:
            case QUARTER:
            case YEAR: {
                long civil = DateFields.civil(days);
                int month = DateFields.monthOf(civil);
                int first = level == MONTH ? month : level == QUARTER ? (month - 1) / 3 * 3 + 1 : 1;
                return DateFields.toDays(DateFields.yearOf(civil), first, 1);
            }
            default:
                throw new IllegalArgumentException("level " + level);
        }
    }

    static long truncTimestamp(long micros, int level, ZoneConverter zone) {
        switch (level) {
            case MICROSECOND:
                return micros;
            case MILLISECOND:
                return micros - Math.floorMod(micros, 1000L);
            case SECOND:
                return micros - Math.floorMod(micros, MICROS_PER_SECOND);
            case MINUTE:
            case HOUR: {
                long unit = level == MINUTE ? 60_000_000L : 3_600_000_000L;
                long local = zone.toLocal(micros);
                return zone.toUtc(local - Math.floorMod(local, unit));
            }
            default:
                return zone.startOfDay(truncDate(zone.localDays(micros), level));
        }
    }

    private static BoundFunction bindDateTrunc(Binding b) {
        List<DataType> inputs = List.of(b.expect(0, STRING), b.expect(1, TIMESTAMP));
        String unit = b.constantString(0);
        Integer prepared = unit == null ? null : truncLevel(unit);
        return BoundFunction.of(TIMESTAMP, inputs, (a, n, c) -> {
            Levels levels = new Levels(prepared, a[0]);
            long[] micros = ((LongVector) a[1]).values();
            boolean[] nulls = NullMasks.union(n, a);
            ZoneConverter zone = ZoneConverter.of(c.zone());
            long[] out = new long[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int level = levels.at(i);
                if (level == INVALID) {
                    nulls = NullMasks.set(nulls, n, i);
                } else {
                    out[i] = truncTimestamp(micros[i], level, zone);
                }
            }
            return LongVector.wrap(TIMESTAMP, out, n, nulls);
        }).withNullability(Nullability.ALWAYS);
    }

    private static BoundFunction bindTrunc(Binding b) {
        List<DataType> inputs = List.of(b.expectDate(0), b.expect(1, STRING));
        String unit = b.constantString(1);
        Integer prepared = unit == null ? null : truncLevel(unit);
        return BoundFunction.of(DATE, inputs, (a, n, c) -> {
            Levels levels = new Levels(prepared, a[1]);
            int[] days = ((IntVector) a[0]).values();
            boolean[] nulls = NullMasks.union(n, a);
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int level = levels.at(i);
                if (level < WEEK) {
                    nulls = NullMasks.set(nulls, n, i);
                } else {
                    out[i] = truncDate(days[i], level);
                }
            }
            return IntVector.wrap(DATE, out, n, nulls);
        }).withNullability(Nullability.ALWAYS);
    }

    // ---- date arithmetic -------------------------------------------------------------------------------------

    private static BoundFunction bindDateAdd(Binding b, int sign) {
        return BoundFunction.of(DATE, List.of(b.expectDate(0), b.expect(1, INT)), (a, n, c) -> {
            int[] days = ((IntVector) a[0]).values();
            int[] delta = ((IntVector) a[1]).values();
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = days[i] + sign * delta[i];
            }
            return IntVector.wrap(DATE, out, n, NullMasks.union(n, a));
        });
    }

    private static BoundFunction bindAddMonths(Binding b) {
        return BoundFunction.of(DATE, List.of(b.expectDate(0), b.expect(1, INT)), (a, n, c) -> {
            int[] days = ((IntVector) a[0]).values();
            int[] months = ((IntVector) a[1]).values();
            boolean[] nulls = NullMasks.union(n, a);
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    out[i] = DateFields.addMonths(days[i], months[i]);
                }
            }
            return IntVector.wrap(DATE, out, n, nulls);
        });
    }

    private static BoundFunction bindDateDiff(Binding b) {
        return BoundFunction.of(INT, List.of(b.expectDate(0), b.expectDate(1)), (a, n, c) -> {
            int[] end = ((IntVector) a[0]).values();
            int[] start = ((IntVector) a[1]).values();
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = end[i] - start[i];
            }
            return IntVector.wrap(INT, out, n, NullMasks.union(n, a));
        });
    }

    private static BoundFunction bindLastDay(Binding b) {
        return BoundFunction.of(DATE, List.of(b.expectDate(0)), (a, n, c) -> {
            int[] days = ((IntVector) a[0]).values();
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                long civil = DateFields.civil(days[i]);
                int year = DateFields.yearOf(civil);
                int month = DateFields.monthOf(civil);
                out[i] = DateFields.toDays(year, month, DateFields.monthLength(year, month));
            }
            return IntVector.wrap(DATE, out, n, NullMasks.copy(a[0], n));
        });
    }

    /** Spark's months_between: whole months when the days match or both are month ends, else a 31-day fraction. */
    private static BoundFunction bindMonthsBetween(Binding b) {
        List<DataType> inputs = new ArrayList<>(List.of(b.expect(0, TIMESTAMP), b.expect(1, TIMESTAMP)));
        if (b.count() == 3) {
            inputs.add(b.expect(2, BooleanType.INSTANCE));
        }
        return BoundFunction.of(DOUBLE, inputs, (a, n, c) -> {
            long[] t1 = ((LongVector) a[0]).values();
            long[] t2 = ((LongVector) a[1]).values();
            BooleanVector roundOff = a.length == 3 ? (BooleanVector) a[2] : null;
            ZoneConverter zone = ZoneConverter.of(c.zone());
            boolean[] nulls = NullMasks.union(n, a);
            double[] out = new double[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                out[i] = monthsBetween(zone.toLocal(t1[i]), zone.toLocal(t2[i]), roundOff == null || roundOff.get(i));
            }
            return DoubleVector.wrap(out, n, nulls);
        });
    }

    static double monthsBetween(long local1, long local2, boolean roundOff) {
        int d1 = (int) Math.floorDiv(local1, MICROS_PER_DAY);
        int d2 = (int) Math.floorDiv(local2, MICROS_PER_DAY);
        long c1 = DateFields.civil(d1);
        long c2 = DateFields.civil(d2);
        int day1 = DateFields.dayOf(c1);
        int day2 = DateFields.dayOf(c2);
        double monthDiff = (DateFields.yearOf(c1) * 12L + DateFields.monthOf(c1))
                - (DateFields.yearOf(c2) * 12L + DateFields.monthOf(c2));
        boolean end1 = day1 == DateFields.monthLength(DateFields.yearOf(c1), DateFields.monthOf(c1));
        boolean end2 = day2 == DateFields.monthLength(DateFields.yearOf(c2), DateFields.monthOf(c2));
        if (day1 == day2 || (end1 && end2)) {
            return monthDiff;
        }
        long seconds1 = Math.floorMod(local1, MICROS_PER_DAY) / MICROS_PER_SECOND;
        long seconds2 = Math.floorMod(local2, MICROS_PER_DAY) / MICROS_PER_SECOND;
        long secondsDiff = (day1 - day2) * 86_400L + seconds1 - seconds2;
        double diff = monthDiff + secondsDiff / (31.0 * 86_400L);
        return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
    }

    private static BoundFunction bindMakeDate(Binding b) {
        return BoundFunction.of(DATE, List.of(b.expect(0, INT), b.expect(1, INT), b.expect(2, INT)), (a, n, c) -> {
            int[] y = ((IntVector) a[0]).values();
            int[] m = ((IntVector) a[1]).values();
            int[] d = ((IntVector) a[2]).values();
            boolean[] nulls = NullMasks.union(n, a);
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                if (m[i] < 1 || m[i] > 12 || d[i] < 1 || d[i] > DateFields.monthLength(y[i], m[i])
                        || y[i] < -999_999_999 || y[i] > 999_999_999) {
                    try {
                        LocalDate.of(y[i], m[i], d[i]);
                    } catch (DateTimeException e) {
                        throw new FluxoRuntimeException("DATETIME_FIELD_OUT_OF_BOUNDS", e.getMessage()
                                + ". If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
                    }
                }
                out[i] = DateFields.toDays(y[i], m[i], d[i]);
            }
            return IntVector.wrap(DATE, out, n, nulls);
        });
    }

    // ---- epoch conversions -----------------------------------------------------------------------------------

    private static long multiplyExact(long value, long factor) {
        try {
            return Math.multiplyExact(value, factor);
        } catch (ArithmeticException e) {
            throw FunctionErrors.arithmeticOverflow("long", null);
        }
    }

    private static BoundFunction bindTimestampSeconds(Binding b) {
        DataType t = b.expectNumeric(0);
        DataType input = t.isIntegral() ? BIGINT : t;
        return BoundFunction.of(TIMESTAMP, List.of(input), (a, n, c) -> {
            boolean[] nulls = NullMasks.copy(a[0], n);
            long[] out = new long[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                if (a[0] instanceof LongVector lv) {
                    out[i] = multiplyExact(lv.get(i), MICROS_PER_SECOND);
                } else if (a[0] instanceof DoubleVector dv) {
                    double micros = dv.get(i) * MICROS_PER_SECOND;
                    if (Double.isNaN(micros) || Double.isInfinite(micros)) {
                        nulls = NullMasks.set(nulls, n, i);
                    } else if (micros >= 9.223372036854776E18 || micros < -9.223372036854776E18) {
                        throw FunctionErrors.arithmeticOverflow("long", null);
                    } else {
                        out[i] = (long) micros;
                    }
                } else {
                    BigDecimal micros = ((DecimalVector) a[0]).getDecimal(i).movePointRight(6);
                    try {
                        out[i] = micros.setScale(0, RoundingMode.DOWN).longValueExact();
                    } catch (ArithmeticException e) {
                        throw FunctionErrors.arithmeticOverflow("long", null);
                    }
                }
            }
            return LongVector.wrap(TIMESTAMP, out, n, nulls);
        }).withNullability(t instanceof DoubleType ? Nullability.ALWAYS : Nullability.ANY_ARG);
    }

    private static BoundFunction bindScaleToMicros(Binding b, long factor) {
        return BoundFunction.of(TIMESTAMP, List.of(b.expect(0, BIGINT)), (a, n, c) -> {
            long[] v = ((LongVector) a[0]).values();
            boolean[] nulls = NullMasks.copy(a[0], n);
            long[] out = new long[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    out[i] = multiplyExact(v[i], factor);
                }
            }
            return LongVector.wrap(TIMESTAMP, out, n, nulls);
        });
    }

    private static BoundFunction bindMicrosTo(Binding b, long divisor) {
        return BoundFunction.of(BIGINT, List.of(b.expect(0, TIMESTAMP)), (a, n, c) -> {
            long[] v = ((LongVector) a[0]).values();
            long[] out = new long[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = Math.floorDiv(v[i], divisor);
            }
            return LongVector.wrap(BIGINT, out, n, NullMasks.copy(a[0], n));
        });
    }
}

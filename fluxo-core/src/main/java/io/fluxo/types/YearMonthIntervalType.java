package io.fluxo.types;

/**
 * Spark's ANSI year-month interval, {@code INTERVAL YEAR TO MONTH}, {@code INTERVAL YEAR} or {@code INTERVAL MONTH}.
 * Values are a signed number of months held as int.
 */
public record YearMonthIntervalType(int startField, int endField) implements DataType {
    public static final int YEAR = 0;
    public static final int MONTH = 1;
    private static final String[] FIELD_NAMES = {"year", "month"};

    public static final YearMonthIntervalType DEFAULT = new YearMonthIntervalType(YEAR, MONTH);

    public YearMonthIntervalType {
        if (startField < YEAR || endField > MONTH || startField > endField) {
            throw new IllegalArgumentException("invalid year-month interval fields: " + startField + " to " + endField);
        }
    }

    public static String fieldName(int field) {
        return FIELD_NAMES[field];
    }

    /** The field named {@code name} (year, month), or -1. */
    public static int field(String name) {
        return java.util.Arrays.asList(FIELD_NAMES).indexOf(name.toLowerCase(java.util.Locale.ROOT));
    }

    public YearMonthIntervalType widen(YearMonthIntervalType other) {
        return new YearMonthIntervalType(Math.min(startField, other.startField), Math.max(endField, other.endField));
    }

    @Override
    public String simpleString() {
        return startField == endField ? "interval " + fieldName(startField)
                : "interval " + fieldName(startField) + " to " + fieldName(endField);
    }

    @Override
    public String typeName() {
        return simpleString();
    }

    @Override
    public String toString() {
        return "YearMonthIntervalType(" + startField + "," + endField + ")";
    }
}

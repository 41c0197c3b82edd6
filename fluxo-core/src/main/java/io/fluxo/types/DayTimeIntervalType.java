package io.fluxo.types;

/**
 * Spark's ANSI day-time interval, {@code INTERVAL DAY TO SECOND} and its narrower forms ({@code INTERVAL HOUR},
 * {@code INTERVAL HOUR TO MINUTE}, …). Values are a signed number of microseconds held as long; the fields only
 * decide how a value is written ({@code INTERVAL '01:30' HOUR TO MINUTE}).
 */
public record DayTimeIntervalType(int startField, int endField) implements DataType {
    public static final int DAY = 0;
    public static final int HOUR = 1;
    public static final int MINUTE = 2;
    public static final int SECOND = 3;
    private static final String[] FIELD_NAMES = {"day", "hour", "minute", "second"};

    /** {@code INTERVAL DAY TO SECOND}, the type of timestamp differences and of interval products. */
    public static final DayTimeIntervalType DEFAULT = new DayTimeIntervalType(DAY, SECOND);

    public DayTimeIntervalType {
        if (startField < DAY || endField > SECOND || startField > endField) {
            throw new IllegalArgumentException("invalid day-time interval fields: " + startField + " to " + endField);
        }
    }

    public static String fieldName(int field) {
        return FIELD_NAMES[field];
    }

    /** The field named {@code name} (day, hour, minute, second), or -1. */
    public static int field(String name) {
        return java.util.Arrays.asList(FIELD_NAMES).indexOf(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The type covering both: the earliest start field and the latest end field. */
    public DayTimeIntervalType widen(DayTimeIntervalType other) {
        return new DayTimeIntervalType(Math.min(startField, other.startField), Math.max(endField, other.endField));
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
        return "DayTimeIntervalType(" + startField + "," + endField + ")";
    }
}

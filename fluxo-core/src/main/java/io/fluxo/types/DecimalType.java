package io.fluxo.types;

/** DECIMAL(precision, scale), precision 1..38 and 0 ≤ scale ≤ precision, as in Spark. */
public record DecimalType(int precision, int scale) implements DataType {
    public static final int MAX_PRECISION = 38;
    /** Largest precision whose unscaled values fit a long; such decimals are stored as longs. */
    public static final int MAX_LONG_PRECISION = 18;
    public static final DecimalType SYSTEM_DEFAULT = new DecimalType(38, 18);
    public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);

    public DecimalType {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("decimal precision must be within 1..38, got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException(
                    "decimal scale must be within 0.." + precision + ", got " + scale);
        }
    }

    /** Unscaled values fit a long (precision ≤ 18). */
    public boolean isCompact() {
        return precision <= MAX_LONG_PRECISION;
    }

    /** Spark's rule for results wider than 38 digits: keep at least 6 fractional digits, cut integral ones first. */
    public static DecimalType bounded(int precision, int scale) {
        if (precision <= MAX_PRECISION) {
            return new DecimalType(precision, scale);
        }
        int intDigits = precision - scale;
        int minScale = Math.min(scale, 6);
        int adjustedScale = Math.max(MAX_PRECISION - intDigits, minScale);
        return new DecimalType(MAX_PRECISION, adjustedScale);
    }

    /** The decimal type that holds every value of an integral type exactly (Spark's forType). */
    public static DecimalType forType(DataType type) {
        if (type instanceof IntegerType) {
            return new DecimalType(10, 0);
        }
        if (type instanceof LongType) {
            return new DecimalType(20, 0);
        }
        if (type instanceof DoubleType) {
            return new DecimalType(30, 15);
        }
        if (type instanceof DecimalType d) {
            return d;
        }
        throw new IllegalArgumentException("no decimal type for " + type.simpleString());
    }

    @Override
    public String simpleString() {
        return "decimal(" + precision + "," + scale + ")";
    }

    @Override
    public String typeName() {
        return simpleString();
    }
}

package io.fluxo.connector.file.internal;

import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;

/**
 * The common type of two inferred scalar types, as Spark's JSON and CSV inference find it: the tightest common type
 * (NULL gives way, INT &lt; BIGINT &lt; DOUBLE, an integral type fits a wide enough decimal, DATE widens to TIMESTAMP),
 * then decimals widen (beyond 38 digits, or with a DOUBLE, to DOUBLE), and anything else becomes STRING.
 */
public final class TypeWidening {
    private TypeWidening() {
    }

    /** Spark's {@code findTightestCommonType} for the types inference produces, or null. */
    public static DataType tightest(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof NullType) {
            return b;
        }
        if (b instanceof NullType) {
            return a;
        }
        if (a.isIntegral() && b instanceof DecimalType d && isWider(d, a)) {
            return d;
        }
        if (b.isIntegral() && a instanceof DecimalType d && isWider(d, b)) {
            return d;
        }
        if (isPlainNumeric(a) && isPlainNumeric(b)) {
            return rank(a) >= rank(b) ? a : b;
        }
        if ((a instanceof DateType && b instanceof TimestampType) || (a instanceof TimestampType && b instanceof DateType)) {
            return TimestampType.INSTANCE;
        }
        return null;
    }

    /** The common type, STRING when there is none. */
    public static DataType compatible(DataType a, DataType b) {
        DataType t = tightest(a, b);
        if (t != null) {
            return t;
        }
        if ((a instanceof DoubleType && b instanceof DecimalType) || (a instanceof DecimalType && b instanceof DoubleType)) {
            return DoubleType.INSTANCE;
        }
        if (a instanceof DecimalType da && b instanceof DecimalType db) {
            return widerDecimal(da, db);
        }
        if (a instanceof DecimalType da && b.isIntegral()) {
            return widerDecimal(da, DecimalType.forType(b));
        }
        if (b instanceof DecimalType db && a.isIntegral()) {
            return widerDecimal(DecimalType.forType(a), db);
        }
        return StringType.INSTANCE;
    }

    /** A decimal holding both, or DOUBLE when that needs more than 38 digits. */
    public static DataType widerDecimal(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        if (range + scale > DecimalType.MAX_PRECISION) {
            return DoubleType.INSTANCE;
        }
        return new DecimalType(range + scale, scale);
    }

    private static boolean isWider(DecimalType d, DataType integral) {
        DecimalType need = DecimalType.forType(integral);
        return d.precision() - d.scale() >= need.precision() - need.scale() && d.scale() >= need.scale();
    }

    private static boolean isPlainNumeric(DataType t) {
        return t instanceof IntegerType || t instanceof LongType || t instanceof DoubleType;
    }

    private static int rank(DataType t) {
        return t instanceof IntegerType ? 0 : t instanceof LongType ? 1 : 2;
    }
}

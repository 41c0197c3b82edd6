package io.fluxo.vector;

import io.fluxo.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * DECIMAL values. A compact decimal (precision ≤ 18) keeps unscaled longs, so its arithmetic stays on primitives;
 * a wider one keeps BigDecimal values already at the type's scale.
 */
public final class DecimalVector extends ColumnVector {
    private final DecimalType decimalType;
    private long[] unscaled;
    private BigDecimal[] wide;

    public DecimalVector(DecimalType type, int capacity) {
        super(type);
        this.decimalType = type;
        if (type.isCompact()) {
            unscaled = new long[Math.max(capacity, 1)];
        } else {
            wide = new BigDecimal[Math.max(capacity, 1)];
        }
    }

    public DecimalType decimalType() {
        return decimalType;
    }

    public boolean isCompact() {
        return unscaled != null;
    }

    /** Unscaled values of a compact vector. */
    public long[] unscaledValues() {
        return unscaled;
    }

    public BigDecimal[] wideValues() {
        return wide;
    }

    public long getUnscaled(int row) {
        return unscaled != null ? unscaled[row] : wide[row].unscaledValue().longValueExact();
    }

    public BigDecimal getDecimal(int row) {
        return unscaled != null ? BigDecimal.valueOf(unscaled[row], decimalType.scale()) : wide[row];
    }

    public void setUnscaled(int row, long value) {
        if (unscaled != null) {
            unscaled[row] = value;
        } else {
            wide[row] = BigDecimal.valueOf(value, decimalType.scale());
        }
    }

    /** Stores {@code value} rescaled to the type's scale (half-up); the caller has checked the precision. */
    public void setDecimal(int row, BigDecimal value) {
        BigDecimal scaled = value.setScale(decimalType.scale(), RoundingMode.HALF_UP);
        if (unscaled != null) {
            unscaled[row] = scaled.unscaledValue().longValueExact();
        } else {
            wide[row] = scaled;
        }
    }

    /** True when {@code value} at this type's scale fits its precision. */
    public boolean fits(BigDecimal value) {
        BigDecimal scaled = value.setScale(decimalType.scale(), RoundingMode.HALF_UP);
        return scaled.precision() - scaled.scale() <= decimalType.precision() - decimalType.scale()
                || scaled.unscaledValue().equals(BigInteger.ZERO);
    }

    public void appendDecimal(BigDecimal value) {
        ensureRoom();
        setDecimal(size++, value);
    }

    public void appendUnscaled(long value) {
        ensureRoom();
        setUnscaled(size++, value);
    }

    private void ensureRoom() {
        if (size == capacity()) {
            reserve(grow(capacity(), size + 1));
        }
    }

    @Override
    public void reserve(int rows) {
        if (capacity() < rows) {
            if (unscaled != null) {
                unscaled = Arrays.copyOf(unscaled, rows);
            } else {
                wide = Arrays.copyOf(wide, rows);
            }
            growNulls(rows);
        }
    }

    @Override
    public int capacity() {
        return unscaled != null ? unscaled.length : wide.length;
    }

    @Override
    public void appendNull() {
        ensureRoom();
        setNull(size);
        if (wide != null) {
            wide[size] = null;
        }
        size++;
    }

    @Override
    public void appendObject(Object value) {
        if (value == null) {
            appendNull();
        } else {
            appendDecimal(value instanceof BigDecimal b ? b : new BigDecimal(value.toString()));
        }
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : getDecimal(row);
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
        DecimalVector src = (DecimalVector) source;
        if (src.isNull(row)) {
            appendNull();
        } else if (src.unscaled != null && unscaled != null && src.decimalType.scale() == decimalType.scale()) {
            appendUnscaled(src.unscaled[row]);
        } else {
            appendDecimal(src.getDecimal(row));
        }
    }

    @Override
    public DecimalVector gather(int[] positions, int count) {
        DecimalVector out = new DecimalVector(decimalType, count);
        if (unscaled != null) {
            for (int i = 0; i < count; i++) {
                out.unscaled[i] = unscaled[positions[i]];
            }
        } else {
            for (int i = 0; i < count; i++) {
                out.wide[i] = wide[positions[i]];
            }
        }
        out.size = count;
        out.nulls = gatherNulls(positions, count);
        return out;
    }

    @Override
    public long sizeInBytes() {
        return (long) capacity() * (unscaled != null ? 8 : 40);
    }
}

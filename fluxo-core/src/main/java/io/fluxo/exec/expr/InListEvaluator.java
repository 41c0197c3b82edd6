package io.fluxo.exec.expr;

import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DecimalType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code value IN (constants…)}: the constants go into a hash set once (primitive sets for numbers, dates and
 * strings, so a lookup neither boxes nor allocates); a row is TRUE when found, NULL when its value is null or when it
 * is not found and the list holds a NULL, FALSE otherwise. Equality is SQL's: NaN equals NaN, -0.0 equals 0.0.
 */
final class InListEvaluator implements VectorEvaluator {
    private final VectorEvaluator value;
    private final Lookup lookup;
    private final boolean listHasNull;

    InListEvaluator(VectorEvaluator value, DataType type, List<Object> constants) {
        this.value = value;
        List<Object> nonNull = new ArrayList<>();
        boolean sawNull = false;
        for (Object c : constants) {
            if (c == null) {
                sawNull = true;
            } else {
                nonNull.add(c);
            }
        }
        this.listHasNull = sawNull;
        this.lookup = Lookup.of(type, nonNull);
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        int n = input.numRows();
        ColumnVector v = value.evaluate(input);
        boolean[] found = new boolean[Math.max(n, 1)];
        lookup.find(v, n, found);
        boolean[] valueNulls = v.nulls();
        if (!listHasNull) {
            return BooleanVector.wrap(found, n, valueNulls);
        }
        boolean[] nulls = new boolean[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            nulls[i] = !found[i] | (valueNulls != null && valueNulls[i]);
        }
        return BooleanVector.wrap(found, n, nulls);
    }

    /** Membership of every row's value (null rows get an arbitrary answer). */
    private abstract static class Lookup {
        abstract void find(ColumnVector v, int n, boolean[] found);

        static Lookup of(DataType type, List<Object> constants) {
            PhysicalKind kind = PhysicalKind.of(type);
            switch (kind) {
                case LONG:
                case INT:
                    return longs(type, constants, kind == PhysicalKind.INT);
                case DOUBLE:
                    return doubles(constants);
                case BYTES:
                    return bytes(constants);
                default:
                    if (type instanceof BooleanType) {
                        return booleans(constants);
                    }
                    if (type instanceof DecimalType d) {
                        return wideDecimals(d, constants);
                    }
                    return byComparison(type, constants);
            }
        }

        private static Lookup longs(DataType type, List<Object> constants, boolean isInt) {
            LongHashSet set = new LongHashSet(constants.size());
            for (Object c : constants) {
                if (type instanceof DecimalType d) {
                    try {
                        set.add(((BigDecimal) c).setScale(d.scale(), RoundingMode.UNNECESSARY).unscaledValue()
                                .longValueExact());
                    } catch (ArithmeticException e) {
                        // Not representable at the column's scale: no value can equal it.
                    }
                } else {
                    set.add(((Number) c).longValue());
                }
            }
            if (isInt) {
                return new Lookup() {
                    @Override
                    void find(ColumnVector v, int n, boolean[] found) {
                        int[] a = ((IntVector) v).values();
                        for (int i = 0; i < n; i++) {
                            found[i] = set.contains(a[i]);
                        }
                    }
                };
            }
            return new Lookup() {
                @Override
                void find(ColumnVector v, int n, boolean[] found) {
                    long[] a = PhysicalKind.longs(v);
                    for (int i = 0; i < n; i++) {
                        found[i] = set.contains(a[i]);
                    }
                }
            };
        }

        /** Doubles by their bits after folding -0.0 into 0.0 ({@code doubleToLongBits} already folds NaNs). */
        private static long doubleKey(double d) {
            return Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
        }

        private static Lookup doubles(List<Object> constants) {
            LongHashSet set = new LongHashSet(constants.size());
            for (Object c : constants) {
                set.add(doubleKey(((Number) c).doubleValue()));
            }
            return new Lookup() {
                @Override
                void find(ColumnVector v, int n, boolean[] found) {
                    double[] a = ((DoubleVector) v).values();
                    for (int i = 0; i < n; i++) {
                        found[i] = set.contains(doubleKey(a[i]));
                    }
                }
            };
        }

        private static Lookup bytes(List<Object> constants) {
            BytesHashSet set = new BytesHashSet(constants.size());
            for (Object c : constants) {
                set.add(c instanceof byte[] b ? b : c.toString().getBytes(StandardCharsets.UTF_8));
            }
            return new Lookup() {
                @Override
                void find(ColumnVector v, int n, boolean[] found) {
                    BytesVector b = (BytesVector) v;
                    byte[] data = b.data();
                    int[] offsets = b.offsets();
                    for (int i = 0; i < n; i++) {
                        found[i] = set.contains(data, offsets[i], offsets[i + 1] - offsets[i]);
                    }
                }
            };
        }

        private static Lookup booleans(List<Object> constants) {
            boolean hasTrue = constants.contains(Boolean.TRUE);
            boolean hasFalse = constants.contains(Boolean.FALSE);
            return new Lookup() {
                @Override
                void find(ColumnVector v, int n, boolean[] found) {
                    boolean[] a = ((BooleanVector) v).values();
                    for (int i = 0; i < n; i++) {
                        found[i] = a[i] ? hasTrue : hasFalse;
                    }
                }
            };
        }

        private static Lookup wideDecimals(DecimalType type, List<Object> constants) {
            Set<BigDecimal> set = new HashSet<>();
            for (Object c : constants) {
                try {
                    set.add(((BigDecimal) c).setScale(type.scale(), RoundingMode.UNNECESSARY));
                } catch (ArithmeticException e) {
                    // Not representable at the column's scale: no value can equal it.
                }
            }
            return new Lookup() {
                @Override
                void find(ColumnVector v, int n, boolean[] found) {
                    DecimalVector d = (DecimalVector) v;
                    for (int i = 0; i < n; i++) {
                        found[i] = !d.isNull(i) && set.contains(d.getDecimal(i).setScale(type.scale()));
                    }
                }
            };
        }

        /** Structs and arrays: a comparator against each constant; lists of such values are short. */
        private static Lookup byComparison(DataType type, List<Object> constants) {
            ColumnVector items = ColumnVector.allocate(type, constants.size());
            for (Object c : constants) {
                items.appendObject(c);
            }
            ValueComparator comparator = ValueComparator.forType(type);
            int count = constants.size();
            return new Lookup() {
                @Override
                void find(ColumnVector v, int n, boolean[] found) {
                    for (int i = 0; i < n; i++) {
                        if (!v.isNull(i)) {
                            for (int k = 0; k < count && !found[i]; k++) {
                                found[i] = comparator.compare(v, i, items, k) == 0;
                            }
                        }
                    }
                }
            };
        }
    }
}

package io.fluxo.exec.expr;

import io.fluxo.errors.InternalError;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.MapVector;
import io.fluxo.vector.StructVector;
import java.time.ZoneId;

/**
 * Element-wise casts of ARRAY, MAP and STRUCT values: the element (key, value, field) vectors are cast as a whole
 * with the element kernel, then re-wrapped. Under {@code try_cast} an element that cannot be converted makes the
 * whole value NULL, as in Spark, where the failure escapes the nested cast and the outer try turns it into NULL.
 */
final class NestedCasts {
    private NestedCasts() {
    }

    static CastKernel of(DataType from, DataType to, ZoneId zone) {
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return arrays(b, CastKernels.of(a.elementType(), b.elementType(), zone));
        }
        if (from instanceof MapType a && to instanceof MapType b) {
            return maps(b, CastKernels.of(a.keyType(), b.keyType(), zone),
                    CastKernels.of(a.valueType(), b.valueType(), zone));
        }
        if (from instanceof StructType a && to instanceof StructType b && a.size() == b.size()) {
            CastKernel[] fields = new CastKernel[a.size()];
            for (int f = 0; f < fields.length; f++) {
                fields[f] = CastKernels.of(a.field(f).dataType(), b.field(f).dataType(), zone);
            }
            return structs(b, fields);
        }
        throw new InternalError("no cast from " + from.sql() + " to " + to.sql());
    }

    private static boolean[] failures(boolean[] failed, int count) {
        return failed == null ? null : new boolean[Math.max(count, 1)];
    }

    private static boolean anyIn(boolean[] flags, int from, int to) {
        for (int k = from; k < to; k++) {
            if (flags[k]) {
                return true;
            }
        }
        return false;
    }

    private static CastKernel arrays(ArrayType type, CastKernel element) {
        return (in, n, failed) -> {
            ArrayVector a = (ArrayVector) in;
            int[] offsets = a.offsets();
            int count = offsets[n];
            boolean[] elementFailed = failures(failed, count);
            ColumnVector elements = element.apply(a.elements(), count, elementFailed);
            CastNulls nulls = new CastNulls(in.nulls(), n, failed);
            if (elementFailed != null) {
                for (int i = 0; i < n; i++) {
                    if (!nulls.isNull(i) && anyIn(elementFailed, offsets[i], offsets[i + 1])) {
                        nulls.fail(i, null);
                    }
                }
            }
            return ArrayVector.wrap(type, offsets, elements, n, nulls.mask());
        };
    }

    private static CastKernel maps(MapType type, CastKernel key, CastKernel value) {
        return (in, n, failed) -> {
            MapVector m = (MapVector) in;
            int[] offsets = m.offsets();
            int count = offsets[n];
            boolean[] keyFailed = failures(failed, count);
            boolean[] valueFailed = failures(failed, count);
            ColumnVector keys = key.apply(m.keys(), count, keyFailed);
            ColumnVector values = value.apply(m.values(), count, valueFailed);
            CastNulls nulls = new CastNulls(in.nulls(), n, failed);
            MapVector out = new MapVector(type, Math.max(n, 1));
            for (int i = 0; i < n; i++) {
                int start = offsets[i];
                int len = offsets[i + 1] - start;
                if (!nulls.isNull(i) && keyFailed != null
                        && (anyIn(keyFailed, start, start + len) || anyIn(valueFailed, start, start + len))) {
                    nulls.fail(i, null);
                }
                if (nulls.isNull(i)) {
                    out.appendNull();
                } else {
                    out.keys().appendRange(keys, start, len);
                    out.values().appendRange(values, start, len);
                    out.endMap();
                }
            }
            return out;
        };
    }

    private static CastKernel structs(StructType type, CastKernel[] fields) {
        return (in, n, failed) -> {
            StructVector s = (StructVector) in;
            CastNulls nulls = new CastNulls(in.nulls(), n, failed);
            ColumnVector[] out = new ColumnVector[fields.length];
            for (int f = 0; f < fields.length; f++) {
                boolean[] fieldFailed = failures(failed, n);
                out[f] = fields[f].apply(s.field(f), n, fieldFailed);
                if (fieldFailed != null) {
                    for (int i = 0; i < n; i++) {
                        if (fieldFailed[i] && !nulls.isNull(i)) {
                            nulls.fail(i, null);
                        }
                    }
                }
            }
            return StructVector.wrap(type, out, n, nulls.mask());
        };
    }
}

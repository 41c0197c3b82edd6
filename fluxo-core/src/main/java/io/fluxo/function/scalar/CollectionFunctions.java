package io.fluxo.function.scalar;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.MapVector;
import io.fluxo.vector.StructVector;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Functions that build and read arrays, maps and structs: struct, named_struct, array, map, map_keys, map_values,
 * element_at, size, array_contains, array_distinct, sort_array, array_join and a few more. Reads go through the
 * offsets of {@link ArrayVector}/{@link MapVector}; results share element vectors where they can (struct, map_keys)
 * and otherwise gather elements once per batch.
 */
public final class CollectionFunctions {
    private static final DataType INT = IntegerType.INSTANCE;
    private static final DataType BIGINT = LongType.INSTANCE;
    private static final DataType BOOLEAN = BooleanType.INSTANCE;
    private static final DataType STRING = StringType.INSTANCE;
    /** Arrays up to this length are de-duplicated by pairwise comparison, longer ones with a hash set. */
    private static final int SMALL_ARRAY = 32;

    private CollectionFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(FunctionDefinition.of("struct", 0, FunctionDefinition.VARARGS,
                CollectionFunctions::bindStruct));
        registry.register(FunctionDefinition.of("named_struct", 0, FunctionDefinition.VARARGS,
                CollectionFunctions::bindNamedStruct));
        registry.register(FunctionDefinition.of("array", 0, FunctionDefinition.VARARGS,
                CollectionFunctions::bindArray));
        registry.register(FunctionDefinition.of("map", 0, FunctionDefinition.VARARGS, CollectionFunctions::bindMap));
        registry.register(FunctionDefinition.of("map_keys", 1, 1, b -> bindMapPart(b, true)));
        registry.register(FunctionDefinition.of("map_values", 1, 1, b -> bindMapPart(b, false)));
        registry.register(FunctionDefinition.of("element_at", 2, 2, b -> bindElementAt(b, false)));
        registry.register(FunctionDefinition.of("try_element_at", 2, 2, b -> bindElementAt(b, true)));
        registry.register(FunctionDefinition.of("size", 1, 1, b -> bindSize(b, true)).withAliases("cardinality"));
        registry.register(FunctionDefinition.of("array_size", 1, 1, b -> bindSize(b, false)));
        registry.register(FunctionDefinition.of("array_contains", 2, 2, b -> bindArraySearch(b, false)));
        registry.register(FunctionDefinition.of("array_position", 2, 2, b -> bindArraySearch(b, true)));
        registry.register(FunctionDefinition.of("map_contains_key", 2, 2, CollectionFunctions::bindMapContainsKey));
        registry.register(FunctionDefinition.of("array_distinct", 1, 1, CollectionFunctions::bindArrayDistinct));
        registry.register(FunctionDefinition.of("sort_array", 1, 2, CollectionFunctions::bindSortArray));
        registry.register(FunctionDefinition.of("array_max", 1, 1, b -> bindArrayExtreme(b, 1)));
        registry.register(FunctionDefinition.of("array_min", 1, 1, b -> bindArrayExtreme(b, -1)));
        registry.register(FunctionDefinition.of("array_join", 2, 3, CollectionFunctions::bindArrayJoin));
    }

    private static ArrayType expectArray(Binding b, int i) {
        if (b.type(i) instanceof ArrayType a) {
            return a;
        }
        if (b.type(i) instanceof NullType) {
            return new ArrayType(NullType.INSTANCE, true);
        }
        throw b.unexpectedType(i, "\"ARRAY\"");
    }

    private static MapType expectMap(Binding b, int i) {
        if (b.type(i) instanceof MapType m) {
            return m;
        }
        throw b.unexpectedType(i, "\"MAP\"");
    }

    // ---- constructors ----------------------------------------------------------------------------------------

    /**
     * struct(a, b, …): fields are named {@code col1, col2 …} because binding sees only types; the analyzer renames
     * them after the argument columns, as Spark does. The argument vectors become the fields without a copy.
     */
    private static BoundFunction bindStruct(Binding b) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < b.count(); i++) {
            fields.add(new StructField("col" + (i + 1), b.type(i), b.arg(i).nullable()));
        }
        return structOf(new StructType(fields), b.types(), null);
    }

    private static BoundFunction structOf(StructType type, List<DataType> inputs, int[] valueArgs) {
        return BoundFunction.of(type, inputs, (a, n, c) -> {
            ColumnVector[] children = a;
            if (valueArgs != null) {
                children = new ColumnVector[valueArgs.length];
                for (int k = 0; k < valueArgs.length; k++) {
                    children[k] = a[valueArgs[k]];
                }
            }
            return StructVector.wrap(type, children, n, null);
        }).withNullability(Nullability.NEVER);
    }

    private static BoundFunction bindNamedStruct(Binding b) {
        if (b.count() % 2 != 0) {
            throw FunctionErrors.wrongNumArgs(b.function(), "2n (n > 0)", b.count());
        }
        List<StructField> fields = new ArrayList<>();
        List<DataType> inputs = new ArrayList<>();
        int[] valueArgs = new int[b.count() / 2];
        for (int i = 0; i < b.count(); i += 2) {
            if (!b.isConstant(i) || !(b.type(i) instanceof StringType || b.type(i) instanceof NullType)) {
                throw FunctionErrors.typeMismatch(b.function(), "CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING",
                        "Only foldable `STRING` expressions are allowed to appear at odd position, but the "
                                + FunctionErrors.ordinal(i) + " parameter is not.");
            }
            String name = b.constantString(i);
            if (name == null) {
                throw FunctionErrors.typeMismatch(b.function(), "UNEXPECTED_NULL",
                        "The " + FunctionErrors.ordinal(i) + " parameter (a field name) must not be null.");
            }
            fields.add(new StructField(name, b.type(i + 1), b.arg(i + 1).nullable()));
            inputs.add(STRING);
            inputs.add(b.type(i + 1));
            valueArgs[i / 2] = i + 1;
        }
        return structOf(new StructType(fields), inputs, valueArgs);
    }

    private static BoundFunction bindArray(Binding b) {
        DataType element = b.count() == 0 ? NullType.INSTANCE : b.commonTypeOfRange(0, b.count());
        boolean containsNull = false;
        List<DataType> inputs = new ArrayList<>();
        for (int i = 0; i < b.count(); i++) {
            containsNull |= b.arg(i).nullable();
            inputs.add(element);
        }
        ArrayType type = new ArrayType(element, containsNull);
        return BoundFunction.of(type, inputs, (a, n, c) -> {
            ArrayVector out = new ArrayVector(type, n);
            ColumnVector elements = out.elements();
            elements.reserve(n * a.length);
            for (int i = 0; i < n; i++) {
                for (ColumnVector v : a) {
                    elements.appendFrom(v, i);
                }
                out.endArray();
            }
            return out;
        }).withNullability(Nullability.NEVER);
    }

    private static BoundFunction bindMap(Binding b) {
        if (b.count() % 2 != 0) {
            throw FunctionErrors.wrongNumArgs(b.function(), "2n (n > 0)", b.count());
        }
        int pairs = b.count() / 2;
        int[] keys = new int[pairs];
        int[] values = new int[pairs];
        boolean valueContainsNull = false;
        for (int k = 0; k < pairs; k++) {
            keys[k] = 2 * k;
            values[k] = 2 * k + 1;
            valueContainsNull |= b.arg(2 * k + 1).nullable();
        }
        DataType keyType = pairs == 0 ? NullType.INSTANCE : b.commonType(keys);
        DataType valueType = pairs == 0 ? NullType.INSTANCE : b.commonType(values);
        if (keyType instanceof MapType) {
            throw FunctionErrors.typeMismatch(b.function(), "INVALID_MAP_KEY_TYPE",
                    "The key of map cannot be/contain \"MAP\".");
        }
        MapType type = new MapType(keyType, valueType, valueContainsNull);
        List<DataType> inputs = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            inputs.add(keyType);
            inputs.add(valueType);
        }
        return BoundFunction.of(type, inputs, (a, n, c) -> {
            MapVector out = new MapVector(type, n);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < pairs; k++) {
                    ColumnVector key = a[2 * k];
                    if (key.isNull(i)) {
                        throw new FluxoRuntimeException("NULL_MAP_KEY", "Cannot use null as map key.");
                    }
                    for (int j = 0; j < k; j++) {
                        if (ValueOrdering.equal(a[2 * j], i, key, i)) {
                            throw duplicateKey(key.getObject(i));
                        }
                    }
                    out.keys().appendFrom(key, i);
                    out.values().appendFrom(a[2 * k + 1], i);
                }
                out.endMap();
            }
            return out;
        }).withNullability(Nullability.NEVER);
    }

    static FluxoRuntimeException duplicateKey(Object key) {
        return new FluxoRuntimeException("DUPLICATED_MAP_KEY", "Duplicate map key " + key + " was found, please "
                + "check the input data. If you want to remove the duplicated keys, you can set "
                + "\"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at last takes "
                + "precedence.");
    }

    // ---- readers ---------------------------------------------------------------------------------------------

    private static BoundFunction bindMapPart(Binding b, boolean keys) {
        MapType type = expectMap(b, 0);
        ArrayType result = keys ? new ArrayType(type.keyType(), false)
                : new ArrayType(type.valueType(), type.valueContainsNull());
        return BoundFunction.of(result, List.of(type), (a, n, c) -> {
            MapVector map = (MapVector) a[0];
            return ArrayVector.wrap(result, map.offsets(), keys ? map.keys() : map.values(), n,
                    NullMasks.copy(map, n));
        });
    }

    private static BoundFunction bindSize(Binding b, boolean mapsToo) {
        DataType t = b.type(0);
        if (!(t instanceof ArrayType) && !(mapsToo && t instanceof MapType)) {
            throw b.unexpectedType(0, mapsToo ? "(\"ARRAY\" or \"MAP\")" : "\"ARRAY\"");
        }
        return BoundFunction.of(INT, List.of(t), (a, n, c) -> {
            int[] offsets = a[0] instanceof ArrayVector av ? av.offsets() : ((MapVector) a[0]).offsets();
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = offsets[i + 1] - offsets[i];
            }
            return IntVector.wrap(INT, out, n, NullMasks.copy(a[0], n));
        });
    }

    private static BoundFunction bindElementAt(Binding b, boolean lenient) {
        if (b.type(0) instanceof MapType m) {
            DataType key = b.expect(1, m.keyType());
            return BoundFunction.of(m.valueType(), List.of(m, key), (a, n, c) -> {
                MapVector map = (MapVector) a[0];
                int[] positions = new int[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    positions[i] = map.isNull(i) || a[1].isNull(i) ? -1 : findKey(map, i, a[1], i);
                }
                return RowSelection.gather(map.values(), positions, n);
            }).withNullability(Nullability.ALWAYS);
        }
        ArrayType type = expectArray(b, 0);
        DataType index = b.expect(1, INT);
        return BoundFunction.of(type.elementType(), List.of(type, index), (a, n, c) -> {
            ArrayVector array = (ArrayVector) a[0];
            int[] indexes = ((IntVector) a[1]).values();
            boolean[] nulls = NullMasks.union(n, a);
            int[] positions = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    positions[i] = -1;
                    continue;
                }
                int idx = indexes[i];
                int length = array.length(i);
                if (idx == 0 && !lenient) {
                    throw new FluxoRuntimeException("INVALID_INDEX_OF_ZERO", "The index 0 is invalid. An index "
                            + "shall be either < 0 or > 0 (the first element has index 1).");
                }
                if (idx == 0 || Math.abs((long) idx) > length) {
                    if (!lenient) {
                        throw new FluxoRuntimeException("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", "The index " + idx
                                + " is out of bounds. The array has " + length + " elements. Use `try_element_at` to "
                                + "tolerate accessing element at invalid index and return NULL instead. If necessary "
                                + "set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
                    }
                    positions[i] = -1;
                } else {
                    positions[i] = array.start(i) + (idx > 0 ? idx - 1 : length + idx);
                }
            }
            return RowSelection.gather(array.elements(), positions, n);
        }).withNullability(Nullability.ALWAYS);
    }

    /** Position in {@code map.keys()} of the key equal to {@code key[row]} in map row {@code mapRow}, or -1. */
    private static int findKey(MapVector map, int mapRow, ColumnVector key, int row) {
        ColumnVector keys = map.keys();
        for (int p = map.start(mapRow), end = p + map.length(mapRow); p < end; p++) {
            if (ValueOrdering.equal(keys, p, key, row)) {
                return p;
            }
        }
        return -1;
    }

    private static BoundFunction bindMapContainsKey(Binding b) {
        MapType m = expectMap(b, 0);
        DataType key = b.expect(1, m.keyType());
        return BoundFunction.of(BOOLEAN, List.of(m, key), (a, n, c) -> {
            MapVector map = (MapVector) a[0];
            boolean[] nulls = NullMasks.union(n, a);
            boolean[] out = new boolean[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = (nulls == null || !nulls[i]) && findKey(map, i, a[1], i) >= 0;
            }
            return BooleanVector.wrap(out, n, nulls);
        });
    }

    /** array_contains (BOOLEAN, NULL when absent but the array holds a NULL) or array_position (1-based, 0). */
    private static BoundFunction bindArraySearch(Binding b, boolean position) {
        ArrayType array = expectArray(b, 0);
        DataType value = b.type(1);
        DataType common = ImplicitCasts.widerType(array.elementType(), value);
        boolean stringPromotion = (array.elementType() instanceof StringType) != (value instanceof StringType)
                && !(value instanceof NullType) && !(array.elementType() instanceof NullType);
        if (common == null || stringPromotion || common instanceof MapType) {
            throw FunctionErrors.typeMismatch(b.function(), "ARRAY_FUNCTION_DIFF_TYPES", "Input to `" + b.function()
                    + "` should have been \"ARRAY\" followed by a value with same element type, but it's ["
                    + FunctionErrors.quote(array) + ", " + FunctionErrors.quote(value) + "].");
        }
        ArrayType castArray = new ArrayType(common, array.containsNull());
        DataType result = position ? BIGINT : BOOLEAN;
        return BoundFunction.of(result, List.of(castArray, common), (a, n, c) -> {
            ArrayVector arr = (ArrayVector) a[0];
            ColumnVector elements = arr.elements();
            boolean[] nulls = NullMasks.union(n, a);
            long[] positions = position ? new long[Math.max(n, 1)] : null;
            boolean[] found = position ? null : new boolean[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                boolean sawNull = false;
                int hit = -1;
                for (int k = 0, start = arr.start(i), len = arr.length(i); k < len; k++) {
                    if (elements.isNull(start + k)) {
                        sawNull = true;
                    } else if (ValueOrdering.equal(elements, start + k, a[1], i)) {
                        hit = k;
                        break;
                    }
                }
                if (position) {
                    positions[i] = hit + 1;
                } else if (hit >= 0) {
                    found[i] = true;
                } else if (sawNull) {
                    nulls = NullMasks.set(nulls, n, i);
                }
            }
            return position ? LongVector.wrap(BIGINT, positions, n, nulls) : BooleanVector.wrap(found, n, nulls);
        }).withNullability(args -> args[0] || args[1] || (!position && array.containsNull()));
    }

    // ---- reordering ------------------------------------------------------------------------------------------

    /** Each array with its elements in reverse order (reverse of an array); elements are gathered once. */
    static ColumnVector reverseArrays(ArrayVector in, int n) {
        int[] offsets = new int[n + 1];
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += in.isNull(i) ? 0 : in.length(i);
            offsets[i + 1] = total;
        }
        int[] positions = new int[Math.max(total, 1)];
        int p = 0;
        for (int i = 0; i < n; i++) {
            if (in.isNull(i)) {
                continue;
            }
            int start = in.start(i);
            for (int k = in.length(i) - 1; k >= 0; k--) {
                positions[p++] = start + k;
            }
        }
        ColumnVector elements = in.elements().gather(positions, total);
        return ArrayVector.wrap(in.arrayType(), offsets, elements, n, NullMasks.copy(in, n));
    }

    /** Arrays made of the chosen element positions: row {@code i} holds {@code positions[offsets[i], offsets[i+1])}. */
    private static ArrayVector regather(ArrayVector in, int[] positions, int[] offsets, int n) {
        ColumnVector elements = in.elements().gather(positions, offsets[n]);
        return ArrayVector.wrap(in.arrayType(), offsets, elements, n, NullMasks.copy(in, n));
    }

    private static BoundFunction bindArrayDistinct(Binding b) {
        ArrayType type = expectArray(b, 0);
        return BoundFunction.of(type, List.of(type), (a, n, c) -> {
            ArrayVector in = (ArrayVector) a[0];
            ColumnVector el = in.elements();
            int[] positions = new int[Math.max(in.elements().size(), 1)];
            int[] offsets = new int[n + 1];
            int p = 0;
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                int rowStart = p;
                if (!in.isNull(i)) {
                    int start = in.start(i);
                    int len = in.length(i);
                    boolean sawNull = false;
                    seen.clear();
                    for (int k = start; k < start + len; k++) {
                        if (el.isNull(k)) {
                            if (!sawNull) {
                                positions[p++] = k;
                            }
                            sawNull = true;
                        } else if (len <= SMALL_ARRAY ? !containsEqual(el, positions, rowStart, p, k)
                                : seen.add(hashKey(el, k))) {
                            positions[p++] = k;
                        }
                    }
                }
                offsets[i + 1] = p;
            }
            return regather(in, positions, offsets, n);
        });
    }

    private static boolean containsEqual(ColumnVector el, int[] positions, int from, int to, int k) {
        for (int j = from; j < to; j++) {
            int q = positions[j];
            if (!el.isNull(q) && ValueOrdering.equal(el, q, el, k)) {
                return true;
            }
        }
        return false;
    }

    /** A hashable stand-in for element {@code k} with SQL equality (-0.0 = 0.0, bytes by content). */
    private static Object hashKey(ColumnVector el, int k) {
        Object v = el.getObject(k);
        if (v instanceof Double d && d == 0.0) {
            return 0.0;
        }
        if (v instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        if (v instanceof Object[] fields) {
            return Arrays.asList(fields);
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        return v;
    }

    private static BoundFunction bindSortArray(Binding b) {
        ArrayType type = expectArray(b, 0);
        if (!type.elementType().isOrderable()) {
            throw FunctionErrors.typeMismatch(b.function(), "INVALID_ORDERING_TYPE", "The `" + b.function()
                    + "` does not support ordering on type " + FunctionErrors.quote(type.elementType()) + ".");
        }
        List<DataType> inputs = new ArrayList<>(List.of(type));
        boolean ascending = true;
        if (b.count() == 2) {
            inputs.add(b.expect(1, BOOLEAN));
            Object asc = b.constant(1);
            if (!b.isConstant(1) || !(asc instanceof Boolean)) {
                throw FunctionErrors.typeMismatch(b.function(), "UNEXPECTED_INPUT_TYPE",
                        "The second parameter requires the \"BOOLEAN\" type, and must be a non-null literal.");
            }
            ascending = (Boolean) asc;
        }
        int direction = ascending ? 1 : -1;
        return BoundFunction.of(type, inputs, (a, n, c) -> {
            ArrayVector in = (ArrayVector) a[0];
            ColumnVector el = in.elements();
            int[] positions = new int[Math.max(el.size(), 1)];
            int[] offsets = new int[n + 1];
            int[] scratch = new int[Math.max(el.size(), 1)];
            int p = 0;
            for (int i = 0; i < n; i++) {
                int from = p;
                if (!in.isNull(i)) {
                    for (int k = in.start(i), end = k + in.length(i); k < end; k++) {
                        positions[p++] = k;
                    }
                    mergeSort(positions, scratch, from, p, el, direction);
                }
                offsets[i + 1] = p;
            }
            return regather(in, positions, offsets, n);
        });
    }

    /** Stable merge sort of element positions by {@link ValueOrdering} (times {@code direction}). */
    private static void mergeSort(int[] a, int[] scratch, int from, int to, ColumnVector el, int direction) {
        if (to - from < 12) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && ValueOrdering.compare(el, a[j], el, v) * direction > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, scratch, from, mid, el, direction);
        mergeSort(a, scratch, mid, to, el, direction);
        System.arraycopy(a, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && ValueOrdering.compare(el, scratch[i], el, scratch[j]) * direction <= 0)) {
                a[k] = scratch[i++];
            } else {
                a[k] = scratch[j++];
            }
        }
    }

    private static BoundFunction bindArrayExtreme(Binding b, int sign) {
        ArrayType type = expectArray(b, 0);
        if (!type.elementType().isOrderable()) {
            throw FunctionErrors.typeMismatch(b.function(), "INVALID_ORDERING_TYPE", "The `" + b.function()
                    + "` does not support ordering on type " + FunctionErrors.quote(type.elementType()) + ".");
        }
        return BoundFunction.of(type.elementType(), List.of(type), (a, n, c) -> {
            ArrayVector in = (ArrayVector) a[0];
            ColumnVector el = in.elements();
            int[] positions = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                int best = -1;
                if (!in.isNull(i)) {
                    for (int k = in.start(i), end = k + in.length(i); k < end; k++) {
                        if (!el.isNull(k) && (best < 0 || ValueOrdering.compare(el, k, el, best) * sign > 0)) {
                            best = k;
                        }
                    }
                }
                positions[i] = best;
            }
            return RowSelection.gather(el, positions, n);
        }).withNullability(Nullability.ALWAYS);
    }

    private static BoundFunction bindArrayJoin(Binding b) {
        ArrayType strings = new ArrayType(STRING, true);
        List<DataType> inputs = new ArrayList<>(List.of(b.expect(0, strings), b.expect(1, STRING)));
        if (b.count() == 3) {
            inputs.add(b.expect(2, STRING));
        }
        return BoundFunction.of(STRING, inputs, (a, n, c) -> {
            ArrayVector in = (ArrayVector) a[0];
            BytesVector el = (BytesVector) in.elements();
            BytesVector delimiter = (BytesVector) a[1];
            BytesVector replacement = a.length == 3 ? (BytesVector) a[2] : null;
            boolean[] nulls = NullMasks.union(n, a);
            BytesVector out = new BytesVector(STRING, n, n * 16);
            RowBytes row = new RowBytes();
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                    continue;
                }
                row.clear();
                boolean first = true;
                for (int k = in.start(i), end = k + in.length(i); k < end; k++) {
                    BytesVector source = el;
                    int sourceRow = k;
                    if (el.isNull(k)) {
                        if (replacement == null) {
                            continue;
                        }
                        source = replacement;
                        sourceRow = i;
                    }
                    if (!first) {
                        row.append(delimiter.data(), delimiter.start(i), delimiter.length(i));
                    }
                    row.append(source.data(), source.start(sourceRow), source.length(sourceRow));
                    first = false;
                }
                row.appendTo(out);
            }
            return out;
        });
    }
}

package io.fluxo.function.scalar;

import static io.fluxo.function.scalar.FunctionTester.bind;
import static io.fluxo.function.scalar.FunctionTester.col;
import static io.fluxo.function.scalar.FunctionTester.eval;
import static io.fluxo.function.scalar.FunctionTester.eval1;
import static io.fluxo.function.scalar.FunctionTester.ints;
import static io.fluxo.function.scalar.FunctionTester.lit;
import static io.fluxo.function.scalar.FunctionTester.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionFunctionsTest {
    private static final ArrayType INT_ARRAY = new ArrayType(IntegerType.INSTANCE);
    private static final ArrayType STRING_ARRAY = new ArrayType(StringType.INSTANCE);
    private static final MapType STRING_INT_MAP = new MapType(StringType.INSTANCE, IntegerType.INSTANCE);

    private static FunctionTester.Arg intArrays(Object... arrays) {
        return col(INT_ARRAY, arrays);
    }

    private static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }

    private static Map<Object, Object> map(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void structNamesFieldsByPositionAndSharesVectors() {
        var bound = bind("struct", ints(1), strings("a"));
        assertThat(((StructType) bound.resultType()).fieldNames()).containsExactly("col1", "col2");
        List<Object> rows = eval("struct", ints(1, null), strings("a", "b"));
        assertThat((Object[]) rows.get(0)).containsExactly(1, "a");
        assertThat((Object[]) rows.get(1)).containsExactly(null, "b");
        assertThat(bound.nullable(new boolean[] {true, true})).isFalse();
    }

    @Test
    void namedStruct() {
        var bound = bind("named_struct", lit("a"), ints(1), lit("b"), strings("x"));
        assertThat(bound.resultType()).isEqualTo(new StructType(List.of(new StructField("a", IntegerType.INSTANCE,
                false), new StructField("b", StringType.INSTANCE, false))));
        assertThat((Object[]) eval("named_struct", lit("a"), ints(7), lit("b"), strings("x")).get(0))
                .containsExactly(7, "x");
        assertThatThrownBy(() -> bind("named_struct", lit("a")))
                .hasMessageContaining("The `named_struct` requires 2n (n > 0) parameters but the actual number is 1.");
        assertThatThrownBy(() -> bind("named_struct", strings("a"), lit(1)))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING");
    }

    @Test
    void arrayUsesTheCommonElementType() {
        assertThat(eval("array", ints(1, null), ints(2, 3))).containsExactly(list(1, 2), list(null, 3));
        assertThat(bind("array", lit(1), lit(2.5)).resultType()).isEqualTo(new ArrayType(DoubleType.INSTANCE,
                false));
        assertThat(eval1("array")).isEqualTo(List.of());
        assertThat(bind("array").resultType()).isEqualTo(new ArrayType(NullType.INSTANCE, false));
    }

    @Test
    void mapBuildsEntriesAndRejectsNullAndDuplicateKeys() {
        assertThat(eval1("map", "a", 1, "b", 2)).isEqualTo(map("a", 1, "b", 2));
        assertThat(bind("map", lit(1), lit("x"), lit(2L), lit("y")).resultType())
                .isEqualTo(new MapType(LongType.INSTANCE, StringType.INSTANCE, false));
        assertThatThrownBy(() -> eval("map", strings((String) null), ints(1)))
                .isInstanceOf(FluxoRuntimeException.class).hasMessageStartingWith("[NULL_MAP_KEY]");
        assertThatThrownBy(() -> eval1("map", "a", 1, "a", 2))
                .hasMessageStartingWith("[DUPLICATED_MAP_KEY] Duplicate map key a was found");
        assertThatThrownBy(() -> bind("map", lit("a")))
                .hasMessageContaining("requires 2n (n > 0) parameters");
    }

    @Test
    void mapKeysAndValues() {
        var maps = col(STRING_INT_MAP, map("a", 1, "b", null), null, map());
        assertThat(eval("map_keys", maps)).containsExactly(list("a", "b"), null, list());
        assertThat(eval("map_values", maps)).containsExactly(list(1, null), null, list());
        assertThat(bind("map_keys", maps).resultType()).isEqualTo(new ArrayType(StringType.INSTANCE, false));
    }

    @Test
    void elementAtArraysAndMaps() {
        var arrays = intArrays(list(1, 2, 3), list(4, null), null);
        assertThat(eval("element_at", arrays, lit(1))).containsExactly(1, 4, null);
        assertThat(eval("element_at", arrays, lit(-1))).containsExactly(3, null, null);
        assertThat(eval("try_element_at", arrays, lit(3))).containsExactly(3, null, null);
        assertThat(eval("try_element_at", arrays, lit(0))).containsExactly(null, null, null);
        assertThatThrownBy(() -> eval("element_at", arrays, lit(3)))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageStartingWith("[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index 3 is out of bounds. The array "
                        + "has 2 elements. Use `try_element_at`");
        assertThatThrownBy(() -> eval("element_at", arrays, lit(0)))
                .hasMessageStartingWith("[INVALID_INDEX_OF_ZERO]");
        var maps = col(STRING_INT_MAP, map("a", 1, "b", 2), map("a", 3), null);
        assertThat(eval("element_at", maps, lit("b"))).containsExactly(2, null, null);
        assertThat(eval("map_contains_key", maps, lit("a"))).containsExactly(true, true, null);
        assertThat(eval("element_at", col(new ArrayType(STRING_ARRAY), list(list("x", "y"))), lit(1)))
                .containsExactly(list("x", "y"));
    }

    @Test
    void sizeIsNullForNull() {
        assertThat(eval("size", intArrays(list(1, 2), list(), null))).containsExactly(2, 0, null);
        assertThat(eval("cardinality", col(STRING_INT_MAP, map("a", 1)))).containsExactly(1);
        assertThat(eval("array_size", intArrays(list(1)))).containsExactly(1);
        assertThatThrownBy(() -> bind("size", ints(1)))
                .hasMessageContaining("requires the (\"ARRAY\" or \"MAP\") type");
    }

    @Test
    void arrayContainsFollowsThreeValuedLogic() {
        var arrays = intArrays(list(1, 2), list(1, null), list(3), null);
        assertThat(eval("array_contains", arrays, lit(2))).containsExactly(true, null, false, null);
        assertThat(eval("array_contains", arrays, ints(1, 1, null, 1))).containsExactly(true, true, null, null);
        assertThat(eval("array_position", arrays, lit(2))).containsExactly(2L, 0L, 0L, null);
        assertThat(eval1("array_contains", lit(new ArrayType(StringType.INSTANCE), list("a", "b")), "b"))
                .isEqualTo(true);
        assertThat(bind("array_contains", arrays, lit(2L)).inputTypes())
                .containsExactly(new ArrayType(LongType.INSTANCE), LongType.INSTANCE);
        assertThatThrownBy(() -> bind("array_contains", arrays, lit("1")))
                .hasMessageContaining("[DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES]");
    }

    @Test
    void arrayDistinctKeepsFirstOccurrences() {
        List<Object> big = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            big.add(i % 7);
        }
        assertThat(eval("array_distinct", intArrays(list(1, 2, 1, null, 3, null, 2), list(), null, big)))
                .containsExactly(list(1, 2, null, 3), list(), null, list(0, 1, 2, 3, 4, 5, 6));
        assertThat(eval1("array_distinct", lit(new ArrayType(DoubleType.INSTANCE), list(Double.NaN, 0.0, -0.0,
                Double.NaN)))).isEqualTo(list(Double.NaN, 0.0));
    }

    @Test
    void sortArrayPutsNullsFirstAscendingAndLastDescending() {
        var arrays = intArrays(list(3, null, 1, 2), null, list());
        assertThat(eval("sort_array", arrays)).containsExactly(list(null, 1, 2, 3), null, list());
        assertThat(eval("sort_array", arrays, lit(false))).containsExactly(list(3, 2, 1, null), null, list());
        List<Object> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add((i * 37) % 50);
        }
        List<Object> sorted = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sorted.add(i);
        }
        assertThat(eval("sort_array", intArrays(many))).containsExactly(sorted);
        assertThat(eval1("sort_array", lit(STRING_ARRAY, list("b", "a", "c")))).isEqualTo(list("a", "b", "c"));
        assertThatThrownBy(() -> bind("sort_array", arrays, col(io.fluxo.types.BooleanType.INSTANCE, true)))
                .isInstanceOf(AnalysisException.class);
    }

    @Test
    void arrayMaxMinAndJoin() {
        assertThat(eval("array_max", intArrays(list(1, null, 3), list(), null))).containsExactly(3, null, null);
        assertThat(eval("array_min", intArrays(list(1, null, 3)))).containsExactly(1);
        assertThat(eval("array_join", col(STRING_ARRAY, list("hello", null, "world"), null), lit(" ")))
                .containsExactly("hello world", null);
        assertThat(eval("array_join", col(STRING_ARRAY, list("hello", null, "world")), lit(","), lit("?")))
                .containsExactly("hello,?,world");
        assertThat(eval("array_join", intArrays(list(1, 2)), lit("-"))).containsExactly("1-2");
    }

    @Test
    void reverseOfArrays() {
        assertThat(eval("reverse", intArrays(list(1, 2, 3), null, list()))).containsExactly(list(3, 2, 1), null,
                list());
    }

    @Test
    void emptyBatches() {
        DataType t = INT_ARRAY;
        assertThat(eval("size", col(t))).isEmpty();
        assertThat(eval("sort_array", col(t))).isEmpty();
        assertThat(eval("array", ints())).isEmpty();
        assertThat(eval("element_at", col(t), lit(1))).isEmpty();
    }
}

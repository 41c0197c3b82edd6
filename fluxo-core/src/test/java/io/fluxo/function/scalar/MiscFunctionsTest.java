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

import io.fluxo.types.ArrayType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.MapType;
import io.fluxo.types.StringType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MiscFunctionsTest {

    @Test
    void hashMatchesSpark() {
        assertThat(eval1("hash", "Spark", lit(new ArrayType(IntegerType.INSTANCE), List.of(123)), 2))
                .isEqualTo(-1321691492);
        assertThat(eval("hash", ints(1, null))).containsExactly(Murmur3.hashInt(1, 42), 42);
        assertThat(eval1("hash", 0.0)).isEqualTo(eval1("hash", -0.0));
        assertThat(bind("hash", ints(1)).nullable(new boolean[] {true})).isFalse();
        assertThatThrownBy(() -> bind("hash", col(new MapType(StringType.INSTANCE, IntegerType.INSTANCE))))
                .hasMessageContaining("HASH_MAP_TYPE");
    }

    @Test
    void digests() {
        assertThat(eval1("md5", "Spark")).isEqualTo("8cde774d6f7333752ed72cacddb05126");
        assertThat(eval1("sha1", "Spark")).isEqualTo("85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c");
        assertThat(eval1("sha", "Spark")).isEqualTo("85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c");
        assertThat(eval1("sha2", "Spark", 256))
                .isEqualTo("529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b");
        assertThat(eval1("sha2", "Spark", 0)).isEqualTo(eval1("sha2", "Spark", 256));
        assertThat(eval1("sha2", "Spark", 100)).isNull();
        assertThat(eval1("crc32", "Spark")).isEqualTo(1557323817L);
        assertThat(eval("md5", strings((String) null))).containsExactly((Object) null);
    }

    @Test
    void randomFunctionsAreNotDeterministic() {
        assertThat(bind("rand").deterministic()).isFalse();
        assertThat(bind("uuid").deterministic()).isFalse();
        List<Object> values = eval("rand", lit(7));
        assertThat((Double) values.get(0)).isBetween(0.0, 1.0);
        assertThat(eval1("rand", 7)).isEqualTo(eval1("rand", 7));
        assertThat(eval1("randn", 7)).isInstanceOf(Double.class);
        Set<Object> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String id = (String) eval1("uuid");
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            ids.add(id);
        }
        assertThat(ids).hasSize(20);
        assertThatThrownBy(() -> bind("rand", ints(1))).hasMessageContaining("NON_FOLDABLE_INPUT");
    }

    @Test
    void typeofNamesTheType() {
        assertThat(eval1("typeof", 1)).isEqualTo("int");
        assertThat(eval1("typeof", lit(new ArrayType(IntegerType.INSTANCE), List.of()))).isEqualTo("array<int>");
        assertThat(eval1("typeof", (Object) null)).isEqualTo("void");
    }
}

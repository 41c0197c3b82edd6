package io.fluxo.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.function.FunctionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinRegistrationTest {

    @Test
    void everyFamilyIsRegisteredOnceUnderItsNamesAndAliases() {
        FunctionRegistry registry = FunctionRegistry.builtin();
        for (String name : List.of("upper", "ucase", "substr", "concat_ws", "regexp_extract", "round", "bround",
                "ceiling", "power", "pmod", "coalesce", "nvl", "nvl2", "if", "to_date", "date_trunc", "now",
                "from_unixtime", "from_json", "to_json", "get_json_object", "struct", "named_struct", "element_at",
                "cardinality", "hash", "sha2", "uuid", "rand", "typeof")) {
            assertThat(registry.scalar(name)).as(name).isPresent();
        }
        assertThat(registry.scalar("UPPER")).isPresent();
        assertThat(registry.scalar("ucase").orElseThrow().name()).isEqualTo("upper");
        assertThat(registry.scalar("explode")).isEmpty();
    }

    @Test
    void everyScalarFunctionIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "sql", "functions.md"));
        FunctionRegistry registry = FunctionRegistry.builtin();
        for (String name : registry.names()) {
            if (registry.scalar(name).isPresent()) {
                assertThat(doc).as(name).contains("`" + name + "`");
            }
        }
    }
}

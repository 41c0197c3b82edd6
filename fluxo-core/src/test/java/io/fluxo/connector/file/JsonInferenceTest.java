package io.fluxo.connector.file;

import static io.fluxo.connector.file.FileTestSupport.opts;
import static io.fluxo.connector.file.FileTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonInferenceTest {
    private static final FileFormat JSON = FileFormats.forName("json");

    @TempDir
    Path dir;

    private String infer(FileOptions options, String... lines) throws Exception {
        Path f = write(dir, "in.json", String.join("\n", lines) + "\n");
        return JSON.inferSchema(List.of(f), options).toDDL();
    }

    @Test
    void fieldsAreTheUnionSortedByName() throws Exception {
        assertThat(infer(opts(), "{\"b\":1,\"a\":\"x\"}", "{\"c\":true}", "{\"a\":\"y\",\"d\":null}"))
                .isEqualTo("a STRING, b BIGINT, c BOOLEAN, d STRING");
    }

    @Test
    void conflictingTypesWiden() throws Exception {
        assertThat(infer(opts(), "{\"n\":1,\"s\":1,\"o\":{\"x\":1},\"b\":true}",
                "{\"n\":2.5,\"s\":\"x\",\"o\":5,\"b\":1}")).isEqualTo("b STRING, n DOUBLE, o STRING, s STRING");
    }

    @Test
    void nullsAndEmptyStringsGiveWayToOtherTypes() throws Exception {
        assertThat(infer(opts(), "{\"a\":null,\"b\":\"\",\"c\":[]}", "{\"a\":3,\"b\":2.0}"))
                .isEqualTo("a BIGINT, b DOUBLE, c ARRAY<STRING>");
        assertThat(infer(opts("dropFieldIfAllNull", "true"), "{\"a\":null,\"c\":[],\"d\":{}}", "{\"b\":1}"))
                .isEqualTo("b BIGINT");
    }

    @Test
    void nestedStructsAndArraysMerge() throws Exception {
        Path f = write(dir, "n.json", "{\"p\":{\"y\":1},\"arr\":[1,2]}\n{\"p\":{\"x\":\"a\"},\"arr\":[1.5]}\n"
                + "{\"objs\":[{\"k\":1},{\"j\":true}]}\n{\"e\":{}}\n");
        // simpleString: ArrayType.sql() upper-cases nested field names
        assertThat(JSON.inferSchema(List.of(f), opts()).simpleString()).isEqualTo(
                "struct<arr:array<double>,objs:array<struct<j:boolean,k:bigint>>,p:struct<x:string,y:bigint>>");
    }

    @Test
    void bigNumbersAndDecimals() throws Exception {
        assertThat(infer(opts(), "{\"big\":123456789012345678901234,\"f\":1.25}"))
                .isEqualTo("big DECIMAL(24,0), f DOUBLE");
        assertThat(infer(opts("prefersDecimal", "true"), "{\"f\":1.25,\"g\":0.05}", "{\"f\":100.5}"))
                .isEqualTo("f DECIMAL(5,2), g DECIMAL(2,2)");
        assertThat(infer(opts(), "{\"m\":1}", "{\"m\":123456789012345678901234}")).isEqualTo("m DECIMAL(24,0)");
    }

    @Test
    void primitivesAsStringAndTimestamps() throws Exception {
        assertThat(infer(opts("primitivesAsString", "true"), "{\"a\":1,\"b\":true,\"c\":\"x\"}"))
                .isEqualTo("a STRING, b STRING, c STRING");
        assertThat(infer(opts(), "{\"t\":\"2024-01-01T10:00:00Z\"}")).isEqualTo("t STRING");
        assertThat(infer(opts("inferTimestamp", "true"), "{\"t\":\"2024-01-01T10:00:00Z\",\"s\":\"hello\"}"))
                .isEqualTo("s STRING, t TIMESTAMP");
    }

    @Test
    void topLevelArraysContributeTheirObjects() throws Exception {
        assertThat(infer(opts(), "[{\"a\":1},{\"b\":\"x\"}]", "{\"c\":1.0}"))
                .isEqualTo("a BIGINT, b STRING, c DOUBLE");
    }

    @Test
    void malformedRecordsFollowTheMode() throws Exception {
        assertThat(infer(opts(), "{\"a\":1}", "{\"a\":", "7"))
                .isEqualTo("_corrupt_record STRING, a BIGINT");
        assertThat(infer(opts("columnNameOfCorruptRecord", "zbad"), "{\"a\":1}", "oops"))
                .isEqualTo("a BIGINT, zbad STRING");
        assertThat(infer(opts("mode", "DROPMALFORMED"), "{\"a\":1}", "{\"b\":")).isEqualTo("a BIGINT");
        assertThatThrownBy(() -> infer(opts("mode", "FAILFAST"), "{\"a\":1}", "{\"b\":"))
                .isInstanceOf(FluxoRuntimeException.class).hasMessageContaining("in.json, line 2")
                .hasMessageContaining("schema inference");
    }

    @Test
    void multiLineInference() throws Exception {
        Path f = write(dir, "m.json", "[\n  {\"a\": 1},\n  {\"b\": [true]}\n]\n");
        assertThat(JSON.inferSchema(List.of(f), opts("multiLine", "true")).toDDL())
                .isEqualTo("a BIGINT, b ARRAY<BOOLEAN>");
    }

    @Test
    void noFilesCannotBeInferredAndEmptyFilesGiveAnEmptySchema() throws Exception {
        assertThatThrownBy(() -> JSON.inferSchema(List.of(), opts())).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("UNABLE_TO_INFER_SCHEMA");
        Path empty = write(dir, "e.json", "");
        assertThat(JSON.inferSchema(List.of(empty), opts()).size()).isZero();
    }
}

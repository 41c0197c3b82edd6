package io.fluxo.connector.file;

import static io.fluxo.connector.file.FileTestSupport.opts;
import static io.fluxo.connector.file.FileTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInferenceTest {
    private static final FileFormat CSV = FileFormats.forName("csv");

    @TempDir
    Path dir;

    private String infer(String content, String... options) throws Exception {
        Path f = write(dir, "in.csv", content);
        return CSV.inferSchema(List.of(f), opts(options)).toDDL();
    }

    @Test
    void withoutHeaderColumnsAreNumberedAndStrings() throws Exception {
        assertThat(infer("1,x,2.5\n2,y\n")).isEqualTo("_c0 STRING, _c1 STRING, _c2 STRING");
    }

    @Test
    void headerNamesAreMadeSafe() throws Exception {
        assertThat(infer("a,,A,b,NA\n1,2,3,4,5\n", "header", "true", "nullValue", "NA"))
                .isEqualTo("a0 STRING, _c1 STRING, A2 STRING, b STRING, _c4 STRING");
    }

    @Test
    void inferSchemaFindsTheWidestTypePerColumn() throws Exception {
        String csv = "i,l,dec,d,b,dt,ts,s,mixed,nul,ints2double\n"
                + "1,3000000000,12345678901234567890,1.5,true,2024-01-05,2024-01-05 10:00:00,x,2024-01-05,,1\n"
                + "-2,4,1,2,FALSE,2024-12-31,2024-01-05T10:00:00Z,1,2024-01-05 10:00:00,,2.5\n";
        assertThat(infer(csv, "header", "true", "inferSchema", "true")).isEqualTo("i INT, l BIGINT, "
                + "dec DECIMAL(20,0), d DOUBLE, b BOOLEAN, dt DATE, ts TIMESTAMP, s STRING, mixed STRING, "
                + "nul STRING, ints2double DOUBLE");
    }

    @Test
    void specialValuesAndOptionsShapeInference() throws Exception {
        assertThat(infer("NaN,1\nInf,NA\n-Inf,2\n", "inferSchema", "true", "nullValue", "NA"))
                .isEqualTo("_c0 DOUBLE, _c1 INT");
        assertThat(infer("2024-01-05\n", "inferSchema", "true", "preferDate", "false")).isEqualTo("_c0 TIMESTAMP");
        assertThat(infer("05/01/2024\n", "inferSchema", "true", "dateFormat", "dd/MM/yyyy")).isEqualTo("_c0 DATE");
        assertThat(infer("true\n1\n", "inferSchema", "true")).isEqualTo("_c0 STRING");
        assertThat(infer("# comment\n\n1;2\n", "inferSchema", "true", "sep", ";", "comment", "#"))
                .isEqualTo("_c0 INT, _c1 INT");
    }

    @Test
    void headerOfEveryFileIsSkippedAndNamesComeFromTheFirst() throws Exception {
        Path a = write(dir, "a.csv", "x,y\n1,2\n");
        Path b = write(dir, "b.csv", "x,y\n3,4.5\n");
        assertThat(CSV.inferSchema(List.of(a, b), opts("header", "true", "inferSchema", "true")).toDDL())
                .isEqualTo("x INT, y DOUBLE");
    }

    @Test
    void multiLineInference() throws Exception {
        assertThat(infer("a,b\n\"x\ny\",1\n", "header", "true", "inferSchema", "true", "multiLine", "true"))
                .isEqualTo("a STRING, b INT");
    }

    @Test
    void emptyInput() throws Exception {
        assertThat(infer("")).isEmpty();
        assertThatThrownBy(() -> CSV.inferSchema(List.of(), opts())).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("UNABLE_TO_INFER_SCHEMA");
    }
}

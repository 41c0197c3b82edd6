package io.fluxo.connector.file;

import static io.fluxo.connector.file.FileTestSupport.opts;
import static io.fluxo.connector.file.FileTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileListingTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() {
        write(dir, "data/b.json", "");
        write(dir, "data/a.json", "");
        write(dir, "data/c.csv", "");
        write(dir, "data/_SUCCESS", "");
        write(dir, "data/.part-0.json.inprogress", "");
        write(dir, "data/sub/d.json", "");
        write(dir, "data/sub/deeper/e.json", "");
        write(dir, "data/_tmp/f.json", "");
        write(dir, "other/g.json", "");
    }

    private List<String> list(String path, FileOptions options) throws Exception {
        return FileListing.listFiles(path, options).stream().map(p -> dir.relativize(p).toString()).toList();
    }

    @Test
    void aDirectoryIsItsVisibleFilesSorted() throws Exception {
        assertThat(list(dir.resolve("data").toString(), opts())).containsExactly("data/a.json", "data/b.json",
                "data/c.csv");
    }

    @Test
    void recursiveLookupDescendsButStillSkipsHiddenNames() throws Exception {
        assertThat(list(dir.resolve("data").toString(), opts("recursiveFileLookup", "true"))).containsExactly(
                "data/a.json", "data/b.json", "data/c.csv", "data/sub/d.json", "data/sub/deeper/e.json");
    }

    @Test
    void aFileIsItselfAndGlobsExpand() throws Exception {
        assertThat(list(dir.resolve("data/c.csv").toString(), opts())).containsExactly("data/c.csv");
        assertThat(list("file:" + dir.resolve("data/c.csv"), opts())).containsExactly("data/c.csv");
        assertThat(list(dir + "/data/*.json", opts())).containsExactly("data/a.json", "data/b.json");
        assertThat(list(dir + "/*/g.json", opts())).containsExactly("other/g.json");
        assertThat(list(dir + "/{data,other}", opts())).containsExactly("data/a.json", "data/b.json", "data/c.csv",
                "other/g.json");
    }

    @Test
    void pathGlobFilterKeepsMatchingNames() throws Exception {
        assertThat(list(dir.resolve("data").toString(), opts("pathGlobFilter", "*.csv")))
                .containsExactly("data/c.csv");
        assertThat(list(dir.resolve("data").toString(), opts("pathGlobFilter", "*.json", "recursiveFileLookup",
                "true"))).containsExactly("data/a.json", "data/b.json", "data/sub/d.json", "data/sub/deeper/e.json");
    }

    @Test
    void severalPathsAreMergedWithoutDuplicates() throws Exception {
        assertThat(FileListing.listFiles(List.of(dir.resolve("other").toString(), dir + "/other/*.json"), opts()))
                .hasSize(1);
    }

    @Test
    void missingPathsAreNamed() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> list(missing.toString(), opts())).isInstanceOf(AnalysisException.class)
                .hasMessage("[PATH_NOT_FOUND] Path does not exist: file:" + missing + ".")
                .extracting(e -> ((AnalysisException) e).getErrorClass()).isEqualTo("PATH_NOT_FOUND");
        assertThatThrownBy(() -> list(dir + "/data/*.parquet", opts())).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("PATH_NOT_FOUND");
    }
}

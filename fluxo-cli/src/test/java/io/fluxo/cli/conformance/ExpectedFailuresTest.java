package io.fluxo.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected-failures list: one case a line with its reason, matched by case name or by the end of its path. */
class ExpectedFailuresTest {
    private final ExpectedFailures list = ExpectedFailures.parse(List.of(
            "# cases known to fail",
            "",
            "stateful/session_window_append.yaml — session windows are not implemented",
            "running count per key, update mode emits only the keys that changed -- update mode is missing"),
            "expected-failures.txt");

    @Test
    void matchesByPathSuffix() {
        assertThat(list.reasonFor("x", Path.of("../shared/conformance/stateful/session_window_append.yaml")))
                .contains("session windows are not implemented");
        assertThat(list.reasonFor("x", Path.of("/elsewhere/other_stateful/session_window_append.yaml"))).isEmpty();
    }

    @Test
    void matchesByName() {
        assertThat(list.reasonFor("running count per key, update mode emits only the keys that changed",
                Path.of("a.yaml"))).contains("update mode is missing");
        assertThat(list.reasonFor("running count per key", Path.of("a.yaml"))).isEmpty();
    }

    @Test
    void aLineWithoutReasonIsRefused() {
        assertThatThrownBy(() -> ExpectedFailures.parse(List.of("# c", "stateful/x.yaml"), "ef.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2 of ef.txt: write '<case file path or case name> — <reason>', got: stateful/x.yaml");
        assertThatThrownBy(() -> ExpectedFailures.parse(List.of("stateful/x.yaml — "), "ef.txt"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noneMatchesNothing() {
        assertThat(ExpectedFailures.none().isEmpty()).isTrue();
        assertThat(ExpectedFailures.none().reasonFor("a", Path.of("a.yaml"))).isEmpty();
    }
}

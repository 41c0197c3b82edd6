package io.fluxo.cli.conformance;

import io.fluxo.api.Row;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a case's {@code steps}: data arriving, a check of what the sink received, a restart, a clock move, an
 * expected error. Input rows are typed when the case loads (the source schemas are known then); expected rows stay
 * YAML until the run, because they are written in the query's output schema, which only the engine knows.
 */
public sealed interface CaseStep {

    /** The key that names the step in a case file, for messages: {@code add}, {@code check}, … */
    String keyword();

    /** {@code add: {source: [rows], …}}: one micro-batch's worth of new rows for one or more sources. */
    record AddData(Map<String, List<Row>> rows) implements CaseStep {
        public AddData {
            Map<String, List<Row>> copy = new LinkedHashMap<>();
            rows.forEach((source, list) -> copy.put(source, List.copyOf(list)));
            rows = Collections.unmodifiableMap(copy);
        }

        @Override
        public String keyword() {
            return "add";
        }
    }

    /** {@code check: [rows]}: the rows the sink received since the previous check, in any order. */
    record Check(List<YamlNode.Sequence> expected) implements CaseStep {
        public Check {
            expected = List.copyOf(expected);
        }

        @Override
        public String keyword() {
            return "check";
        }
    }

    /** {@code checkSorted: [rows]}: as {@link Check}, in this order. */
    record CheckSorted(List<YamlNode.Sequence> expected) implements CaseStep {
        public CheckSorted {
            expected = List.copyOf(expected);
        }

        @Override
        public String keyword() {
            return "checkSorted";
        }
    }

    /** {@code checkTable: [rows]}: everything the sink holds, in any order. */
    record CheckTable(List<YamlNode.Sequence> expected) implements CaseStep {
        public CheckTable {
            expected = List.copyOf(expected);
        }

        @Override
        public String keyword() {
            return "checkTable";
        }
    }

    /** {@code restart}: stop the query and start a new run of it on the same checkpoint. */
    record Restart() implements CaseStep {
        @Override
        public String keyword() {
            return "restart";
        }
    }

    /** {@code advanceClock: "10 seconds"}: move the query's processing-time clock. */
    record AdvanceClock(Duration duration) implements CaseStep {
        public AdvanceClock {
            Objects.requireNonNull(duration, "duration is null");
        }

        @Override
        public String keyword() {
            return "advanceClock";
        }
    }

    /** {@code expectError: "text"}: the query failed, with a message (or a cause's) containing the text, any case. */
    record ExpectError(String text) implements CaseStep {
        public ExpectError {
            Objects.requireNonNull(text, "text is null");
        }

        @Override
        public String keyword() {
            return "expectError";
        }
    }

    /** {@code checkProgress: {numInputRows: 3, …}}: fields of the last progress report and their values. */
    record CheckProgress(Map<String, YamlNode.Scalar> expected) implements CaseStep {
        public CheckProgress {
            expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
        }

        @Override
        public String keyword() {
            return "checkProgress";
        }
    }
}

package io.fluxo.cli.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A YAML value as the case file wrote it, before a schema gives it a type. Scalars keep their text, so that
 * {@code yes} stays {@code "yes"} in a STRING column, {@code .nan} can become a DOUBLE and a 30-digit number keeps
 * every digit in a DECIMAL column. Each node knows its line, for error messages.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** 1-based line of the node in its file. */
    int line();

    /** What YAML's resolution made of a plain scalar; quoted scalars are always {@link #STRING}. */
    enum ScalarKind { NULL, BOOLEAN, INTEGER, FLOAT, STRING }

    /** A scalar: its kind and its text as written (without quotes). */
    record Scalar(ScalarKind kind, String text, int line) implements YamlNode {
        public Scalar {
            Objects.requireNonNull(kind, "kind is null");
            Objects.requireNonNull(text, "text is null");
        }

        public boolean isNull() {
            return kind == ScalarKind.NULL;
        }

        @Override
        public String toString() {
            return kind == ScalarKind.STRING ? "'" + text + "'" : text;
        }
    }

    /** A YAML list. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            return items.toString();
        }
    }

    /** A YAML map; keys in the order written, each key once. */
    record Mapping(Map<String, YamlNode> entries, int line) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public List<String> keys() {
            return new ArrayList<>(entries.keySet());
        }

        @Override
        public String toString() {
            return entries.toString();
        }
    }

    /** The node's kind as a user would name it: "a list", "a map", "text 'x'", "the number 3", "null". */
    default String describe() {
        if (this instanceof Sequence) {
            return "a list";
        }
        if (this instanceof Mapping) {
            return "a map";
        }
        Scalar s = (Scalar) this;
        return switch (s.kind()) {
            case NULL -> "null";
            case BOOLEAN -> "the boolean " + s.text();
            case INTEGER, FLOAT -> "the number " + s.text();
            case STRING -> "the text '" + s.text() + "'";
        };
    }
}

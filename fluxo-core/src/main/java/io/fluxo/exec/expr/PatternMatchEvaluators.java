package io.fluxo.exec.expr;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * LIKE and RLIKE. A constant pattern is compiled once ({@link LikePattern}, or a {@link Pattern}); a pattern that
 * varies per row is recompiled only when it changes from the previous row. RLIKE has Java regex {@code find()}
 * semantics; a regex without metacharacters becomes a byte substring search, and ASCII rows are matched through a
 * reusable view instead of a decoded String.
 */
final class PatternMatchEvaluators {
    private static final String REGEX_METACHARACTERS = "\\^$.|?*+()[]{}";

    private PatternMatchEvaluators() {
    }

    static VectorEvaluator like(VectorEvaluator value, String constantPattern, char escape) {
        LikePattern pattern = LikePattern.compile(constantPattern, escape);
        return input -> {
            int n = input.numRows();
            BytesVector s = (BytesVector) value.evaluate(input);
            byte[] data = s.data();
            int[] offsets = s.offsets();
            boolean[] out = new boolean[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = pattern.matches(data, offsets[i], offsets[i + 1]);
            }
            return BooleanVector.wrap(out, n, s.nulls());
        };
    }

    static VectorEvaluator likeVarying(VectorEvaluator value, VectorEvaluator patterns, char escape) {
        return new Varying(value, patterns) {
            private LikePattern compiled;

            @Override
            boolean matches(BytesVector s, int row, String pattern, boolean changed) {
                if (changed) {
                    compiled = LikePattern.compile(pattern, escape);
                }
                return compiled.matches(s.data(), s.start(row), s.start(row) + s.length(row));
            }
        };
    }

    static VectorEvaluator rlike(VectorEvaluator value, String constantPattern) {
        if (isPlain(constantPattern)) {
            byte[] needle = constantPattern.getBytes(StandardCharsets.UTF_8);
            return input -> {
                int n = input.numRows();
                BytesVector s = (BytesVector) value.evaluate(input);
                byte[] data = s.data();
                int[] offsets = s.offsets();
                boolean[] out = new boolean[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = LikePattern.indexOf(data, offsets[i], offsets[i + 1], needle) >= 0;
                }
                return BooleanVector.wrap(out, n, s.nulls());
            };
        }
        Matcher matcher = compileRegex(constantPattern).matcher("");
        return input -> {
            int n = input.numRows();
            BytesVector s = (BytesVector) value.evaluate(input);
            boolean[] nulls = s.nulls();
            boolean[] out = new boolean[Math.max(n, 1)];
            AsciiView view = new AsciiView();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    out[i] = matcher.reset(view.of(s, i)).find();
                }
            }
            return BooleanVector.wrap(out, n, nulls);
        };
    }

    static VectorEvaluator rlikeVarying(VectorEvaluator value, VectorEvaluator patterns) {
        return new Varying(value, patterns) {
            private Matcher matcher;
            private final AsciiView view = new AsciiView();

            @Override
            boolean matches(BytesVector s, int row, String pattern, boolean changed) {
                if (changed) {
                    matcher = compileRegex(pattern).matcher("");
                }
                return matcher.reset(view.of(s, row)).find();
            }
        };
    }

    private static boolean isPlain(String regex) {
        for (int i = 0; i < regex.length(); i++) {
            if (REGEX_METACHARACTERS.indexOf(regex.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    static Pattern compileRegex(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new FluxoRuntimeException("INVALID_PARAMETER_VALUE.PATTERN",
                    "The value of parameter(s) `regexp` in `rlike` is invalid: " + e.getDescription() + ".", e);
        }
    }

    /** A value column matched against a pattern column; the pattern is re-read only when its bytes change. */
    private abstract static class Varying implements VectorEvaluator {
        private final VectorEvaluator value;
        private final VectorEvaluator patterns;
        private byte[] lastPattern;

        Varying(VectorEvaluator value, VectorEvaluator patterns) {
            this.value = value;
            this.patterns = patterns;
        }

        abstract boolean matches(BytesVector s, int row, String pattern, boolean changed);

        @Override
        public ColumnVector evaluate(ColumnBatch input) {
            int n = input.numRows();
            BytesVector s = (BytesVector) value.evaluate(input);
            BytesVector p = (BytesVector) patterns.evaluate(input);
            boolean[] nulls = NullMasks.union(s.nulls(), p.nulls(), n);
            boolean[] out = new boolean[Math.max(n, 1)];
            String pattern = null;
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                boolean changed = lastPattern == null || !p.equalsBytes(i, lastPattern, 0, lastPattern.length);
                if (changed || pattern == null) {
                    lastPattern = p.getBytes(i);
                    pattern = p.getString(i);
                    changed = true;
                }
                out[i] = matches(s, i, pattern, changed);
            }
            return BooleanVector.wrap(out, n, nulls);
        }
    }

    /** A row as a CharSequence: a view over its bytes when they are ASCII, a decoded String otherwise. */
    private static final class AsciiView implements CharSequence {
        private byte[] data;
        private int start;
        private int length;

        CharSequence of(BytesVector s, int row) {
            byte[] d = s.data();
            int from = s.start(row);
            int len = s.length(row);
            for (int k = from; k < from + len; k++) {
                if (d[k] < 0) {
                    return s.getString(row);
                }
            }
            data = d;
            start = from;
            length = len;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) data[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return toString().substring(from, to);
        }

        @Override
        public String toString() {
            return new String(data, start, length, StandardCharsets.US_ASCII);
        }
    }
}

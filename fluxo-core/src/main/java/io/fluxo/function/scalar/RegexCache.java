package io.fluxo.function.scalar;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The compiled regex of a function call: compiled once at bind time when the pattern is a constant, otherwise per row
 * with the last pattern kept, so a column of repeated patterns compiles each once; the last matcher is reused too.
 * Not thread-safe: a kernel makes one per batch.
 */
final class RegexCache {
    private final String function;
    private byte[] lastBytes;
    private Pattern last;
    private Pattern matcherPattern;
    private Matcher matcher;

    RegexCache(String function) {
        this.function = function;
    }

    /** Compiles {@code regex}, raising Spark's {@code INVALID_PARAMETER_VALUE.PATTERN} when it is not valid. */
    static Pattern compile(String function, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw FunctionErrors.invalidParameter("PATTERN", "regexp", function, "'" + regex + "'");
        }
    }

    /** A matcher of {@code pattern} over {@code text}, reusing the previous one when the pattern is the same. */
    Matcher matcher(Pattern pattern, CharSequence text) {
        if (matcher != null && matcherPattern == pattern) {
            return matcher.reset(text);
        }
        matcherPattern = pattern;
        matcher = pattern.matcher(text);
        return matcher;
    }

    /** The pattern whose UTF-8 text is {@code data[from, to)}. */
    Pattern get(byte[] data, int from, int to) {
        if (last != null && Arrays.equals(lastBytes, 0, lastBytes.length, data, from, to)) {
            return last;
        }
        lastBytes = Arrays.copyOfRange(data, from, to);
        last = compile(function, new String(lastBytes, StandardCharsets.UTF_8));
        return last;
    }
}

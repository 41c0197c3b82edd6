package io.fluxo.connector.file;

import io.fluxo.errors.AnalysisException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The options of a file read or write ({@code header}, {@code sep}, {@code mode} …): a map whose keys ignore case, as
 * Spark's are, with typed getters that reject a bad value by naming the option and the value. It also carries the
 * session time zone, which the {@code timeZone} option overrides.
 */
public final class FileOptions {
    /** Error class of an option whose value cannot be used. */
    public static final String INVALID_OPTION_VALUE = "INVALID_OPTION_VALUE";

    private final Map<String, String> options;
    private final ZoneId sessionZone;

    private FileOptions(Map<String, String> options, ZoneId sessionZone) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        options.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "option name is null"), v));
        this.options = Collections.unmodifiableMap(copy);
        this.sessionZone = Objects.requireNonNull(sessionZone, "sessionZone is null");
    }

    /** Options with the session time zone UTC. */
    public static FileOptions of(Map<String, String> options) {
        return new FileOptions(options, ZoneOffset.UTC);
    }

    public static FileOptions of(Map<String, String> options, ZoneId sessionZone) {
        return new FileOptions(options, sessionZone);
    }

    public static FileOptions empty() {
        return new FileOptions(Map.of(), ZoneOffset.UTC);
    }

    /** A copy with one more (or a replaced) option. */
    public FileOptions with(String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(options);
        copy.put(key, value);
        return new FileOptions(copy, sessionZone);
    }

    public FileOptions withSessionZone(ZoneId zone) {
        return new FileOptions(options, zone);
    }

    /** The options as given (keys keep their spelling; lookups ignore case). */
    public Map<String, String> asMap() {
        return options;
    }

    public boolean contains(String key) {
        return options.get(key) != null;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(options.get(key));
    }

    public String getString(String key, String defaultValue) {
        String v = options.get(key);
        return v == null ? defaultValue : v;
    }

    /** {@code true} or {@code false} in any case. */
    public boolean getBoolean(String key, boolean defaultValue) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        throw invalid(key, v, "a boolean (true or false)");
    }

    public int getInt(String key, int defaultValue) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer");
        }
    }

    public long getLong(String key, long defaultValue) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer");
        }
    }

    /** A single character; the empty string means {@code '\0'} (the feature is off), as in Spark. */
    public char getChar(String key, char defaultValue) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v.isEmpty()) {
            return '\0';
        }
        if (v.length() == 1) {
            return v.charAt(0);
        }
        throw invalid(key, v, "a single character");
    }

    /** The session time zone (the engine's, UTC unless set). */
    public ZoneId sessionZone() {
        return sessionZone;
    }

    /** The zone for text without one: the {@code timeZone} option, else the session zone. */
    public ZoneId zoneId() {
        String v = options.get("timeZone");
        if (v == null) {
            return sessionZone;
        }
        try {
            return ZoneId.of(v.trim(), ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            throw invalid("timeZone", v, "a zone id such as 'UTC', 'Europe/Paris' or '+02:00'");
        }
    }

    /** The {@code mode} option: PERMISSIVE (default), DROPMALFORMED or FAILFAST. */
    public ParseMode parseMode() {
        String v = options.get("mode");
        return v == null ? ParseMode.PERMISSIVE : ParseMode.fromOption(v);
    }

    /** The {@code columnNameOfCorruptRecord} option, {@code _corrupt_record} by default. */
    public String columnNameOfCorruptRecord() {
        return getString("columnNameOfCorruptRecord", "_corrupt_record");
    }

    /** Fails unless the {@code encoding} (or {@code charset}) option is absent or names UTF-8, the one Fluxo reads. */
    public void requireUtf8(String format) {
        for (String key : new String[] {"encoding", "charset"}) {
            String v = options.get(key);
            if (v == null) {
                continue;
            }
            boolean utf8;
            try {
                utf8 = Charset.forName(v.trim()).equals(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                utf8 = false;
            }
            if (!utf8) {
                throw new AnalysisException(INVALID_OPTION_VALUE, "The " + format + " format reads and writes UTF-8 only; "
                        + "the option '" + key + "' cannot be '" + v + "'.",
                        Map.of("option", key, "value", v));
            }
        }
    }

    /** Fails unless the {@code compression} (or {@code codec}) option is absent, {@code none} or {@code uncompressed}. */
    public void requireUncompressed(String format) {
        for (String key : new String[] {"compression", "codec"}) {
            String v = options.get(key);
            if (v == null) {
                continue;
            }
            String t = v.trim().toLowerCase(Locale.ROOT);
            if (!t.equals("none") && !t.equals("uncompressed")) {
                throw new AnalysisException("CODEC_NOT_AVAILABLE", "The " + format + " format cannot use the codec '"
                        + v + "' (option '" + key + "'): Fluxo writes text files uncompressed only; use 'none'.",
                        Map.of("option", key, "value", v));
            }
        }
    }

    /** The error for option {@code key} having a value that is not {@code expected}. */
    public static AnalysisException invalid(String key, String value, String expected) {
        return new AnalysisException(INVALID_OPTION_VALUE,
                "Invalid value '" + value + "' for option '" + key + "': expected " + expected + ".",
                Map.of("option", key, "value", String.valueOf(value)));
    }

    @Override
    public String toString() {
        return options.toString();
    }
}

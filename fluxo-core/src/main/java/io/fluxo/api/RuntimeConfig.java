package io.fluxo.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Session settings by name. Fluxo's keys start with {@code fluxo.}; Spark's {@code spark.sql.…} spelling of the same
 * setting is accepted too, so configuration ported from Spark keeps working.
 */
public final class RuntimeConfig {
    public static final String SHUFFLE_PARTITIONS = "fluxo.sql.shuffle.partitions";
    public static final String SESSION_TIME_ZONE = "fluxo.sql.session.timeZone";
    public static final String BROADCAST_THRESHOLD_ROWS = "fluxo.sql.autoBroadcastJoinThreshold.rows";
    /** Bytes of rows a sort task holds before it writes a sorted run to disk (default: an eighth of the heap). */
    public static final String SORT_SPILL_THRESHOLD_BYTES = "fluxo.sql.sort.spillThresholdBytes";
    /** Bytes of rows a task splitting rows for a hash exchange holds before it writes them to disk. */
    public static final String SHUFFLE_SPILL_THRESHOLD_BYTES = "fluxo.sql.shuffle.spillThresholdBytes";
    /** Bytes of groups (keys and states) an aggregation task holds before it writes them to disk. */
    public static final String AGGREGATE_SPILL_THRESHOLD_BYTES = "fluxo.sql.aggregate.spillThresholdBytes";
    /** Bytes of build-side rows a shuffled hash join task holds before it splits both sides to disk. */
    public static final String JOIN_SPILL_THRESHOLD_BYTES = "fluxo.sql.join.spillThresholdBytes";
    /** Where operators write what they spill (Spark's {@code spark.local.dir}); default: the system's temp folder. */
    public static final String LOCAL_DIR = "fluxo.local.dir";
    public static final String PARALLELISM = "fluxo.default.parallelism";

    private final Map<String, String> values = new TreeMap<>();

    RuntimeConfig(Map<String, String> initial) {
        initial.forEach(this::set);
    }

    static String canonical(String key) {
        String k = key.trim();
        if (k.toLowerCase(Locale.ROOT).startsWith("spark.")) {
            k = "fluxo." + k.substring("spark.".length());
        }
        return k;
    }

    public synchronized void set(String key, String value) {
        values.put(canonical(key), value);
    }

    public void set(String key, long value) {
        set(key, Long.toString(value));
    }

    public synchronized Optional<String> getOption(String key) {
        return Optional.ofNullable(values.get(canonical(key)));
    }

    public String get(String key, String defaultValue) {
        return getOption(key).orElse(defaultValue);
    }

    public synchronized void unset(String key) {
        values.remove(canonical(key));
    }

    public synchronized Map<String, String> getAll() {
        return new TreeMap<>(values);
    }

    int getInt(String key, int defaultValue) {
        String v = get(key, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new io.fluxo.errors.AnalysisException("INVALID_CONF_VALUE", "The value '" + v + "' in the config \""
                    + key + "\" is invalid: it must be an integer.");
        }
    }
}

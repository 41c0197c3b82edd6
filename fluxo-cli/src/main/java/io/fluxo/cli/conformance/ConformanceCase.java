package io.fluxo.cli.conformance;

import io.fluxo.types.StructType;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One conformance case, as {@link CaseLoader} read it from a YAML file (format: {@code shared/conformance/README.md}):
 * the streaming sources and static tables it declares, session settings, the query, the output mode and the steps.
 * Maps keep the order of the file.
 *
 * @param name what the report calls the case
 * @param file the file it came from
 * @param sources streaming sources (memory streams) by name, with their schemas (parsed from the DDL text)
 * @param tables static tables by name
 * @param conf session settings, values as text ({@code fluxo.sql.shuffle.partitions: "3"})
 * @param query the query to start
 * @param outputMode {@code append}, {@code update} or {@code complete}
 * @param steps what happens, in order
 */
public record ConformanceCase(String name, Path file, Map<String, StructType> sources, Map<String, StaticTable> tables,
        Map<String, String> conf, CaseQuery query, String outputMode, List<CaseStep> steps) {

    /** The output modes a case may name, as Spark spells them. */
    public static final Set<String> OUTPUT_MODES = Set.of("append", "update", "complete");

    public ConformanceCase {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(file, "file is null");
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
        Objects.requireNonNull(query, "query is null");
        if (!OUTPUT_MODES.contains(outputMode)) {
            throw new IllegalArgumentException("output mode must be one of append, update, complete: " + outputMode);
        }
        steps = List.copyOf(steps);
    }

    /** True in complete mode, where each batch emits the whole result and replaces what the sink held. */
    public boolean isCompleteMode() {
        return outputMode.equals("complete");
    }
}

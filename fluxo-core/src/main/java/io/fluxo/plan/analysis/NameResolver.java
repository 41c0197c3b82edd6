package io.fluxo.plan.analysis;

import io.fluxo.errors.AnalysisException;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.GetStructField;
import io.fluxo.types.StructType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves a multi-part column name ({@code col}, {@code t.col}, {@code s.field}, {@code t.s.field}) against the
 * attributes an operator can see, case-insensitively as Spark does by default.
 */
final class NameResolver {
    private NameResolver() {
    }

    static Optional<Expression> resolve(List<String> parts, List<AttributeReference> input) {
        // A qualified match (t.col) takes precedence over a nested-field match (col.field), as in Spark.
        List<Candidate> matches = new ArrayList<>();
        if (parts.size() >= 2) {
            for (AttributeReference a : input) {
                if (matchesQualifier(a, parts.get(0)) && a.name().equalsIgnoreCase(parts.get(1))) {
                    matches.add(new Candidate(a, parts.subList(2, parts.size())));
                }
            }
        }
        if (matches.isEmpty()) {
            for (AttributeReference a : input) {
                if (a.name().equalsIgnoreCase(parts.get(0))) {
                    matches.add(new Candidate(a, parts.subList(1, parts.size())));
                }
            }
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        long distinct = matches.stream().map(m -> m.attribute.exprId()).distinct().count();
        if (distinct > 1) {
            throw new AnalysisException("AMBIGUOUS_REFERENCE", "Reference `" + String.join(".", parts)
                    + "` is ambiguous, could be: " + matches.stream()
                            .map(m -> "[" + qualifiedName(m.attribute) + "]").collect(Collectors.joining(", "))
                    + ".");
        }
        Candidate c = matches.get(0);
        Expression e = c.attribute;
        for (String field : c.nestedFields) {
            e = extractField(e, field, parts);
        }
        return Optional.of(e);
    }

    static Expression extractField(Expression e, String field, List<String> fullName) {
        if (!(e.dataType() instanceof StructType s)) {
            throw new AnalysisException("INVALID_EXTRACT_BASE_FIELD_TYPE", "Can't extract a value from \"" + e.sql()
                    + "\". Need a complex type [STRUCT, ARRAY, MAP] but got \"" + e.dataType().sql() + "\".");
        }
        int idx = s.indexOf(field);
        if (idx < 0) {
            throw new AnalysisException("FIELD_NOT_FOUND", "No such struct field `" + field + "` in "
                    + s.fieldNames().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")) + ".");
        }
        return new GetStructField(e, idx);
    }

    private static boolean matchesQualifier(AttributeReference a, String qualifier) {
        return !a.qualifier().isEmpty() && a.qualifier().get(a.qualifier().size() - 1).equalsIgnoreCase(qualifier);
    }

    private static String qualifiedName(AttributeReference a) {
        return (a.qualifier().isEmpty() ? "" : "`" + String.join("`.`", a.qualifier()) + "`.") + "`" + a.name() + "`";
    }

    /** Spark's UNRESOLVED_COLUMN error, with the closest names as suggestions. */
    static AnalysisException unresolvedColumn(String name, List<AttributeReference> input) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> candidates = input.stream().map(NameResolver::qualifiedName).distinct()
                .sorted(Comparator.comparingInt((String c) -> distance(lower, c.replace("`", "").toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(5).toList();
        if (candidates.isEmpty()) {
            return new AnalysisException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "A column, variable, or function "
                    + "parameter with name `" + name + "` cannot be resolved.");
        }
        return new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", "A column, variable, or function parameter "
                + "with name `" + name + "` cannot be resolved. Did you mean one of the following? ["
                + String.join(", ", candidates) + "].");
    }

    /** Levenshtein distance, for ordering suggestions. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private record Candidate(AttributeReference attribute, List<String> nestedFields) {
    }
}

package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.List;
import java.util.stream.Collectors;

/** A column named in a query, not yet bound: {@code amount}, {@code t.amount}, {@code s.field.sub}. */
public record UnresolvedAttribute(List<String> nameParts) implements Expression {
    public UnresolvedAttribute {
        nameParts = List.copyOf(nameParts);
        if (nameParts.isEmpty()) {
            throw new IllegalArgumentException("empty column name");
        }
    }

    public static UnresolvedAttribute of(String... parts) {
        return new UnresolvedAttribute(List.of(parts));
    }

    /** Splits {@code a.b.c} on dots outside backquotes, unquoting {@code `a.b`}. */
    public static UnresolvedAttribute quoted(String name) {
        return new UnresolvedAttribute(splitName(name));
    }

    public static List<String> splitName(String name) {
        List<String> parts = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuote = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '`') {
                if (inQuote && i + 1 < name.length() && name.charAt(i + 1) == '`') {
                    cur.append('`');
                    i++;
                } else {
                    inQuote = !inQuote;
                }
            } else if (c == '.' && !inQuote) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    public String name() {
        return nameParts.stream().map(p -> p.contains(".") ? "`" + p + "`" : p).collect(Collectors.joining("."));
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return Leaf.noChildren(this, children);
    }

    @Override
    public DataType dataType() {
        throw Unresolved.error(this, "dataType");
    }

    @Override
    public boolean nullable() {
        throw Unresolved.error(this, "nullable");
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public String sql() {
        return name();
    }
}

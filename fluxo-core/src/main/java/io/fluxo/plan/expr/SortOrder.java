package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.List;

/** One sort key: ascending puts nulls first, descending puts them last, unless said otherwise (Spark's defaults). */
public record SortOrder(Expression child, boolean ascending, boolean nullsFirst) implements Expression {
    public static SortOrder asc(Expression child) {
        return new SortOrder(child, true, true);
    }

    public static SortOrder desc(Expression child) {
        return new SortOrder(child, false, false);
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new SortOrder(children.get(0), ascending, nullsFirst);
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public String sql() {
        return child.sql() + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}

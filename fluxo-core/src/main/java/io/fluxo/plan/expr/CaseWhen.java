package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code CASE WHEN c1 THEN v1 … [ELSE e] END}; the simple form {@code CASE x WHEN a THEN …} is parsed into
 * equalities. Branch values share one type after coercion; no ELSE means NULL.
 */
public record CaseWhen(List<Branch> branches, Optional<Expression> elseValue) implements Expression {
    public record Branch(Expression condition, Expression value) {
    }

    public CaseWhen {
        branches = List.copyOf(branches);
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("CASE needs at least one WHEN");
        }
    }

    @Override
    public List<Expression> children() {
        List<Expression> out = new ArrayList<>(branches.size() * 2 + 1);
        for (Branch b : branches) {
            out.add(b.condition());
            out.add(b.value());
        }
        elseValue.ifPresent(out::add);
        return out;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        List<Branch> bs = new ArrayList<>(branches.size());
        for (int i = 0; i < branches.size(); i++) {
            bs.add(new Branch(children.get(2 * i), children.get(2 * i + 1)));
        }
        Optional<Expression> e = elseValue.isPresent() ? Optional.of(children.get(children.size() - 1))
                : Optional.empty();
        return new CaseWhen(bs, e);
    }

    @Override
    public DataType dataType() {
        return branches.get(0).value().dataType();
    }

    @Override
    public boolean nullable() {
        return elseValue.isEmpty() || elseValue.get().nullable()
                || branches.stream().anyMatch(b -> b.value().nullable());
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder("CASE");
        for (Branch b : branches) {
            sb.append(" WHEN ").append(b.condition().sql()).append(" THEN ").append(b.value().sql());
        }
        elseValue.ifPresent(e -> sb.append(" ELSE ").append(e.sql()));
        return sb.append(" END").toString();
    }
}

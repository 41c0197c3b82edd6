package io.fluxo.plan.logical;

import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Window functions over {@code child}: each of {@code windowExpressions} is an {@code Alias} of a
 * {@link io.fluxo.plan.expr.WindowExpression}; the output is the child's columns, then one column per expression.
 */
public record Window(List<Expression> windowExpressions, LogicalPlan child) implements LogicalPlan {
    public Window {
        windowExpressions = List.copyOf(windowExpressions);
        Objects.requireNonNull(child, "child is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new Window(windowExpressions, children.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(child.output());
        for (Expression e : windowExpressions) {
            out.add(((Alias) e).toAttribute());
        }
        return out;
    }

    @Override
    public List<Expression> expressions() {
        return windowExpressions;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new Window(windowExpressions.stream().map(rule).toList(), child);
    }

    @Override
    public String nodeString() {
        return "Window " + windowExpressions.stream().map(Expression::sql).toList();
    }
}

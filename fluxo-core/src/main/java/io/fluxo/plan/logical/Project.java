package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** SELECT list: each resolved entry is an attribute or an alias. */
public record Project(List<Expression> projectList, LogicalPlan child) implements LogicalPlan {
    public Project {
        projectList = List.copyOf(projectList);
        Objects.requireNonNull(child, "child is null");
    }

    /** Resolved once every entry also has a name (an attribute or an alias): the analyzer names the rest. */
    @Override
    public boolean resolved() {
        return projectList.stream().allMatch(e -> e instanceof io.fluxo.plan.expr.NamedExpression)
                && LogicalPlan.super.resolved();
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new Project(projectList, children.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return Nodes.toAttributes(projectList);
    }

    @Override
    public List<Expression> expressions() {
        return projectList;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new Project(Nodes.map(projectList, rule), child);
    }

    @Override
    public String nodeString() {
        return "Project [" + PlanText.exprs(projectList) + "]";
    }
}

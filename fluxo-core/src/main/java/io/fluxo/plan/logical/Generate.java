package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Runs a generator ({@code explode}) per input row; output = the child's columns then the generator's. */
public record Generate(Expression generator, List<AttributeReference> generatorOutput, LogicalPlan child)
        implements LogicalPlan {
    public Generate {
        generatorOutput = List.copyOf(generatorOutput);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new Generate(generator, generatorOutput, children.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(child.output());
        out.addAll(generatorOutput);
        return out;
    }

    @Override
    public List<Expression> expressions() {
        return List.of(generator);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new Generate(rule.apply(generator), generatorOutput, child);
    }

    @Override
    public String nodeString() {
        return "Generate " + PlanText.expr(generator) + ", " + PlanText.attrs(generatorOutput);
    }
}

package io.fluxo.plan.logical;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A scan of static data through a connector. {@code output} lists the columns the plan still needs, a subset of the
 * scan's schema in any order after column pruning; {@code fullOutput} keeps every column with stable ids.
 */
public record DataSourceRelation(BatchScan scan, List<AttributeReference> fullOutput, List<AttributeReference> output)
        implements LogicalPlan {
    public DataSourceRelation {
        Objects.requireNonNull(scan, "scan is null");
        fullOutput = List.copyOf(fullOutput);
        output = List.copyOf(output);
    }

    /** A relation reading every column of {@code scan}, with fresh attributes. */
    public static DataSourceRelation of(BatchScan scan) {
        List<AttributeReference> attrs = new ArrayList<>();
        scan.schema().fields().forEach(f -> attrs.add(AttributeReference.create(f.name(), f.dataType(), f.nullable())));
        return new DataSourceRelation(scan, attrs, attrs);
    }

    /** Positions in the scan's schema of the columns in {@link #output()}. */
    public int[] requiredColumns() {
        int[] out = new int[output.size()];
        for (int i = 0; i < out.length; i++) {
            AttributeReference a = output.get(i);
            int idx = -1;
            for (int j = 0; j < fullOutput.size(); j++) {
                if (fullOutput.get(j).sameRef(a)) {
                    idx = j;
                    break;
                }
            }
            if (idx < 0) {
                throw new io.fluxo.errors.InternalError("column " + a + " is not in scan " + scan.description());
            }
            out[i] = idx;
        }
        return out;
    }

    public DataSourceRelation withOutput(List<AttributeReference> newOutput) {
        return new DataSourceRelation(scan, fullOutput, newOutput);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return Nodes.leaf(this, children);
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return this;
    }

    @Override
    public String nodeString() {
        return "Relation " + scan.description() + " " + PlanText.attrs(output);
    }
}

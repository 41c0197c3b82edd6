package io.fluxo.exec.operator;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.List;

/**
 * The one value of a scalar subquery as a one-row batch: NULL when the subquery gives no row, an error when it gives
 * more than one (as Spark, at run time). Its child has one partition (the planner gathers it).
 */
public final class ScalarSubqueryExec implements PhysicalOperator {
    private final PhysicalOperator child;
    private final AttributeReference value;

    public ScalarSubqueryExec(PhysicalOperator child, AttributeReference value) {
        this.child = child;
        this.value = value;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public List<AttributeReference> output() {
        return List.of(value);
    }

    @Override
    public int numPartitions() {
        return 1;
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        ColumnVector out = ColumnVector.allocate(value.dataType(), 1);
        int seen = 0;
        try (BatchIterator in = child.open(0, context)) {
            ColumnBatch b;
            while ((b = in.next()) != null) {
                if (b.numRows() == 0) {
                    continue;
                }
                seen += b.numRows();
                if (seen > 1) {
                    throw new FluxoRuntimeException("SCALAR_SUBQUERY_TOO_MANY_ROWS", "More than one row returned by "
                            + "a subquery used as an expression.");
                }
                out.appendFrom(b.column(0), 0);
            }
        }
        if (seen == 0) {
            out.appendNull();
        }
        return BatchIterator.of(List.of(new ColumnBatch(new ColumnVector[] {out}, 1)));
    }

    @Override
    public String nodeString() {
        return "ScalarSubquery " + value;
    }
}

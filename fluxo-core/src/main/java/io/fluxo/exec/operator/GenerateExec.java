package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Explode;
import io.fluxo.types.IntegerType;
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.MapVector;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code explode} and its variants: each input row is repeated once per element of its array (or entry of its map),
 * next to the element. Null or empty collections yield no row, or one row of nulls for the {@code _outer} forms.
 */
public final class GenerateExec implements PhysicalOperator {
    private final Explode boundGenerator;
    private final List<AttributeReference> output;
    private final PhysicalOperator child;

    public GenerateExec(Explode boundGenerator, List<AttributeReference> output, PhysicalOperator child) {
        this.boundGenerator = boundGenerator;
        this.output = List.copyOf(output);
        this.child = child;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public int numPartitions() {
        return child.numPartitions();
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        VectorEvaluator collection = ExpressionCompiler.compile(boundGenerator.child(), context.evalContext());
        BatchIterator in = child.open(partition, context);
        return new BatchIterator() {
            @Override
            public ColumnBatch next() {
                ColumnBatch b;
                while ((b = in.next()) != null) {
                    ColumnBatch out = explode(b, collection.evaluate(b));
                    if (out.numRows() > 0) {
                        return out;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    private ColumnBatch explode(ColumnBatch b, ColumnVector values) {
        int[] offsets = values instanceof ArrayVector a ? a.offsets() : ((MapVector) values).offsets();
        boolean outer = boundGenerator.outer();
        int total = 0;
        for (int r = 0; r < b.numRows(); r++) {
            int len = values.isNull(r) ? 0 : offsets[r + 1] - offsets[r];
            total += len == 0 && outer ? 1 : len;
        }
        int[] inputRow = new int[total];
        int[] elementIndex = new int[total];
        boolean[] missing = outer ? new boolean[total] : null;
        int k = 0;
        for (int r = 0; r < b.numRows(); r++) {
            int len = values.isNull(r) ? 0 : offsets[r + 1] - offsets[r];
            if (len == 0 && outer) {
                inputRow[k] = r;
                missing[k++] = true;
                continue;
            }
            for (int e = 0; e < len; e++) {
                inputRow[k] = r;
                elementIndex[k++] = offsets[r] + e;
            }
        }
        List<ColumnVector> cols = new ArrayList<>();
        for (int c = 0; c < b.numColumns(); c++) {
            cols.add(b.column(c).gather(inputRow, total));
        }
        if (boundGenerator.withPosition()) {
            IntVector pos = new IntVector(IntegerType.INSTANCE, total);
            for (int i = 0; i < total; i++) {
                if (missing != null && missing[i]) {
                    pos.appendNull();
                } else {
                    pos.append(elementIndex[i] - offsets[inputRow[i]]);
                }
            }
            cols.add(pos);
        }
        if (values instanceof ArrayVector a) {
            cols.add(elements(a.elements(), elementIndex, missing, total));
        } else {
            MapVector m = (MapVector) values;
            cols.add(elements(m.keys(), elementIndex, missing, total));
            cols.add(elements(m.values(), elementIndex, missing, total));
        }
        return new ColumnBatch(cols.toArray(ColumnVector[]::new), total);
    }

    private static ColumnVector elements(ColumnVector source, int[] index, boolean[] missing, int total) {
        if (missing == null) {
            return source.gather(index, total);
        }
        ColumnVector out = ColumnVector.allocate(source.type(), total);
        for (int i = 0; i < total; i++) {
            if (missing[i]) {
                out.appendNull();
            } else {
                out.appendFrom(source, index[i]);
            }
        }
        return out;
    }

    @Override
    public String nodeString() {
        return "Generate " + boundGenerator.sql() + " " + Operators.attrs(output);
    }
}

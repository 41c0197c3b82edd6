package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.QueryExecutor;
import io.fluxo.exec.Stage;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash exchange: re-partitions the child's rows by a hash of key expressions into {@code numPartitions} partitions,
 * so that all rows with equal keys meet in one task. Each child partition is split by one task; the pieces for an
 * output partition are then read in child-partition order.
 */
public final class ShuffleExchangeExec implements Stage {
    private final List<Expression> boundKeys;
    private final int numPartitions;
    private final PhysicalOperator child;

    public ShuffleExchangeExec(List<Expression> boundKeys, int numPartitions, PhysicalOperator child) {
        this.boundKeys = List.copyOf(boundKeys);
        this.numPartitions = numPartitions;
        this.child = child;
    }

    @Override
    public List<List<ColumnBatch>> materialize(QueryExecutor executor, TaskContext context) {
        List<List<List<ColumnBatch>>> perTask = executor.runTasks(child, context, (partition, batches) ->
                split(batches, context));
        List<List<ColumnBatch>> out = new ArrayList<>(numPartitions);
        for (int p = 0; p < numPartitions; p++) {
            List<ColumnBatch> part = new ArrayList<>();
            for (List<List<ColumnBatch>> task : perTask) {
                part.addAll(task.get(p));
            }
            out.add(part);
        }
        return out;
    }

    private List<List<ColumnBatch>> split(BatchIterator batches, TaskContext context) {
        VectorEvaluator[] keys = new VectorEvaluator[boundKeys.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ExpressionCompiler.compile(boundKeys.get(i), context.evalContext());
        }
        List<List<ColumnBatch>> out = new ArrayList<>(numPartitions);
        for (int p = 0; p < numPartitions; p++) {
            out.add(new ArrayList<>());
        }
        long[] hashes = new long[ColumnBatch.DEFAULT_SIZE];
        int[] partitionOf = new int[ColumnBatch.DEFAULT_SIZE];
        int[] counts = new int[numPartitions];
        ColumnBatch b;
        while ((b = batches.next()) != null) {
            int n = b.numRows();
            if (numPartitions == 1) {
                out.get(0).add(b);
                continue;
            }
            if (hashes.length < n) {
                hashes = new long[n];
                partitionOf = new int[n];
            }
            ColumnVector[] keyVectors = new ColumnVector[keys.length];
            for (int i = 0; i < keys.length; i++) {
                keyVectors[i] = keys[i].evaluate(b);
            }
            HashPartitioning.assign(keyVectors, n, numPartitions, hashes, partitionOf);
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[partitionOf[i]]++;
            }
            int[][] positions = new int[numPartitions][];
            for (int p = 0; p < numPartitions; p++) {
                positions[p] = new int[counts[p]];
            }
            int[] fill = new int[numPartitions];
            for (int i = 0; i < n; i++) {
                int p = partitionOf[i];
                positions[p][fill[p]++] = i;
            }
            for (int p = 0; p < numPartitions; p++) {
                if (counts[p] == n) {
                    out.get(p).add(b);
                } else if (counts[p] > 0) {
                    out.get(p).add(b.gather(positions[p], counts[p]));
                }
            }
        }
        return out;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public int numPartitions() {
        return numPartitions;
    }

    @Override
    public String nodeString() {
        return "Exchange hashpartitioning(" + boundKeys.stream().map(Expression::sql)
                .collect(java.util.stream.Collectors.joining(", ")) + ", " + numPartitions + ")";
    }
}

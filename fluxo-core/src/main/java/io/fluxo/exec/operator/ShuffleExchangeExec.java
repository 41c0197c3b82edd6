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
import io.fluxo.types.DataType;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash exchange: re-partitions the child's rows by a hash of key expressions into {@code numPartitions} partitions,
 * so that all rows with equal keys meet in one task. Each child partition is split by one task; the pieces for an
 * output partition are then read in child-partition order.
 *
 * <p>A splitting task that holds the spill threshold's bytes of pieces writes them to a spill file and goes on; the
 * reading task reads them back a batch at a time, so an exchange holds at most a threshold's worth per splitting task
 * in memory. The run's {@link TaskContext} deletes the files when the run is over.
 */
public final class ShuffleExchangeExec implements Stage {
    private final List<Expression> boundKeys;
    private final int numPartitions;
    private final SpillFile.Settings spill;
    private final PhysicalOperator child;

    public ShuffleExchangeExec(List<Expression> boundKeys, int numPartitions, PhysicalOperator child) {
        this(boundKeys, numPartitions, SpillFile.Settings.NEVER, child);
    }

    public ShuffleExchangeExec(List<Expression> boundKeys, int numPartitions, SpillFile.Settings spill,
            PhysicalOperator child) {
        this.boundKeys = List.copyOf(boundKeys);
        this.numPartitions = numPartitions;
        this.spill = spill;
        this.child = child;
    }

    @Override
    public List<List<ColumnBatch>> materialize(QueryExecutor executor, TaskContext context) {
        List<List<List<ColumnBatch>>> perTask = executor.runTasks(child, context, (partition, batches) ->
                split(batches, context));
        List<List<ColumnBatch>> out = new ArrayList<>(numPartitions);
        for (int p = 0; p < numPartitions; p++) {
            List<List<ColumnBatch>> pieces = new ArrayList<>();
            for (List<List<ColumnBatch>> task : perTask) {
                pieces.add(task.get(p));
            }
            out.add(new Concatenated(pieces));
        }
        return out;
    }

    /** The pieces of one output partition, in order, without copying them (spilled ones are read when reached). */
    private static final class Concatenated extends AbstractList<ColumnBatch> {
        private final List<List<ColumnBatch>> pieces;
        private final int size;

        Concatenated(List<List<ColumnBatch>> pieces) {
            this.pieces = pieces;
            this.size = pieces.stream().mapToInt(List::size).sum();
        }

        @Override
        public ColumnBatch get(int index) {
            int i = index;
            for (List<ColumnBatch> piece : pieces) {
                if (i < piece.size()) {
                    return piece.get(i);
                }
                i -= piece.size();
            }
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public java.util.Iterator<ColumnBatch> iterator() {
            // By hand: a flat-mapped stream's iterator would read a whole piece (every spilled batch) at its first row.
            return new java.util.Iterator<>() {
                private int piece;
                private int index;

                @Override
                public boolean hasNext() {
                    while (piece < pieces.size() && index >= pieces.get(piece).size()) {
                        piece++;
                        index = 0;
                    }
                    return piece < pieces.size();
                }

                @Override
                public ColumnBatch next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return pieces.get(piece).get(index++);
                }
            };
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** One splitting task's pieces of one output partition: those it spilled (read back on access), then the rest. */
    private static final class TaskPieces extends AbstractList<ColumnBatch> {
        private final Path file;
        private final List<DataType> types;
        private final List<Long> spilled = new ArrayList<>();
        private final List<ColumnBatch> held = new ArrayList<>();

        TaskPieces(Path file, List<DataType> types) {
            this.file = file;
            this.types = types;
        }

        @Override
        public ColumnBatch get(int index) {
            if (index >= spilled.size()) {
                return held.get(index - spilled.size());
            }
            try (SpillFile.Reader reader = new SpillFile.Reader(file, types)) {
                return reader.read(spilled.get(index));
            }
        }

        @Override
        public int size() {
            return spilled.size() + held.size();
        }
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
        List<DataType> types = child.output().stream().map(AttributeReference::dataType).toList();
        SpillFile.Writer writer = null;
        List<TaskPieces> pieces = null;
        long held = 0;
        long[] hashes = new long[ColumnBatch.DEFAULT_SIZE];
        int[] partitionOf = new int[ColumnBatch.DEFAULT_SIZE];
        int[] counts = new int[numPartitions];
        ColumnBatch b;
        while ((b = batches.next()) != null) {
            int n = b.numRows();
            if (numPartitions == 1) {
                out.get(0).add(b);
            } else {
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
            held += b.sizeInBytes();
            if (held >= spill.thresholdBytes()) {
                if (writer == null) {
                    writer = new SpillFile.Writer(spill, "fluxo-exchange-", types);
                    context.registerSpillFile(writer.file());
                    pieces = new ArrayList<>();
                    for (int p = 0; p < numPartitions; p++) {
                        pieces.add(new TaskPieces(writer.file(), types));
                    }
                }
                for (int p = 0; p < numPartitions; p++) {
                    for (ColumnBatch piece : out.get(p)) {
                        pieces.get(p).spilled.add(writer.append(piece));
                    }
                    out.get(p).clear();
                }
                held = 0;
            }
        }
        if (writer == null) {
            return out;
        }
        writer.close();
        for (int p = 0; p < numPartitions; p++) {
            pieces.get(p).held.addAll(out.get(p));
        }
        return List.copyOf(pieces);
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

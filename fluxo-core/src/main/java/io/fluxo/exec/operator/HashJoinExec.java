package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.PredicateEvaluator;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.exec.hash.GroupByHashTable;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Equi-join by hashing: the build side's rows are chained per key (keys map to ids in a {@link GroupByHashTable});
 * each probe batch looks its keys up, expands the matches into (probe row, build row) pairs, applies any residual
 * condition, and gathers the output columns. NULL keys never match. The probe side is the preserved side of an
 * outer join; a full outer join also emits, at the end of its partition, the build rows nothing matched.
 *
 * <p>Without keys every probe row pairs with every build row (a nested-loop join, filtered by the residual).
 * The build side is either broadcast (a one-partition stage every task reads whole) or hash-partitioned on the
 * keys like the probe side, so partition {@code p} joins with partition {@code p}.
 */
public final class HashJoinExec implements PhysicalOperator {
    /** The join as seen from the probe side. */
    public enum Kind {
        INNER, PROBE_OUTER, FULL_OUTER, SEMI, ANTI
    }

    private final Kind kind;
    private final PhysicalOperator probe;
    private final PhysicalOperator build;
    private final boolean broadcast;
    private final boolean buildOnLeft;
    private final List<Expression> probeKeys;
    private final List<Expression> buildKeys;
    /** Keys compared with {@code <=>}: a NULL there matches a NULL; a NULL in any other key matches nothing. */
    private final boolean[] nullSafe;
    private final Optional<Expression> residual;
    private final List<AttributeReference> output;
    private final SpillFile.Settings spill;
    /** Per worker thread: match ids, probe rows and build rows of the batch being joined, reused across batches. */
    private final ThreadLocal<int[][]> scratch = ThreadLocal.withInitial(() -> new int[3][0]);

    public HashJoinExec(Kind kind, PhysicalOperator probe, PhysicalOperator build, boolean broadcast,
            boolean buildOnLeft, List<Expression> probeKeys, List<Expression> buildKeys, boolean[] nullSafe,
            Optional<Expression> residual, List<AttributeReference> output) {
        this(kind, probe, build, broadcast, buildOnLeft, probeKeys, buildKeys, nullSafe, residual, output,
                SpillFile.Settings.NEVER);
    }

    /**
     * As above; a shuffled join whose build partition passes {@code spill}'s threshold splits both sides of the
     * partition into spill files by a hash of the keys ({@link SpillFile.Partitioned}) and joins them file by file.
     */
    public HashJoinExec(Kind kind, PhysicalOperator probe, PhysicalOperator build, boolean broadcast,
            boolean buildOnLeft, List<Expression> probeKeys, List<Expression> buildKeys, boolean[] nullSafe,
            Optional<Expression> residual, List<AttributeReference> output, SpillFile.Settings spill) {
        this.spill = spill;
        this.kind = kind;
        this.probe = probe;
        this.build = build;
        this.broadcast = broadcast;
        this.buildOnLeft = buildOnLeft;
        this.probeKeys = List.copyOf(probeKeys);
        this.buildKeys = List.copyOf(buildKeys);
        this.nullSafe = nullSafe.clone();
        this.residual = residual;
        this.output = List.copyOf(output);
    }

    @Override
    public List<PhysicalOperator> children() {
        return buildOnLeft ? List.of(build, probe) : List.of(probe, build);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public int numPartitions() {
        return probe.numPartitions();
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        if (broadcast || spill.never()) {
            return joinWith(buildSide(build.open(broadcast ? 0 : partition, context), List.of(), context),
                    probe.open(partition, context), context);
        }
        BatchIterator buildRows = build.open(partition, context);
        List<ColumnBatch> held = new ArrayList<>();
        long bytes = 0;
        ColumnBatch b;
        while (bytes < spill.thresholdBytes() && (b = buildRows.next()) != null) {
            held.add(b);
            bytes += b.sizeInBytes();
        }
        if (bytes < spill.thresholdBytes()) {
            buildRows.close();
            return joinWith(buildSide(BatchIterator.empty(), held, context), probe.open(partition, context), context);
        }
        // Grace: both sides of this partition to files by key hash, then one file pair at a time.
        SpillFile.Partitioned buildFiles = split(held, buildRows, buildKeys, build, "fluxo-join-build-", context);
        SpillFile.Partitioned probeFiles = split(List.of(), probe.open(partition, context), probeKeys, probe,
                "fluxo-join-probe-", context);
        return BatchIterator.concat(HashPartitioning.SPILL_PARTITIONS, p -> joinWith(
                buildSide(buildFiles.read(p), List.of(), context), probeFiles.read(p), context));
    }

    /** Writes {@code first} and then the rest of {@code rows} to spill files by a hash of {@code keyExprs}. */
    private SpillFile.Partitioned split(List<ColumnBatch> first, BatchIterator rows, List<Expression> keyExprs,
            PhysicalOperator side, String prefix, TaskContext context) {
        SpillFile.Partitioned files = new SpillFile.Partitioned(spill, prefix,
                side.output().stream().map(AttributeReference::dataType).toList(), context);
        VectorEvaluator[] keys = Operators.compile(keyExprs, context);
        java.util.Iterator<ColumnBatch> held = first.iterator();
        try (rows) {
            for (ColumnBatch b = held.hasNext() ? held.next() : rows.next(); b != null;
                    b = held.hasNext() ? held.next() : rows.next()) {
                ColumnVector[] keyVectors = new ColumnVector[keys.length];
                for (int k = 0; k < keys.length; k++) {
                    keyVectors[k] = keys[k].evaluate(b);
                }
                files.append(b, keyVectors);
            }
        }
        files.finish();
        return files;
    }

    /** Joins the probe rows {@code in} with a built side. */
    private BatchIterator joinWith(BuildSide side, BatchIterator in, TaskContext context) {
        VectorEvaluator[] keys = Operators.compile(probeKeys, context);
        PredicateEvaluator condition = residual.map(r -> ExpressionCompiler.compilePredicate(r, context.evalContext()))
                .orElse(null);
        return new BatchIterator() {
            private final List<ColumnBatch> pending = new ArrayList<>();
            private boolean probeDone;

            @Override
            public ColumnBatch next() {
                while (pending.isEmpty()) {
                    if (probeDone) {
                        return null;
                    }
                    ColumnBatch b = in.next();
                    if (b == null) {
                        probeDone = true;
                        if (kind == Kind.FULL_OUTER) {
                            side.unmatchedBuildRows(pending);
                        }
                    } else {
                        join(b, side, keys, condition, context, pending);
                    }
                }
                return pending.remove(0);
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    private void join(ColumnBatch b, BuildSide side, VectorEvaluator[] keys, PredicateEvaluator condition,
            TaskContext context, List<ColumnBatch> out) {
        int n = b.numRows();
        ColumnVector[] keyVectors = new ColumnVector[keys.length];
        for (int k = 0; k < keys.length; k++) {
            keyVectors[k] = keys[k].evaluate(b);
        }
        int[][] buffers = scratch.get();
        int capacity = Math.max(ColumnBatch.DEFAULT_SIZE, n);
        if (buffers[0].length < capacity) {
            buffers[0] = new int[capacity];
            buffers[1] = new int[capacity];
            buffers[2] = new int[capacity];
        }
        int[] ids = buffers[0];
        side.table.lookup(keyVectors, n, ids);
        for (int key = 0; key < keyVectors.length; key++) {
            boolean[] nulls = nullSafe[key] ? null : keyVectors[key].nulls();
            if (nulls != null) {
                for (int i = 0; i < n; i++) {
                    if (nulls[i]) {
                        ids[i] = -1;
                    }
                }
            }
        }
        boolean[] probeMatched = kind == Kind.INNER ? null : new boolean[n];
        int[] probeRows = buffers[1];
        int[] buildRows = buffers[2];
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int r = ids[i] < 0 ? -1 : side.head[ids[i]]; r >= 0; r = side.next[r]) {
                if (pairs == probeRows.length) {
                    // Flush full buffers: outer and semi joins only need the match marks, which accumulate.
                    emitPairs(b, side, probeRows, buildRows, pairs, probeMatched, condition, out);
                    pairs = 0;
                }
                probeRows[pairs] = i;
                buildRows[pairs++] = r;
                if (condition == null && (kind == Kind.SEMI || kind == Kind.ANTI)) {
                    break;
                }
            }
        }
        emitPairs(b, side, probeRows, buildRows, pairs, probeMatched, condition, out);
        if (kind == Kind.SEMI || kind == Kind.ANTI) {
            int[] keep = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (probeMatched[i] == (kind == Kind.SEMI)) {
                    keep[count++] = i;
                }
            }
            if (count > 0) {
                out.add(count == n ? b : b.gather(keep, count));
            }
        } else if (kind == Kind.PROBE_OUTER || kind == Kind.FULL_OUTER) {
            int[] unmatched = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (!probeMatched[i]) {
                    unmatched[count++] = i;
                }
            }
            if (count > 0) {
                out.add(assemble(b.gather(unmatched, count), nullBatch(side.types, count), count));
            }
        }
    }

    /** Keeps the pairs the residual accepts, marks what matched, and (for joins that output pairs) emits them. */
    private void emitPairs(ColumnBatch b, BuildSide side, int[] probeRows, int[] buildRows, int pairs,
            boolean[] probeMatched, PredicateEvaluator condition, List<ColumnBatch> out) {
        if (pairs == 0) {
            return;
        }
        for (int from = 0; from < pairs; from += ColumnBatch.DEFAULT_SIZE) {
            int count = Math.min(ColumnBatch.DEFAULT_SIZE, pairs - from);
            // Gathers read only the first count positions: slice only past the first batch.
            int[] p = from == 0 ? probeRows : Arrays.copyOfRange(probeRows, from, from + count);
            int[] r = from == 0 ? buildRows : Arrays.copyOfRange(buildRows, from, from + count);
            ColumnBatch probeCols = isIdentity(p, count, b.numRows()) ? b : b.gather(p, count);
            ColumnBatch joined = assemble(probeCols, side.rows.gather(r, count), count);
            if (condition != null) {
                int[] selection = new int[count];
                int kept = condition.select(joined, selection);
                if (kept < count) {
                    joined = joined.gather(selection, kept);
                    for (int i = 0; i < kept; i++) {
                        p[i] = p[selection[i]];
                        r[i] = r[selection[i]];
                    }
                    count = kept;
                }
            }
            for (int i = 0; i < count; i++) {
                if (probeMatched != null) {
                    probeMatched[p[i]] = true;
                }
                if (side.matched != null) {
                    side.matched[r[i]] = true;
                }
            }
            if (count > 0 && kind != Kind.SEMI && kind != Kind.ANTI) {
                out.add(joined);
            }
        }
    }

    /** True when the pairs list every probe row once, in order: the probe batch is then used as it is. */
    private static boolean isIdentity(int[] positions, int count, int rows) {
        if (count != rows) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Probe and build columns in output order. */
    private ColumnBatch assemble(ColumnBatch probeCols, ColumnBatch buildCols, int count) {
        ColumnBatch first = buildOnLeft ? buildCols : probeCols;
        ColumnBatch second = buildOnLeft ? probeCols : buildCols;
        ColumnVector[] cols = new ColumnVector[first.numColumns() + second.numColumns()];
        for (int c = 0; c < first.numColumns(); c++) {
            cols[c] = first.column(c);
        }
        for (int c = 0; c < second.numColumns(); c++) {
            cols[first.numColumns() + c] = second.column(c);
        }
        return new ColumnBatch(cols, count);
    }

    private static ColumnBatch nullBatch(List<DataType> types, int count) {
        ColumnVector[] cols = new ColumnVector[types.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVector.allocate(types.get(c), count);
            for (int i = 0; i < count; i++) {
                cols[c].appendNull();
            }
        }
        return new ColumnBatch(cols, count);
    }

    /** The build rows of one partition, chained per key: {@code head[key id]} → row → {@code next[row]} → … → -1. */
    private final class BuildSide {
        final ColumnBatch rows;
        final List<DataType> types;
        final GroupByHashTable table;
        final int[] head;
        final int[] next;
        final boolean[] matched;

        BuildSide(ColumnBatch rows, List<DataType> types, GroupByHashTable table, int[] head, int[] next) {
            this.rows = rows;
            this.types = types;
            this.table = table;
            this.head = head;
            this.next = next;
            this.matched = kind == Kind.FULL_OUTER ? new boolean[rows.numRows()] : null;
        }

        void unmatchedBuildRows(List<ColumnBatch> out) {
            int n = rows.numRows();
            int[] unmatched = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (!matched[i]) {
                    unmatched[count++] = i;
                }
            }
            List<DataType> probeTypes = probe.output().stream().map(AttributeReference::dataType).toList();
            for (int from = 0; from < count; from += ColumnBatch.DEFAULT_SIZE) {
                int c = Math.min(ColumnBatch.DEFAULT_SIZE, count - from);
                int[] positions = Arrays.copyOfRange(unmatched, from, from + c);
                out.add(assemble(nullBatch(probeTypes, c), rows.gather(positions, c), c));
            }
        }
    }

    /** The build side from {@code held} and then the rest of {@code in}. */
    private BuildSide buildSide(BatchIterator in, List<ColumnBatch> held, TaskContext context) {
        List<ColumnBatch> batches = new ArrayList<>(held);
        try (in) {
            ColumnBatch b;
            while ((b = in.next()) != null) {
                batches.add(b);
            }
        }
        List<DataType> types = build.output().stream().map(AttributeReference::dataType).toList();
        ColumnBatch rows = batches.isEmpty() ? ColumnBatch.concat(List.of(), types) : ColumnBatch.concat(batches, types);
        int n = rows.numRows();
        VectorEvaluator[] keys = Operators.compile(buildKeys, context);
        ColumnVector[] keyVectors = new ColumnVector[keys.length];
        for (int k = 0; k < keys.length; k++) {
            keyVectors[k] = keys[k].evaluate(rows);
        }
        GroupByHashTable table = GroupByHashTable.create(buildKeys.stream().map(Expression::dataType).toList(), n);
        int[] ids = new int[n];
        table.groupIds(keyVectors, n, ids);
        int[] head = new int[table.size()];
        Arrays.fill(head, -1);
        int[] next = new int[n];
        // Chain rows in reverse so each key's chain lists its rows in input order.
        for (int i = n - 1; i >= 0; i--) {
            boolean nullKey = false;
            for (int key = 0; key < keyVectors.length; key++) {
                nullKey |= !nullSafe[key] && keyVectors[key].isNull(i);
            }
            if (nullKey) {
                next[i] = -1;
                continue;
            }
            next[i] = head[ids[i]];
            head[ids[i]] = i;
        }
        return new BuildSide(rows, types, table, head, next);
    }

    @Override
    public String nodeString() {
        return (broadcast ? "BroadcastHashJoin " : "ShuffledHashJoin ") + kind + " " + Operators.exprs(probeKeys)
                + " = " + Operators.exprs(buildKeys) + residual.map(r -> ", " + r.sql()).orElse("")
                + (buildOnLeft ? ", build left" : ", build right");
    }
}

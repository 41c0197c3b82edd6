package io.fluxo.exec.operator;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.FluxoException;
import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.vector.ColumnBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads a connector's scan: one task per input partition, only the required columns. */
public final class ScanExec implements PhysicalOperator {
    private final BatchScan scan;
    private final List<InputPartition> partitions;
    private final int[] requiredColumns;
    private final List<AttributeReference> output;

    public ScanExec(BatchScan scan, List<InputPartition> partitions, int[] requiredColumns,
            List<AttributeReference> output) {
        this.scan = scan;
        this.partitions = List.copyOf(partitions);
        this.requiredColumns = requiredColumns.clone();
        this.output = List.copyOf(output);
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public int numPartitions() {
        return Math.max(1, partitions.size());
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        if (partitions.isEmpty()) {
            return BatchIterator.empty();
        }
        InputPartition p = partitions.get(partition);
        PartitionReader reader;
        try {
            reader = scan.createReader(p, requiredColumns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p.description() + ": " + e.getMessage(), e);
        }
        return new BatchIterator() {
            @Override
            public ColumnBatch next() {
                try {
                    ColumnBatch b;
                    do {
                        b = reader.next();
                    } while (b != null && b.numRows() == 0);
                    return b;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + p.description() + ": " + e.getMessage(), e);
                } catch (FluxoException e) {
                    throw e;
                }
            }

            @Override
            public void close() {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Override
    public String nodeString() {
        return "Scan " + scan.description() + " " + Operators.attrs(output) + " (" + partitions.size() + " partitions)";
    }
}

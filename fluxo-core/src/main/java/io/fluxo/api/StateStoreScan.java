package io.fluxo.api;

import io.fluxo.checkpoint.CommitLog;
import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.AnalysisException;
import io.fluxo.sql.SqlParser;
import io.fluxo.state.StateStore;
import io.fluxo.state.StateStoreConf;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.StructVector;
import io.fluxo.vector.row.BinaryRowCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The state of a stateful operator as a table, as Spark's state data source:
 * {@code session.read().format("statestore").option("operatorId", 0).option("batchId", 7).load(checkpoint)} gives
 * one row per key of each state partition: {@code key} and {@code value} structs in the operator's stored schemas and
 * {@code partition_id}. Without {@code batchId}, the state after the last committed batch.
 */
final class StateStoreScan implements BatchScan {
    private final Path stateDir;
    private final int operatorId;
    private final long version;
    private final StructType keySchema;
    private final StructType valueSchema;
    private final StructType schema;

    StateStoreScan(Path checkpoint, Map<String, String> options) {
        this.operatorId = intOption(options, "operatorId", 0);
        this.stateDir = checkpoint.resolve("state").resolve(Integer.toString(operatorId));
        Path schemaFile = stateDir.resolve("_schema");
        if (!Files.exists(schemaFile)) {
            throw new AnalysisException("STDS_NO_STATE", "There is no state for operator " + operatorId + " in "
                    + checkpoint + ": no " + schemaFile + ".");
        }
        String kind = null;
        String key = null;
        String value = null;
        try {
            for (String line : Files.readAllLines(schemaFile)) {
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    continue;
                }
                String field = line.substring(0, colon);
                String text = line.substring(colon + 2);
                if (field.equals("operator")) {
                    kind = text;
                } else if (field.equals("key")) {
                    key = text;
                } else if (field.equals("value")) {
                    value = text;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + schemaFile + ": " + e.getMessage(), e);
        }
        if (kind == null || key == null || value == null || !value.startsWith("STRUCT<")) {
            throw new AnalysisException("STDS_UNSUPPORTED_OPERATOR", "The state of operator " + operatorId + " ("
                    + kind + ") cannot be read as a table: its stored value schema is " + value + ".");
        }
        this.keySchema = (StructType) SqlParser.parseDataType(key);
        this.valueSchema = (StructType) SqlParser.parseDataType(value);
        long batchId = options.containsKey("batchId") ? intOption(options, "batchId", 0)
                : new CommitLog(checkpoint.resolve("commits")).latestBatchId().orElseThrow(() ->
                        new AnalysisException("STDS_NO_COMMITTED_BATCH", "The query of " + checkpoint
                                + " has not committed a batch yet: there is no state to read."));
        this.version = batchId + 1;
        this.schema = StructType.empty().add("key", keySchema, false).add("value", valueSchema, false)
                .add("partition_id", DataTypes.IntegerType, false);
    }

    private static int intOption(Map<String, String> options, String name, int defaultValue) {
        String v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new AnalysisException("STDS_INVALID_OPTION_VALUE", "Invalid value '" + v + "' for option '" + name
                    + "': expected a whole number.");
        }
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String description() {
        return "statestore [" + stateDir + ", version " + version + "]";
    }

    private record StatePartition(int partition) implements InputPartition {
        @Override
        public String description() {
            return "state partition " + partition;
        }
    }

    @Override
    public List<InputPartition> planInputPartitions() throws IOException {
        List<InputPartition> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(stateDir)) {
            dirs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).sorted()
                    .forEach(n -> out.add(new StatePartition(Integer.parseInt(n))));
        }
        return out;
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) {
        int id = ((StatePartition) partition).partition();
        StateStore store = StateStore.load(stateDir.resolve(Integer.toString(id)), version, StateStoreConf.DEFAULT);
        List<DataType> keyTypes = keySchema.fields().stream().map(f -> f.dataType()).toList();
        List<DataType> valueTypes = valueSchema.fields().stream().map(f -> f.dataType()).toList();
        BinaryRowCodec keyCodec = new BinaryRowCodec(keyTypes);
        BinaryRowCodec valueCodec = new BinaryRowCodec(valueTypes);
        int rows = (int) store.numKeys();
        ColumnVector[] keys = allocate(keyTypes, rows);
        ColumnVector[] values = allocate(valueTypes, rows);
        store.forEach((k, v) -> {
            keyCodec.decode(k, 0, keys);
            valueCodec.decode(v, 0, values);
        });
        int[] partitions = new int[Math.max(1, rows)];
        java.util.Arrays.fill(partitions, id);
        ColumnVector[] all = {StructVector.wrap(keySchema, keys, rows, null),
            StructVector.wrap(valueSchema, values, rows, null),
            IntVector.wrap(DataTypes.IntegerType, partitions, rows, null)};
        ColumnVector[] picked = new ColumnVector[requiredColumns.length];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = all[requiredColumns[i]];
        }
        ColumnBatch batch = new ColumnBatch(picked, rows);
        return new PartitionReader() {
            private boolean done;

            @Override
            public ColumnBatch next() {
                if (done || rows == 0) {
                    return null;
                }
                done = true;
                return batch;
            }

            @Override
            public void close() {
            }
        };
    }

    private static ColumnVector[] allocate(List<DataType> types, int capacity) {
        ColumnVector[] out = new ColumnVector[types.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ColumnVector.allocate(types.get(i), Math.max(1, capacity));
        }
        return out;
    }
}

package io.fluxo.connector.file;

import io.fluxo.errors.AnalysisException;
import io.fluxo.types.DataType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.row.BinaryRowCodec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits batches by the values of the partition columns of a {@code partitionBy} write: each group of rows goes to its
 * {@code name=value/…} folder, without the partition columns, as Spark writes them. Rows are grouped by the binary
 * encoding of their partition values, so a folder name is built once per group, not per row.
 */
public final class PartitionSplitter {
    private final int[] partitionOrdinals;
    private final int[] dataOrdinals;
    private final StructType schema;
    private final StructType dataSchema;
    private final BinaryRowCodec codec;
    private final BinaryRowCodec.Encoded encoded = new BinaryRowCodec.Encoded();
    private final ZoneId zone;

    public PartitionSplitter(StructType schema, List<String> partitionColumns, ZoneId zone) {
        this.schema = schema;
        this.zone = zone;
        List<StructField> fields = schema.fields();
        partitionOrdinals = new int[partitionColumns.size()];
        List<DataType> partitionTypes = new ArrayList<>();
        for (int i = 0; i < partitionOrdinals.length; i++) {
            String name = partitionColumns.get(i);
            int ordinal = -1;
            for (int f = 0; f < fields.size(); f++) {
                if (fields.get(f).name().equalsIgnoreCase(name)) {
                    ordinal = f;
                }
            }
            if (ordinal < 0) {
                throw new AnalysisException("PARTITION_COLUMN_NOT_FOUND", "Partition column `" + name
                        + "` not found in schema " + schema.toDDL() + ".");
            }
            partitionOrdinals[i] = ordinal;
            partitionTypes.add(fields.get(ordinal).dataType());
        }
        List<Integer> data = new ArrayList<>();
        List<StructField> dataFields = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            final int ordinal = f;
            if (Arrays.stream(partitionOrdinals).noneMatch(p -> p == ordinal)) {
                data.add(f);
                dataFields.add(fields.get(f));
            }
        }
        if (data.isEmpty()) {
            throw new AnalysisException("ALL_PARTITION_COLUMNS_NOT_ALLOWED", "Cannot use all columns for partition "
                    + "columns.");
        }
        dataOrdinals = data.stream().mapToInt(Integer::intValue).toArray();
        dataSchema = new StructType(dataFields);
        codec = new BinaryRowCodec(partitionTypes);
    }

    /** The columns written into the files: all but the partition columns. */
    public StructType dataSchema() {
        return dataSchema;
    }

    /** The rows of {@code batch} by partition folder ({@code a=1/b=x}), each without its partition columns. */
    public Map<String, ColumnBatch> split(ColumnBatch batch) {
        int n = batch.numRows();
        ColumnVector[] keys = new ColumnVector[partitionOrdinals.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = batch.column(partitionOrdinals[i]);
        }
        codec.encode(keys, n, encoded);
        byte[] bytes = encoded.bytes();
        int[] offsets = encoded.offsets();
        Map<KeySlice, Group> groups = new HashMap<>();
        List<Group> order = new ArrayList<>();
        KeySlice probe = new KeySlice();
        for (int row = 0; row < n; row++) {
            probe.set(bytes, offsets[row], offsets[row + 1]);
            Group g = groups.get(probe);
            if (g == null) {
                g = new Group(row);
                groups.put(probe.copy(), g);
                order.add(g);
            }
            g.add(row);
        }
        Map<String, ColumnBatch> out = new LinkedHashMap<>();
        for (Group g : order) {
            StringBuilder folder = new StringBuilder();
            for (int i = 0; i < partitionOrdinals.length; i++) {
                if (i > 0) {
                    folder.append('/');
                }
                folder.append(PartitionPaths.folderName(schema.fields().get(partitionOrdinals[i]).name(), keys[i],
                        g.firstRow, zone));
            }
            out.put(folder.toString(), batch.gather(g.rows, g.size).selectColumns(dataOrdinals));
        }
        return out;
    }

    /** The encoded partition values of one row; the probe instance is reused so lookups allocate nothing. */
    private static final class KeySlice {
        private byte[] bytes;
        private int from;
        private int to;
        private int hash;

        void set(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        KeySlice copy() {
            KeySlice k = new KeySlice();
            k.set(Arrays.copyOfRange(bytes, from, to), 0, to - from);
            return k;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeySlice k && hash == k.hash
                    && Arrays.equals(bytes, from, to, k.bytes, k.from, k.to);
        }
    }

    private static final class Group {
        final int firstRow;
        int[] rows = new int[16];
        int size;

        Group(int firstRow) {
            this.firstRow = firstRow;
        }

        void add(int row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
            }
            rows[size++] = row;
        }
    }
}

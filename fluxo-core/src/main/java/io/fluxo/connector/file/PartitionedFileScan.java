package io.fluxo.connector.file;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file scan over {@code name=value} partition folders: the format's own scan for the files of each folder, with
 * the partition columns appended to its rows as constants, as Spark's file sources do (data columns first, then the
 * partition columns).
 */
public final class PartitionedFileScan implements BatchScan {
    private final StructType schema;
    private final int dataColumns;
    private final List<BatchScan> folderScans = new ArrayList<>();
    /** Per folder, one single-row vector per partition column holding its value. */
    private final List<ColumnVector[]> folderValues = new ArrayList<>();
    private final String description;

    public PartitionedFileScan(FileFormat format, List<FileListing.PartitionedFile> files, StructType dataSchema,
            StructType partitionSchema, FileOptions options) {
        List<StructField> fields = new ArrayList<>(dataSchema.fields());
        fields.addAll(partitionSchema.fields());
        this.schema = new StructType(fields);
        this.dataColumns = dataSchema.fields().size();
        Map<List<String>, List<Path>> byFolder = new LinkedHashMap<>();
        for (FileListing.PartitionedFile f : files) {
            byFolder.computeIfAbsent(new ArrayList<>(f.partitionValues().values()), k -> new ArrayList<>())
                    .add(f.file());
        }
        for (Map.Entry<List<String>, List<Path>> folder : byFolder.entrySet()) {
            folderScans.add(format.createScan(folder.getValue(), dataSchema, options));
            ColumnVector[] values = new ColumnVector[partitionSchema.fields().size()];
            for (int i = 0; i < values.length; i++) {
                StructField field = partitionSchema.fields().get(i);
                values[i] = ColumnVector.allocate(field.dataType(), 1);
                values[i].appendObject(typed(folder.getKey().get(i), field, options, folder.getValue().get(0)));
            }
            folderValues.add(values);
        }
        this.description = format.name() + " [" + byFolder.size() + " partition folders]";
    }

    private static Object typed(String text, StructField field, FileOptions options, Path example) {
        if (text == null) {
            return null;
        }
        DataType type = field.dataType();
        try {
            if (type == DataTypes.StringType) {
                return text;
            } else if (type == DataTypes.IntegerType) {
                return Integer.valueOf(text);
            } else if (type == DataTypes.LongType) {
                return Long.valueOf(text);
            } else if (type == DataTypes.DoubleType) {
                return Double.valueOf(text);
            } else if (type == DataTypes.BooleanType) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new NumberFormatException(text);
                }
                return Boolean.valueOf(text);
            } else if (type == DataTypes.DateType) {
                Integer days = DateTimeUtils.parseDate(text);
                if (days != null) {
                    return days;
                }
            } else if (type instanceof TimestampType) {
                Long micros = DateTimeUtils.parseTimestamp(text, options.sessionZone());
                if (micros != null) {
                    return micros;
                }
            }
        } catch (NumberFormatException e) {
            // reported below, with the folder
        }
        throw new AnalysisException("PARTITION_VALUE_INVALID", "The partition folder value '" + text + "' of "
                + FileListing.display(example.getParent()) + " is not a valid " + type.sql() + " for column `"
                + field.name() + "`.");
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<InputPartition> planInputPartitions() throws IOException {
        List<InputPartition> out = new ArrayList<>();
        for (int i = 0; i < folderScans.size(); i++) {
            for (InputPartition p : folderScans.get(i).planInputPartitions()) {
                out.add(new FolderPartition(i, p));
            }
        }
        return out;
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) throws IOException {
        FolderPartition fp = (FolderPartition) partition;
        List<Integer> data = new ArrayList<>();
        for (int c : requiredColumns) {
            if (c < dataColumns) {
                data.add(c);
            }
        }
        PartitionReader inner = folderScans.get(fp.folder()).createReader(fp.inner(),
                data.stream().mapToInt(Integer::intValue).toArray());
        ColumnVector[] values = folderValues.get(fp.folder());
        return new PartitionReader() {
            private int[] zeros = new int[0];

            @Override
            public ColumnBatch next() throws IOException {
                ColumnBatch batch = inner.next();
                if (batch == null) {
                    return null;
                }
                int n = batch.numRows();
                if (zeros.length < n) {
                    zeros = new int[n];
                }
                ColumnVector[] columns = new ColumnVector[requiredColumns.length];
                int d = 0;
                for (int i = 0; i < columns.length; i++) {
                    int c = requiredColumns[i];
                    columns[i] = c < dataColumns ? batch.column(d++) : values[c - dataColumns].gather(zeros, n);
                }
                return new ColumnBatch(columns, n);
            }

            @Override
            public void close() throws IOException {
                inner.close();
            }
        };
    }

    private record FolderPartition(int folder, InputPartition inner) implements InputPartition {
        @Override
        public String description() {
            return inner.description();
        }
    }
}

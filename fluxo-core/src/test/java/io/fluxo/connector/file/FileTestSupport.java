package io.fluxo.connector.file;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.BatchWriter;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing files in tests, with rows as lists of plain Java values (structs as lists too). */
final class FileTestSupport {
    private FileTestSupport() {
    }

    static FileOptions opts(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return FileOptions.of(m);
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readString(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All rows of all columns. */
    static List<List<Object>> read(FileFormat format, List<Path> files, StructType schema, FileOptions options)
            throws IOException {
        int[] all = new int[schema.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return read(format, files, schema, options, all);
    }

    static List<List<Object>> read(FileFormat format, Path file, StructType schema, FileOptions options)
            throws IOException {
        return read(format, List.of(file), schema, options);
    }

    static List<List<Object>> read(FileFormat format, List<Path> files, StructType schema, FileOptions options,
            int[] required) throws IOException {
        List<List<Object>> out = new ArrayList<>();
        for (ColumnBatch b : batches(format, files, schema, options, required)) {
            out.addAll(rows(b));
        }
        return out;
    }

    static List<ColumnBatch> batches(FileFormat format, List<Path> files, StructType schema, FileOptions options,
            int[] required) throws IOException {
        BatchScan scan = format.createScan(files, schema, options);
        List<ColumnBatch> out = new ArrayList<>();
        for (InputPartition p : scan.planInputPartitions()) {
            try (PartitionReader r = scan.createReader(p, required)) {
                for (ColumnBatch b = r.next(); b != null; b = r.next()) {
                    if (b.numRows() == 0) {
                        throw new AssertionError("a reader returned an empty batch");
                    }
                    out.add(b);
                }
            }
        }
        return out;
    }

    /** Dropped-record count over all partitions. */
    static long dropped(FileFormat format, List<Path> files, StructType schema, FileOptions options)
            throws IOException {
        BatchScan scan = format.createScan(files, schema, options);
        long total = 0;
        int[] all = new int[schema.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (InputPartition p : scan.planInputPartitions()) {
            try (PartitionReader r = scan.createReader(p, all)) {
                while (r.next() != null) {
                    // drain
                }
                total += ((MalformedRecordCounter) r).droppedMalformed();
            }
        }
        return total;
    }

    static List<List<Object>> rows(ColumnBatch b) {
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < b.numRows(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < b.numColumns(); c++) {
                row.add(plain(b.column(c).getObject(r)));
            }
            out.add(row);
        }
        return out;
    }

    /** Structs (Object[]) as lists, byte[] as lists of bytes, recursively, so rows compare with equals. */
    static Object plain(Object v) {
        if (v instanceof Object[] a) {
            List<Object> l = new ArrayList<>();
            for (Object o : a) {
                l.add(plain(o));
            }
            return l;
        }
        if (v instanceof byte[] b) {
            List<Byte> l = new ArrayList<>();
            for (byte x : b) {
                l.add(x);
            }
            return l;
        }
        if (v instanceof List<?> list) {
            List<Object> l = new ArrayList<>();
            for (Object o : list) {
                l.add(plain(o));
            }
            return l;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(plain(k), plain(x)));
            return out;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        return v;
    }

    static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** Writes rows (internal-form values) with the format into one file. */
    static void writeFile(FileFormat format, Path file, StructType schema, FileOptions options, List<Object[]> rows)
            throws IOException {
        BatchWriter w = format.createWriter(file, schema, options);
        w.write(batchOf(schema, rows));
        w.commit();
    }

    static ColumnBatch batchOf(StructType schema, List<Object[]> rows) {
        ColumnVector[] cols = new ColumnVector[schema.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVector.allocate(schema.field(c).dataType(), Math.max(rows.size(), 1));
            for (Object[] row : rows) {
                cols[c].appendObject(row[c]);
            }
        }
        return new ColumnBatch(cols, rows.size());
    }
}

package io.fluxo.exec;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test inputs for operator reference tests: rows (one Java value per column, as the engine's vectors take them) cut
 * into batches of random sizes, some of them empty, so a query sees several batches per partition and several
 * partitions; and query results back as lists of Java values.
 */
public final class BatchedFrames {
    private BatchedFrames() {
    }

    /** A DataFrame over {@code rows}, in batches of 1 to {@code maxBatch} rows (now and then an empty one). */
    public static DataFrame frame(Session session, StructType schema, List<Object[]> rows, int maxBatch,
            Random random) {
        List<ColumnBatch> batches = new ArrayList<>();
        int from = 0;
        while (from < rows.size()) {
            int size = random.nextInt(12) == 0 ? 0 : Math.min(rows.size() - from, 1 + random.nextInt(maxBatch));
            batches.add(batch(schema, rows.subList(from, from + size)));
            from += size;
        }
        return session.createDataFrame(schema, batches);
    }

    /** One batch holding {@code rows}. */
    public static ColumnBatch batch(StructType schema, List<Object[]> rows) {
        ColumnVector[] columns = new ColumnVector[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = ColumnVector.allocate(schema.field(c).dataType(), Math.max(1, rows.size()));
            for (Object[] row : rows) {
                columns[c].appendObject(row[c]);
            }
        }
        return new ColumnBatch(columns, rows.size());
    }

    /** The result rows of {@code df}, in the order the engine returned them. */
    public static List<List<Object>> collect(DataFrame df) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.toList());
        }
        return out;
    }
}

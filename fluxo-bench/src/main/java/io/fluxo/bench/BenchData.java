package io.fluxo.bench;

import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.LongVector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generated benchmark inputs, built directly as column batches so set-up time stays out of the measurement. */
final class BenchData {
    static final StructType LONG_DOUBLE = StructType.empty().add("a", DataTypes.LongType).add("b", DataTypes.DoubleType);
    static final StructType KEY_VALUE = StructType.empty().add("k", DataTypes.LongType).add("v", DataTypes.LongType);
    static final StructType STRING_KEY_VALUE = StructType.empty().add("k", DataTypes.StringType)
            .add("v", DataTypes.LongType);

    private BenchData() {
    }

    /** {@code a} uniform in [0, 1000), {@code b} uniform in [0, 1). */
    static List<ColumnBatch> longDouble(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ColumnBatch> out = new ArrayList<>();
        for (int from = 0; from < rows; from += ColumnBatch.DEFAULT_SIZE) {
            int n = Math.min(ColumnBatch.DEFAULT_SIZE, rows - from);
            long[] a = new long[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(1000);
                b[i] = random.nextDouble();
            }
            out.add(new ColumnBatch(new ColumnVector[] {LongVector.wrap(DataTypes.LongType, a, n, null),
                DoubleVector.wrap(b, n, null)}, n));
        }
        return out;
    }

    /** {@code k} uniform over {@code keys} distinct BIGINT keys, {@code v} small values. */
    static List<ColumnBatch> keyValue(int rows, int keys, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ColumnBatch> out = new ArrayList<>();
        for (int from = 0; from < rows; from += ColumnBatch.DEFAULT_SIZE) {
            int n = Math.min(ColumnBatch.DEFAULT_SIZE, rows - from);
            long[] k = new long[n];
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                k[i] = random.nextInt(keys);
                v[i] = random.nextInt(100);
            }
            out.add(new ColumnBatch(new ColumnVector[] {LongVector.wrap(DataTypes.LongType, k, n, null),
                LongVector.wrap(DataTypes.LongType, v, n, null)}, n));
        }
        return out;
    }

    /** {@code k} uniform over {@code keys} distinct strings such as {@code customer-000123}. */
    static List<ColumnBatch> stringKeyValue(int rows, int keys, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] names = new byte[keys][];
        for (int i = 0; i < keys; i++) {
            names[i] = String.format("customer-%06d", i).getBytes(StandardCharsets.UTF_8);
        }
        List<ColumnBatch> out = new ArrayList<>();
        for (int from = 0; from < rows; from += ColumnBatch.DEFAULT_SIZE) {
            int n = Math.min(ColumnBatch.DEFAULT_SIZE, rows - from);
            BytesVector k = BytesVector.strings(n);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                k.append(names[random.nextInt(keys)]);
                v[i] = random.nextInt(100);
            }
            out.add(new ColumnBatch(new ColumnVector[] {k, LongVector.wrap(DataTypes.LongType, v, n, null)}, n));
        }
        return out;
    }
}

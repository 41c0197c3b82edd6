package io.fluxo.function.scalar;

import io.fluxo.function.FunctionRegistry;
import io.fluxo.types.BinaryType;
import io.fluxo.types.DataType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.MapVector;
import io.fluxo.vector.StructVector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * Hashes (Spark's murmur3 {@code hash}, md5, sha1, sha2, crc32), random values (rand, randn, uuid — not
 * deterministic) and typeof.
 */
public final class MiscFunctions {
    private static final DataType STRING = StringType.INSTANCE;
    private static final DataType BINARY = BinaryType.INSTANCE;
    private static final DataType INT = IntegerType.INSTANCE;
    private static final DataType BIGINT = LongType.INSTANCE;
    private static final DataType DOUBLE = DoubleType.INSTANCE;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private MiscFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(FunctionDefinition.of("hash", 0, FunctionDefinition.VARARGS, MiscFunctions::bindHash));
        registry.register(FunctionDefinition.of("md5", 1, 1, b -> bindDigest(b, "MD5")));
        registry.register(FunctionDefinition.of("sha1", 1, 1, b -> bindDigest(b, "SHA-1")).withAliases("sha"));
        registry.register(FunctionDefinition.of("sha2", 2, 2, MiscFunctions::bindSha2));
        registry.register(FunctionDefinition.of("crc32", 1, 1, MiscFunctions::bindCrc32));
        registry.register(FunctionDefinition.of("uuid", 0, 0, b -> BoundFunction.of(STRING, List.of(),
                (a, n, c) -> uuids(n)).withNullability(Nullability.NEVER).nondeterministic()));
        registry.register(FunctionDefinition.of("rand", 0, 1, b -> bindRandom(b, false)).withAliases("random"));
        registry.register(FunctionDefinition.of("randn", 0, 1, b -> bindRandom(b, true)));
        registry.register(FunctionDefinition.of("typeof", 1, 1, b -> {
            String name = b.type(0).simpleString();
            return BoundFunction.of(STRING, List.of(b.type(0)), (a, n, c) -> ConstantVectors.of(STRING, name, n))
                    .withNullability(Nullability.NEVER);
        }));
    }

    // ---- hash ------------------------------------------------------------------------------------------------

    private static BoundFunction bindHash(Binding b) {
        if (b.count() == 0) {
            throw FunctionErrors.wrongNumArgs(b.function(), "> 0", 0);
        }
        for (int i = 0; i < b.count(); i++) {
            if (b.type(i) instanceof MapType) {
                throw FunctionErrors.typeMismatch(b.function(), "HASH_MAP_TYPE", "Input to the function `"
                        + b.function() + "` cannot contain elements of the \"MAP\" type. In Spark, same maps may "
                        + "have different hashcode, thus hash expressions are prohibited on \"MAP\" elements.");
            }
        }
        return BoundFunction.of(INT, b.types(), (a, n, c) -> {
            int[] hashes = new int[Math.max(n, 1)];
            Arrays.fill(hashes, Murmur3.SPARK_SEED);
            for (ColumnVector v : a) {
                hashColumn(v, n, hashes);
            }
            return IntVector.wrap(INT, hashes, n, null);
        }).withNullability(Nullability.NEVER);
    }

    /** Folds one argument into the running hashes, row by row; NULL leaves a hash unchanged. */
    private static void hashColumn(ColumnVector v, int n, int[] hashes) {
        boolean[] nulls = v.nulls();
        if (v instanceof IntVector iv) {
            int[] x = iv.values();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    hashes[i] = Murmur3.hashInt(x[i], hashes[i]);
                }
            }
        } else if (v instanceof LongVector lv) {
            long[] x = lv.values();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    hashes[i] = Murmur3.hashLong(x[i], hashes[i]);
                }
            }
        } else if (v instanceof BytesVector bv) {
            byte[] d = bv.data();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    hashes[i] = Murmur3.hashBytes(d, bv.start(i), bv.length(i), hashes[i]);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                hashes[i] = hashValue(v, i, hashes[i]);
            }
        }
    }

    private static int hashValue(ColumnVector v, int row, int seed) {
        if (v.isNull(row) || v.type() instanceof NullType) {
            return seed;
        }
        if (v instanceof IntVector iv) {
            return Murmur3.hashInt(iv.get(row), seed);
        }
        if (v instanceof LongVector lv) {
            return Murmur3.hashLong(lv.get(row), seed);
        }
        if (v instanceof DoubleVector dv) {
            double d = dv.get(row);
            return Murmur3.hashLong(Double.doubleToLongBits(d == -0.0 ? 0.0 : d), seed);
        }
        if (v instanceof BooleanVector bv) {
            return Murmur3.hashInt(bv.get(row) ? 1 : 0, seed);
        }
        if (v instanceof BytesVector bv) {
            return Murmur3.hashBytes(bv.data(), bv.start(row), bv.length(row), seed);
        }
        if (v instanceof DecimalVector dv) {
            if (dv.decimalType().isCompact()) {
                return Murmur3.hashLong(dv.getUnscaled(row), seed);
            }
            byte[] bytes = dv.getDecimal(row).unscaledValue().toByteArray();
            return Murmur3.hashBytes(bytes, 0, bytes.length, seed);
        }
        if (v instanceof ArrayVector av) {
            int h = seed;
            for (int k = av.start(row), end = k + av.length(row); k < end; k++) {
                h = hashValue(av.elements(), k, h);
            }
            return h;
        }
        if (v instanceof MapVector mv) {
            int h = seed;
            for (int k = mv.start(row), end = k + mv.length(row); k < end; k++) {
                h = hashValue(mv.keys(), k, h);
                h = hashValue(mv.values(), k, h);
            }
            return h;
        }
        StructVector sv = (StructVector) v;
        int h = seed;
        for (int f = 0; f < sv.numFields(); f++) {
            h = hashValue(sv.field(f), row, h);
        }
        return h;
    }

    // ---- digests ---------------------------------------------------------------------------------------------

    private static BoundFunction bindDigest(Binding b, String algorithm) {
        return BoundFunction.of(STRING, List.of(b.expect(0, BINARY)),
                (a, n, c) -> digest((BytesVector) a[0], null, n, algorithm));
    }

    private static BoundFunction bindSha2(Binding b) {
        return BoundFunction.of(STRING, List.of(b.expect(0, BINARY), b.expect(1, INT)), (a, n, c) -> {
            IntVector bits = (IntVector) a[1];
            return digest((BytesVector) a[0], bits, n, null);
        }).withNullability(Nullability.ALWAYS);
    }

    private static String sha2Algorithm(int bits) {
        switch (bits) {
            case 0:
            case 256:
                return "SHA-256";
            case 224:
                return "SHA-224";
            case 384:
                return "SHA-384";
            case 512:
                return "SHA-512";
            default:
                return null;
        }
    }

    /** Lower-case hex digests; with {@code bits}, sha2 picks the algorithm per row (unsupported lengths: NULL). */
    private static ColumnVector digest(BytesVector in, IntVector bits, int n, String algorithm) {
        BytesVector out = new BytesVector(STRING, n, n * 64);
        MessageDigest fixed = algorithm == null ? null : messageDigest(algorithm);
        RowBytes row = new RowBytes();
        for (int i = 0; i < n; i++) {
            MessageDigest md = fixed;
            if (bits != null && !bits.isNull(i)) {
                String name = sha2Algorithm(bits.get(i));
                md = name == null ? null : messageDigest(name);
            }
            if (in.isNull(i) || md == null) {
                out.appendNull();
                continue;
            }
            md.update(in.data(), in.start(i), in.length(i));
            row.clear();
            for (byte x : md.digest()) {
                row.append(HEX[(x >> 4) & 15]).append(HEX[x & 15]);
            }
            row.appendTo(out);
        }
        return out;
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    private static BoundFunction bindCrc32(Binding b) {
        return BoundFunction.of(BIGINT, List.of(b.expect(0, BINARY)), (a, n, c) -> {
            BytesVector in = (BytesVector) a[0];
            CRC32 crc = new CRC32();
            long[] out = new long[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                crc.reset();
                crc.update(in.data(), in.start(i), in.length(i));
                out[i] = crc.getValue();
            }
            return LongVector.wrap(BIGINT, out, n, NullMasks.copy(in, n));
        });
    }

    // ---- random ----------------------------------------------------------------------------------------------

    private static ColumnVector uuids(int n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        BytesVector out = new BytesVector(STRING, n, n * 36);
        byte[] text = new byte[36];
        for (int i = 0; i < n; i++) {
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            int p = 0;
            for (int k = 15; k >= 0; k--) {
                text[p++] = HEX[(int) (high >>> (k * 4)) & 15];
                if (p == 8 || p == 13 || p == 18) {
                    text[p++] = '-';
                }
            }
            for (int k = 15; k >= 0; k--) {
                text[p++] = HEX[(int) (low >>> (k * 4)) & 15];
                if (p == 23) {
                    text[p++] = '-';
                }
            }
            out.append(text, 0, 36);
        }
        return out;
    }

    /**
     * rand/randn with an optional constant seed. A seeded call gives a reproducible sequence per bound call (values
     * differ from Spark's XORShift generator, which also mixes in the partition index).
     */
    private static BoundFunction bindRandom(Binding b, boolean gaussian) {
        List<DataType> inputs = new ArrayList<>();
        long seed;
        if (b.count() == 1) {
            DataType t = b.type(0);
            if (!(t.isIntegral() || t instanceof NullType)) {
                throw b.unexpectedType(0, "(\"INT\" or \"BIGINT\")");
            }
            if (!b.isConstant(0)) {
                throw FunctionErrors.nonFoldableInput(b.function(), "`seed`", t);
            }
            inputs.add(t);
            Object value = b.constant(0);
            seed = value == null ? 0L : ((Number) value).longValue();
        } else {
            seed = ThreadLocalRandom.current().nextLong();
        }
        SplittableRandom random = new SplittableRandom(seed);
        Random gaussianSource = new Random(seed);
        return BoundFunction.of(DOUBLE, inputs, (a, n, c) -> {
            double[] out = new double[Math.max(n, 1)];
            synchronized (random) {
                for (int i = 0; i < n; i++) {
                    out[i] = gaussian ? gaussianSource.nextGaussian() : random.nextDouble();
                }
            }
            return DoubleVector.wrap(out, n, null);
        }).withNullability(Nullability.NEVER).nondeterministic();
    }
}

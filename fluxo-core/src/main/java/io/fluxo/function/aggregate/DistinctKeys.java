package io.fluxo.function.aggregate;

import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.MapVector;
import io.fluxo.vector.NullVector;
import io.fluxo.vector.StructVector;
import java.util.Arrays;

/**
 * A set of (group id, value tuple) keys for distinct aggregation: each tuple is encoded to bytes (equal values give
 * equal bytes; doubles normalized as Spark's distinct does, -0.0 as 0.0 and every NaN as one) and kept in one byte
 * arena; an open-addressing table of key ids finds duplicates. Key ids are dense, in insertion order.
 */
final class DistinctKeys {
    private static final long SEED = 42L;

    private byte[] scratch = new byte[64];
    private int scratchLength;

    private byte[] arena = new byte[1024];
    private int arenaUsed;
    private int[] keyEnd = new int[16];
    private int[] keyGroup = new int[16];
    private long[] keyHash = new long[16];
    private int size;
    private int[] table = new int[64];

    /** Starts encoding a new tuple. */
    void begin() {
        scratchLength = 0;
    }

    /** Appends the non-null value at {@code row} of {@code v} to the tuple being encoded. */
    void encode(ColumnVector v, int row) {
        if (v instanceof LongVector longs) {
            writeLong(longs.get(row));
        } else if (v instanceof IntVector ints) {
            writeLong(ints.get(row));
        } else if (v instanceof DoubleVector doubles) {
            double d = doubles.get(row);
            writeLong(d == 0.0 ? 0L : Double.doubleToLongBits(d));
        } else if (v instanceof BooleanVector booleans) {
            writeByte(booleans.get(row) ? 1 : 0);
        } else if (v instanceof BytesVector bytes) {
            writeBytes(bytes.data(), bytes.start(row), bytes.length(row));
        } else if (v instanceof DecimalVector decimals) {
            if (decimals.isCompact()) {
                writeLong(decimals.unscaledValues()[row]);
            } else {
                byte[] b = decimals.getDecimal(row).unscaledValue().toByteArray();
                writeBytes(b, 0, b.length);
            }
        } else if (v instanceof ArrayVector arrays) {
            encodeRange(arrays.elements(), arrays.start(row), arrays.length(row));
        } else if (v instanceof MapVector maps) {
            encodeRange(maps.keys(), maps.start(row), maps.length(row));
            encodeRange(maps.values(), maps.start(row), maps.length(row));
        } else if (v instanceof StructVector struct) {
            for (int f = 0; f < struct.numFields(); f++) {
                encodeNullable(struct.field(f), row);
            }
        } else if (!(v instanceof NullVector)) {
            throw new IllegalArgumentException("no key encoding for " + v.type().simpleString());
        }
    }

    private void encodeRange(ColumnVector elements, int start, int length) {
        writeLong(length);
        for (int e = start; e < start + length; e++) {
            encodeNullable(elements, e);
        }
    }

    private void encodeNullable(ColumnVector v, int row) {
        boolean isNull = v.isNull(row);
        writeByte(isNull ? 0 : 1);
        if (!isNull) {
            encode(v, row);
        }
    }

    private void writeByte(int b) {
        ensureScratch(1);
        scratch[scratchLength++] = (byte) b;
    }

    private void writeLong(long x) {
        ensureScratch(8);
        for (int i = 0; i < 8; i++) {
            scratch[scratchLength++] = (byte) (x >>> (8 * i));
        }
    }

    private void writeBytes(byte[] data, int from, int length) {
        writeLong(length);
        ensureScratch(length);
        System.arraycopy(data, from, scratch, scratchLength, length);
        scratchLength += length;
    }

    private void ensureScratch(int more) {
        scratch = AggregateState.grow(scratch, scratchLength + more);
    }

    /** Adds the encoded tuple for group {@code g}: its new key id, or -1 when the group already has it. */
    int add(int g) {
        long hash = XxHash64.hashBytes(scratch, 0, scratchLength, SEED + g);
        int mask = table.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                break;
            }
            int id = entry - 1;
            if (keyHash[id] == hash && keyGroup[id] == g && sameBytes(id)) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
        int id = size++;
        arena = AggregateState.grow(arena, arenaUsed + scratchLength);
        System.arraycopy(scratch, 0, arena, arenaUsed, scratchLength);
        arenaUsed += scratchLength;
        keyEnd = AggregateState.grow(keyEnd, size);
        keyGroup = AggregateState.grow(keyGroup, size);
        keyHash = AggregateState.grow(keyHash, size);
        keyEnd[id] = arenaUsed;
        keyGroup[id] = g;
        keyHash[id] = hash;
        table[slot] = id + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private boolean sameBytes(int id) {
        int start = id == 0 ? 0 : keyEnd[id - 1];
        return Arrays.equals(arena, start, keyEnd[id], scratch, 0, scratchLength);
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            long hash = keyHash[id];
            int slot = (int) (hash ^ (hash >>> 32)) & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = id + 1;
        }
        table = bigger;
    }

    long sizeInBytes() {
        return arena.length + 16L * keyEnd.length + 4L * table.length;
    }
}

package io.fluxo.exec.hash;

import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.StructVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Group ids for keys made only of fixed-width values (BOOLEAN, INT, DATE, BIGINT, TIMESTAMP, DOUBLE, and structs of
 * them, such as a {@code window} and a key): each row's key becomes a few longs, one per value plus one word of null
 * bits, filled a column at a time, hashed and compared as words, with no byte encoding. Typical of windowed
 * aggregations, whose keys are a window struct and a number.
 */
final class FixedWidthKeyGroupTable implements GroupByHashTable {
    /** Where each value of a key row goes: its key column, its field (-1: the column itself), its word. */
    private record Leaf(int column, int field, DataType type) {
    }

    private final List<DataType> keyTypes;
    private final Leaf[] leaves;
    /** The null bit of each struct column (or -1), after the leaves' bits. */
    private final int[] structNullBit;
    private final int width;
    private long[] rowWords = new long[0];
    private long[] groupWords;
    private long[] groupHashes = new long[256];
    private int[] slots = filled(1024);
    private int mask = 1023;
    private int size;

    /** Whether these key types can be held as words (at most 63 values and struct nulls). */
    static boolean supports(List<DataType> keyTypes) {
        int bits = 0;
        for (DataType t : keyTypes) {
            if (t instanceof StructType s) {
                for (int f = 0; f < s.size(); f++) {
                    if (!fixed(s.field(f).dataType())) {
                        return false;
                    }
                }
                bits += s.size() + 1;
            } else if (fixed(t)) {
                bits++;
            } else {
                return false;
            }
        }
        return bits > 0 && bits <= 63;
    }

    private static boolean fixed(DataType t) {
        return t.isLongBacked() || t.isIntBacked() || t instanceof BooleanType || t instanceof DoubleType;
    }

    FixedWidthKeyGroupTable(List<DataType> keyTypes) {
        this.keyTypes = List.copyOf(keyTypes);
        List<Leaf> out = new ArrayList<>();
        structNullBit = new int[keyTypes.size()];
        for (int c = 0; c < keyTypes.size(); c++) {
            if (keyTypes.get(c) instanceof StructType s) {
                for (int f = 0; f < s.size(); f++) {
                    out.add(new Leaf(c, f, s.field(f).dataType()));
                }
            } else {
                out.add(new Leaf(c, -1, keyTypes.get(c)));
            }
        }
        leaves = out.toArray(Leaf[]::new);
        int bit = leaves.length;
        for (int c = 0; c < keyTypes.size(); c++) {
            structNullBit[c] = keyTypes.get(c) instanceof StructType ? bit++ : -1;
        }
        width = leaves.length + 1;
        groupWords = new long[256 * width];
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** Writes the words of the first {@code n} rows: word 0 the null bits, then one word per value. */
    private void toWords(ColumnVector[] keys, int n) {
        if (rowWords.length < n * width) {
            rowWords = new long[Math.max(n, 1024) * width];
        }
        long[] words = rowWords;
        for (int i = 0; i < n; i++) {
            words[i * width] = 0;
        }
        for (int l = 0; l < leaves.length; l++) {
            Leaf leaf = leaves[l];
            ColumnVector column = keys[leaf.column()];
            ColumnVector v = leaf.field() < 0 ? column : ((StructVector) column).field(leaf.field());
            int at = l + 1;
            if (v instanceof LongVector lv) {
                long[] values = lv.values();
                for (int i = 0; i < n; i++) {
                    words[i * width + at] = values[i];
                }
            } else if (v instanceof IntVector iv) {
                int[] values = iv.values();
                for (int i = 0; i < n; i++) {
                    words[i * width + at] = values[i];
                }
            } else if (v instanceof DoubleVector dv) {
                double[] values = dv.values();
                for (int i = 0; i < n; i++) {
                    double d = values[i];
                    // SQL grouping: -0.0 is 0.0 and every NaN is one value.
                    words[i * width + at] = d == 0.0 ? 0L : Double.doubleToLongBits(d);
                }
            } else {
                boolean[] values = ((BooleanVector) v).values();
                for (int i = 0; i < n; i++) {
                    words[i * width + at] = values[i] ? 1 : 0;
                }
            }
            boolean[] nulls = v.nulls();
            if (nulls != null) {
                long bit = 1L << l;
                for (int i = 0; i < n; i++) {
                    if (nulls[i]) {
                        words[i * width] |= bit;
                        words[i * width + at] = 0;
                    }
                }
            }
        }
        for (int c = 0; c < keys.length; c++) {
            boolean[] nulls = structNullBit[c] < 0 ? null : keys[c].nulls();
            if (nulls == null) {
                continue;
            }
            long bit = 1L << structNullBit[c];
            for (int i = 0; i < n; i++) {
                if (nulls[i]) {
                    // A NULL struct is one value, whatever its fields hold.
                    words[i * width] = bit | (words[i * width] & ~fieldBits(c));
                    for (int l = 0; l < leaves.length; l++) {
                        if (leaves[l].column() == c) {
                            words[i * width + l + 1] = 0;
                        }
                    }
                }
            }
        }
    }

    private long fieldBits(int column) {
        long bits = 0;
        for (int l = 0; l < leaves.length; l++) {
            if (leaves[l].column() == column) {
                bits |= 1L << l;
            }
        }
        return bits;
    }

    /** One multiply per word and one finalizer per key: the words are mixed enough for a power-of-two table. */
    private long hash(long[] words, int at) {
        long h = 0x9E3779B97F4A7C15L;
        for (int w = 0; w < width; w++) {
            h = Long.rotateLeft((h ^ words[at + w]) * 0x9FB21C651E98DF25L, 29);
        }
        return Hashing.mix(h);
    }

    private boolean sameKey(int group, long[] words, int at) {
        int g = group * width;
        for (int w = 0; w < width; w++) {
            if (groupWords[g + w] != words[at + w]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void groupIds(ColumnVector[] keys, int numRows, int[] out) {
        toWords(keys, numRows);
        for (int i = 0; i < numRows; i++) {
            out[i] = find(rowWords, i * width, true);
        }
    }

    @Override
    public void lookup(ColumnVector[] keys, int numRows, int[] out) {
        toWords(keys, numRows);
        for (int i = 0; i < numRows; i++) {
            out[i] = find(rowWords, i * width, false);
        }
    }

    private int find(long[] words, int at, boolean add) {
        long h = hash(words, at);
        int slot = (int) h & mask;
        while (true) {
            int g = slots[slot];
            if (g < 0) {
                return add ? add(slot, words, at, h) : -1;
            }
            if (groupHashes[g] == h && sameKey(g, words, at)) {
                return g;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(int slot, long[] words, int at, long h) {
        if (size == groupHashes.length) {
            groupHashes = Arrays.copyOf(groupHashes, size * 2);
            groupWords = Arrays.copyOf(groupWords, size * 2 * width);
        }
        System.arraycopy(words, at, groupWords, size * width, width);
        groupHashes[size] = h;
        slots[slot] = size;
        int group = size++;
        if (size * 2 > mask) {
            grow();
        }
        return group;
    }

    private void grow() {
        int capacity = (mask + 1) * 2;
        int[] next = filled(capacity);
        int newMask = capacity - 1;
        for (int g = 0; g < size; g++) {
            int slot = (int) groupHashes[g] & newMask;
            while (next[slot] >= 0) {
                slot = (slot + 1) & newMask;
            }
            next[slot] = g;
        }
        slots = next;
        mask = newMask;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void appendKeys(int from, int count, ColumnVector[] out) {
        for (ColumnVector v : out) {
            v.reserve(v.size() + count);
        }
        for (int g = from; g < from + count; g++) {
            int base = g * width;
            long nullBits = groupWords[base];
            for (int c = 0; c < out.length; c++) {
                if (keyTypes.get(c) instanceof StructType s) {
                    if ((nullBits & (1L << structNullBit[c])) != 0) {
                        out[c].appendNull();
                        continue;
                    }
                    Object[] fields = new Object[s.size()];
                    for (int l = 0; l < leaves.length; l++) {
                        if (leaves[l].column() == c) {
                            fields[leaves[l].field()] = value(l, base, nullBits);
                        }
                    }
                    out[c].appendObject(fields);
                } else {
                    for (int l = 0; l < leaves.length; l++) {
                        if (leaves[l].column() == c) {
                            out[c].appendObject(value(l, base, nullBits));
                        }
                    }
                }
            }
        }
    }

    private Object value(int leaf, int base, long nullBits) {
        if ((nullBits & (1L << leaf)) != 0) {
            return null;
        }
        long word = groupWords[base + leaf + 1];
        DataType t = leaves[leaf].type();
        if (t.isIntBacked()) {
            return (int) word;
        }
        if (t instanceof DoubleType) {
            return Double.longBitsToDouble(word);
        }
        if (t instanceof BooleanType) {
            return word != 0;
        }
        return word;
    }

    @Override
    public long sizeInBytes() {
        return 4L * slots.length + 8L * groupHashes.length + 8L * groupWords.length + 8L * rowWords.length;
    }
}

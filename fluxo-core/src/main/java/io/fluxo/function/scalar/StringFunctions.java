package io.fluxo.function.scalar;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.StringType;
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.IntVector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String functions (upper, substring, concat_ws, split, regexp_replace, lpad …) over the UTF-8 bytes of
 * {@link BytesVector}s: characters are code points, ASCII rows take byte-level fast paths and only non-ASCII rows are
 * decoded when a transformation needs Java's Unicode tables.
 */
public final class StringFunctions {
    private static final DataType STRING = StringType.INSTANCE;
    private static final DataType INT = IntegerType.INSTANCE;
    private static final DataType BOOLEAN = BooleanType.INSTANCE;
    private static final ArrayType STRING_ARRAY = new ArrayType(STRING, false);

    private StringFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(FunctionDefinition.of("upper", 1, 1, b -> unary(b, (a, n, c) -> changeCase(a[0], n, true)))
                .withAliases("ucase"));
        registry.register(FunctionDefinition.of("lower", 1, 1, b -> unary(b, (a, n, c) -> changeCase(a[0], n, false)))
                .withAliases("lcase"));
        registry.register(FunctionDefinition.of("initcap", 1, 1, b -> unary(b, (a, n, c) -> initcap(a[0], n))));
        registry.register(FunctionDefinition.of("length", 1, 1, StringFunctions::bindLength)
                .withAliases("char_length", "character_length", "len"));
        registry.register(FunctionDefinition.of("octet_length", 1, 1, b -> bindByteLength(b, 1)));
        registry.register(FunctionDefinition.of("bit_length", 1, 1, b -> bindByteLength(b, 8)));
        registry.register(FunctionDefinition.of("substring", 2, 3, StringFunctions::bindSubstring)
                .withAliases("substr"));
        registry.register(FunctionDefinition.of("left", 2, 2, b -> bindLeftRight(b, true)));
        registry.register(FunctionDefinition.of("right", 2, 2, b -> bindLeftRight(b, false)));
        registry.register(FunctionDefinition.of("concat", 0, FunctionDefinition.VARARGS, StringFunctions::bindConcat));
        registry.register(FunctionDefinition.of("concat_ws", 1, FunctionDefinition.VARARGS,
                StringFunctions::bindConcatWs));
        registry.register(FunctionDefinition.of("trim", 1, 2, b -> bindTrim(b, true, true)).withAliases("btrim"));
        registry.register(FunctionDefinition.of("ltrim", 1, 2, b -> bindTrim(b, true, false)));
        registry.register(FunctionDefinition.of("rtrim", 1, 2, b -> bindTrim(b, false, true)));
        registry.register(FunctionDefinition.of("split", 2, 3, StringFunctions::bindSplit));
        registry.register(FunctionDefinition.of("replace", 2, 3, StringFunctions::bindReplace));
        registry.register(FunctionDefinition.of("regexp_extract", 2, 3, StringFunctions::bindRegexpExtract));
        registry.register(FunctionDefinition.of("regexp_replace", 3, 4, StringFunctions::bindRegexpReplace));
        registry.register(FunctionDefinition.of("lpad", 2, 3, b -> bindPad(b, true)));
        registry.register(FunctionDefinition.of("rpad", 2, 3, b -> bindPad(b, false)));
        registry.register(FunctionDefinition.of("instr", 2, 2, StringFunctions::bindInstr));
        registry.register(FunctionDefinition.of("locate", 2, 3, StringFunctions::bindLocate)
                .withAliases("position"));
        registry.register(FunctionDefinition.of("reverse", 1, 1, StringFunctions::bindReverse));
        registry.register(FunctionDefinition.of("repeat", 2, 2, StringFunctions::bindRepeat));
        registry.register(FunctionDefinition.of("translate", 3, 3, StringFunctions::bindTranslate));
        registry.register(FunctionDefinition.of("ascii", 1, 1, b -> BoundFunction.of(INT,
                List.of(b.expect(0, STRING)), (a, n, c) -> ascii(a[0], n))));
        registry.register(FunctionDefinition.of("startswith", 2, 2, b -> bindMatch(b, 0)));
        registry.register(FunctionDefinition.of("endswith", 2, 2, b -> bindMatch(b, 1)));
        registry.register(FunctionDefinition.of("contains", 2, 2, b -> bindMatch(b, 2)));
        registry.register(FunctionDefinition.of("substring_index", 3, 3, StringFunctions::bindSubstringIndex));
        registry.register(FunctionDefinition.of("space", 1, 1, b -> BoundFunction.of(STRING,
                List.of(b.expect(0, INT)), (a, n, c) -> repeat(ConstantVectors.of(STRING, " ", n), a[0], n))));
    }

    private static BoundFunction unary(Binding b, Kernel kernel) {
        return BoundFunction.of(STRING, List.of(b.expect(0, STRING)), kernel);
    }

    // ---- case mapping ------------------------------------------------------------------------------------------

    private static ColumnVector changeCase(ColumnVector arg, int n, boolean upper) {
        BytesVector in = (BytesVector) arg;
        byte[] d = in.data();
        int[] o = in.offsets();
        boolean[] nulls = in.nulls();
        BytesVector out = new BytesVector(STRING, n, o[n] - o[0]);
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                out.appendNull();
                continue;
            }
            int s = o[i];
            int e = o[i + 1];
            if (Utf8.isAscii(d, s, e)) {
                out.reserveBytes(e - s);
                byte[] w = out.data();
                int p = out.offsets()[out.size()];
                if (upper) {
                    for (int k = s; k < e; k++) {
                        byte ch = d[k];
                        w[p++] = ch >= 'a' && ch <= 'z' ? (byte) (ch - 32) : ch;
                    }
                } else {
                    for (int k = s; k < e; k++) {
                        byte ch = d[k];
                        w[p++] = ch >= 'A' && ch <= 'Z' ? (byte) (ch + 32) : ch;
                    }
                }
                out.commitInPlace(e - s);
            } else {
                String t = in.getString(i);
                out.appendString(upper ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Spark's initcap: lower-case everything, then title-case the first letter and each letter after a space. */
    private static ColumnVector initcap(ColumnVector arg, int n) {
        BytesVector in = (BytesVector) arg;
        byte[] d = in.data();
        int[] o = in.offsets();
        boolean[] nulls = in.nulls();
        BytesVector out = new BytesVector(STRING, n, o[n] - o[0]);
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                out.appendNull();
                continue;
            }
            int s = o[i];
            int e = o[i + 1];
            if (Utf8.isAscii(d, s, e)) {
                out.reserveBytes(e - s);
                byte[] w = out.data();
                int p = out.offsets()[out.size()];
                boolean startOfWord = true;
                for (int k = s; k < e; k++) {
                    byte ch = d[k];
                    if (startOfWord) {
                        w[p++] = ch >= 'a' && ch <= 'z' ? (byte) (ch - 32) : ch;
                    } else {
                        w[p++] = ch >= 'A' && ch <= 'Z' ? (byte) (ch + 32) : ch;
                    }
                    startOfWord = ch == ' ';
                }
                out.commitInPlace(e - s);
            } else {
                String lower = in.getString(i).toLowerCase(Locale.ROOT);
                StringBuilder sb = new StringBuilder(lower.length());
                boolean startOfWord = true;
                for (int k = 0; k < lower.length(); ) {
                    int cp = lower.codePointAt(k);
                    sb.appendCodePoint(startOfWord ? Character.toTitleCase(cp) : cp);
                    startOfWord = cp == ' ';
                    k += Character.charCount(cp);
                }
                out.appendString(sb.toString());
            }
        }
        return out;
    }

    // ---- lengths -------------------------------------------------------------------------------------------

    private static BoundFunction bindLength(Binding b) {
        DataType t = b.expectOneOf(0, STRING, BinaryType.INSTANCE);
        boolean bytes = t instanceof BinaryType;
        return BoundFunction.of(INT, List.of(t), (a, n, c) -> {
            BytesVector in = (BytesVector) a[0];
            byte[] d = in.data();
            int[] o = in.offsets();
            int[] out = new int[Math.max(n, 1)];
            if (bytes) {
                for (int i = 0; i < n; i++) {
                    out[i] = o[i + 1] - o[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = Utf8.numChars(d, o[i], o[i + 1]);
                }
            }
            return IntVector.wrap(INT, out, n, NullMasks.copy(in, n));
        });
    }

    private static BoundFunction bindByteLength(Binding b, int bitsPerByte) {
        DataType t = b.expectOneOf(0, STRING, BinaryType.INSTANCE);
        return BoundFunction.of(INT, List.of(t), (a, n, c) -> {
            int[] o = ((BytesVector) a[0]).offsets();
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = (o[i + 1] - o[i]) * bitsPerByte;
            }
            return IntVector.wrap(INT, out, n, NullMasks.copy(a[0], n));
        });
    }

    // ---- substring -----------------------------------------------------------------------------------------

    private static BoundFunction bindSubstring(Binding b) {
        List<DataType> inputs = new ArrayList<>(List.of(b.expect(0, STRING), b.expect(1, INT)));
        boolean hasLength = b.count() == 3;
        if (hasLength) {
            inputs.add(b.expect(2, INT));
        }
        return BoundFunction.of(STRING, inputs, (a, n, c) -> {
            IntVector pos = (IntVector) a[1];
            IntVector len = hasLength ? (IntVector) a[2] : null;
            return substring((BytesVector) a[0], pos.values(), len == null ? null : len.values(),
                    hasLength ? NullMasks.union(n, a) : NullMasks.union(n, a[0], a[1]), n);
        });
    }

    /** Spark's substringSQL per row: 1-based {@code pos}, negative from the end, 0 as 1; {@code lens} null = to end. */
    private static BytesVector substring(BytesVector in, int[] positions, int[] lens, boolean[] nulls, int n) {
        byte[] d = in.data();
        int[] o = in.offsets();
        BytesVector out = new BytesVector(STRING, n, Math.min(o[n] - o[0], n * 16));
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                out.appendNull();
                continue;
            }
            int s = o[i];
            int e = o[i + 1];
            int pos = positions[i];
            int length = lens == null ? Integer.MAX_VALUE : lens[i];
            appendSubstring(out, d, s, e, pos, length);
        }
        return out;
    }

    private static void appendSubstring(BytesVector out, byte[] d, int s, int e, int pos, int length) {
        boolean ascii = Utf8.isAscii(d, s, e);
        int numChars = ascii ? e - s : (pos < 0 ? Utf8.numChars(d, s, e) : Integer.MAX_VALUE);
        long start = pos > 0 ? pos - 1L : (pos < 0 ? (long) numChars + pos : 0L);
        long end = start + length;
        start = Math.max(start, 0);
        if (start >= end || start >= numChars) {
            out.append(d, s, 0);
            return;
        }
        int from;
        int to;
        if (ascii) {
            from = s + (int) start;
            to = (int) Math.min(e, s + end);
        } else {
            from = Utf8.offsetOfChar(d, s, e, (int) start);
            to = end >= Integer.MAX_VALUE ? e : Utf8.offsetOfChar(d, from, e, (int) (end - start));
        }
        out.append(d, from, to - from);
    }

    private static BoundFunction bindLeftRight(Binding b, boolean left) {
        return BoundFunction.of(STRING, List.of(b.expect(0, STRING), b.expect(1, INT)), (a, n, c) -> {
            BytesVector in = (BytesVector) a[0];
            int[] lens = ((IntVector) a[1]).values();
            boolean[] nulls = NullMasks.union(n, a);
            byte[] d = in.data();
            int[] o = in.offsets();
            BytesVector out = new BytesVector(STRING, n, Math.min(o[n] - o[0], n * 16));
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                } else if (left) {
                    appendSubstring(out, d, o[i], o[i + 1], 1, lens[i]);
                } else if (lens[i] <= 0) {
                    out.append(d, 0, 0);
                } else {
                    appendSubstring(out, d, o[i], o[i + 1], -lens[i], Integer.MAX_VALUE);
                }
            }
            return out;
        });
    }

    // ---- concatenation ------------------------------------------------------------------------------------

    /** concat of strings; of BINARY values when all are binary; of arrays (element by element) when all are arrays. */
    private static BoundFunction bindConcat(Binding b) {
        List<DataType> types = b.types();
        if (!types.isEmpty() && types.stream().allMatch(t -> t instanceof ArrayType)) {
            DataType common = b.commonTypeOfRange(0, b.count());
            return BoundFunction.of(common, Collections.nCopies(b.count(), common),
                    (a, n, c) -> concatArrays((ArrayType) common, a, n));
        }
        DataType result = !types.isEmpty() && types.stream().allMatch(t -> t instanceof BinaryType)
                ? BinaryType.INSTANCE : STRING;
        List<DataType> inputs = new ArrayList<>(b.count());
        for (int i = 0; i < b.count(); i++) {
            inputs.add(b.expect(i, result));
        }
        return BoundFunction.of(result, inputs, (a, n, c) -> {
            boolean[] nulls = NullMasks.union(n, a);
            int total = 0;
            for (ColumnVector v : a) {
                int[] o = ((BytesVector) v).offsets();
                total += o[n] - o[0];
            }
            BytesVector out = new BytesVector(result, n, total);
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                    continue;
                }
                int len = 0;
                for (ColumnVector v : a) {
                    len += ((BytesVector) v).length(i);
                }
                out.reserveBytes(len);
                byte[] w = out.data();
                int p = out.offsets()[out.size()];
                for (ColumnVector v : a) {
                    BytesVector s = (BytesVector) v;
                    int l = s.length(i);
                    System.arraycopy(s.data(), s.start(i), w, p, l);
                    p += l;
                }
                out.commitInPlace(len);
            }
            return out;
        });
    }

    private static ColumnVector concatArrays(ArrayType type, ColumnVector[] a, int n) {
        boolean[] nulls = NullMasks.union(n, a);
        ArrayVector out = new ArrayVector(type, n);
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                out.appendNull();
                continue;
            }
            for (ColumnVector v : a) {
                ArrayVector array = (ArrayVector) v;
                out.elements().appendRange(array.elements(), array.start(i), array.length(i));
            }
            out.endArray();
        }
        return out;
    }

    private static BoundFunction bindConcatWs(Binding b) {
        List<DataType> inputs = new ArrayList<>(b.count());
        inputs.add(b.expect(0, STRING));
        for (int i = 1; i < b.count(); i++) {
            inputs.add(b.type(i) instanceof ArrayType ? b.expect(i, new ArrayType(STRING, true)) : b.expect(i, STRING));
        }
        return BoundFunction.of(STRING, inputs, (a, n, c) -> concatWs(a, n))
                .withNullability(args -> args[0]);
    }

    private static ColumnVector concatWs(ColumnVector[] a, int n) {
        BytesVector sep = (BytesVector) a[0];
        BytesVector out = new BytesVector(STRING, n, n * 16);
        RowBytes row = new RowBytes();
        for (int i = 0; i < n; i++) {
            if (sep.isNull(i)) {
                out.appendNull();
                continue;
            }
            row.clear();
            boolean first = true;
            for (int k = 1; k < a.length; k++) {
                ColumnVector v = a[k];
                if (v.isNull(i)) {
                    continue;
                }
                if (v instanceof ArrayVector arr) {
                    BytesVector el = (BytesVector) arr.elements();
                    for (int j = arr.start(i), end = arr.start(i) + arr.length(i); j < end; j++) {
                        if (!el.isNull(j)) {
                            appendPiece(row, sep, i, first, el, j);
                            first = false;
                        }
                    }
                } else {
                    appendPiece(row, sep, i, first, (BytesVector) v, i);
                    first = false;
                }
            }
            row.appendTo(out);
        }
        return out;
    }

    private static void appendPiece(RowBytes row, BytesVector sep, int sepRow, boolean first, BytesVector value,
            int valueRow) {
        if (!first) {
            row.append(sep.data(), sep.start(sepRow), sep.length(sepRow));
        }
        row.append(value.data(), value.start(valueRow), value.length(valueRow));
    }

    // ---- trim ----------------------------------------------------------------------------------------------

    /** The set of characters trim removes, matched on their UTF-8 bytes. */
    private static final class TrimChars {
        static final TrimChars SPACE = new TrimChars(SPACE_BYTES, 0, 1);

        private final boolean[] ascii = new boolean[128];
        private final List<byte[]> multiByte = new ArrayList<>();

        TrimChars(byte[] d, int from, int to) {
            for (int i = from; i < to; ) {
                int len = Math.min(Utf8.charBytes(d[i]), to - i);
                if (len == 1 && d[i] >= 0) {
                    ascii[d[i]] = true;
                } else {
                    multiByte.add(Arrays.copyOfRange(d, i, i + len));
                }
                i += len;
            }
        }

        boolean contains(byte[] d, int pos, int len) {
            if (len == 1 && d[pos] >= 0) {
                return ascii[d[pos]];
            }
            for (byte[] m : multiByte) {
                if (Arrays.equals(m, 0, m.length, d, pos, pos + len)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final byte[] SPACE_BYTES = {' '};

    private static BoundFunction bindTrim(Binding b, boolean leading, boolean trailing) {
        if (b.count() == 1) {
            return unary(b, (a, n, c) -> trim((BytesVector) a[0], null, TrimChars.SPACE, n, leading, trailing));
        }
        List<DataType> inputs = List.of(b.expect(0, STRING), b.expect(1, STRING));
        String constant = b.constantString(1);
        TrimChars prepared = constant == null ? null : new TrimChars(Utf8.bytes(constant), 0,
                Utf8.bytes(constant).length);
        return BoundFunction.of(STRING, inputs,
                (a, n, c) -> trim((BytesVector) a[0], (BytesVector) a[1], prepared, n, leading, trailing));
    }

    private static ColumnVector trim(BytesVector in, BytesVector trimArg, TrimChars prepared, int n, boolean leading,
            boolean trailing) {
        byte[] d = in.data();
        int[] o = in.offsets();
        boolean[] nulls = trimArg == null ? in.nulls() : NullMasks.union(n, in, trimArg);
        BytesVector out = new BytesVector(STRING, n, o[n] - o[0]);
        TrimChars chars = prepared;
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                out.appendNull();
                continue;
            }
            if (prepared == null) {
                chars = new TrimChars(trimArg.data(), trimArg.start(i), trimArg.start(i) + trimArg.length(i));
            }
            int s = o[i];
            int e = o[i + 1];
            if (leading) {
                while (s < e) {
                    int len = Math.min(Utf8.charBytes(d[s]), e - s);
                    if (!chars.contains(d, s, len)) {
                        break;
                    }
                    s += len;
                }
            }
            if (trailing) {
                while (e > s) {
                    int st = e - 1;
                    while (st > s && (d[st] & 0xC0) == 0x80) {
                        st--;
                    }
                    if (!chars.contains(d, st, e - st)) {
                        break;
                    }
                    e = st;
                }
            }
            out.append(d, s, e - s);
        }
        return out;
    }

    // ---- split ---------------------------------------------------------------------------------------------

    /** How one split pattern cuts a row: by literal bytes, by regex, or (empty pattern) into characters. */
    private static final class Splitter {
        private final byte[] literal;
        private final Pattern pattern;

        private Splitter(byte[] literal, Pattern pattern) {
            this.literal = literal;
            this.pattern = pattern;
        }

        static Splitter of(String function, String regex) {
            if (isLiteral(regex)) {
                return new Splitter(Utf8.bytes(regex), null);
            }
            if (regex.length() == 2 && regex.charAt(0) == '\\' && !Character.isLetterOrDigit(regex.charAt(1))) {
                return new Splitter(Utf8.bytes(regex.substring(1)), null);
            }
            return new Splitter(null, RegexCache.compile(function, regex));
        }

        private static boolean isLiteral(String regex) {
            for (int i = 0; i < regex.length(); i++) {
                if ("\\^$.|?*+()[]{}".indexOf(regex.charAt(i)) >= 0) {
                    return false;
                }
            }
            return true;
        }

        /** Appends the pieces of {@code d[s, e)} to {@code el}; {@code limit <= 0} means no limit. */
        void split(byte[] d, int s, int e, int limit, BytesVector el, AsciiChars chars) {
            if (literal != null && literal.length == 0) {
                splitChars(d, s, e, limit, el);
            } else if (literal != null) {
                int count = 0;
                int p = s;
                while (limit <= 0 || count < limit - 1) {
                    int idx = Utf8.indexOf(d, p, e, literal);
                    if (idx < 0) {
                        break;
                    }
                    el.append(d, p, idx - p);
                    count++;
                    p = idx + literal.length;
                }
                el.append(d, p, e - p);
            } else if (Utf8.isAscii(d, s, e)) {
                splitRegex(chars.reset(d, s, e), limit, el, d, s, null);
            } else {
                String text = new String(d, s, e - s, StandardCharsets.UTF_8);
                splitRegex(text, limit, el, null, 0, text);
            }
        }

        /** Spark: an empty pattern splits a non-empty string into its characters. */
        private static void splitChars(byte[] d, int s, int e, int limit, BytesVector el) {
            if (s == e) {
                el.append(d, s, 0);
                return;
            }
            int numChars = Utf8.numChars(d, s, e);
            int pieces = limit > numChars || limit <= 0 ? numChars : limit;
            int p = s;
            for (int k = 0; k < pieces - 1; k++) {
                int len = Utf8.charBytes(d[p]);
                el.append(d, p, len);
                p += len;
            }
            el.append(d, p, e - p);
        }

        /** {@link Pattern#split(CharSequence, int)}'s rules, appending pieces as bytes or substrings. */
        private void splitRegex(CharSequence input, int limit, BytesVector el, byte[] d, int base, String text) {
            Matcher m = pattern.matcher(input);
            int index = 0;
            int count = 0;
            boolean done = false;
            while (!done && m.find()) {
                if (limit <= 0 || count < limit - 1) {
                    if (index == 0 && m.start() == 0 && m.end() == 0) {
                        continue;
                    }
                    appendPiece(el, d, base, text, index, m.start());
                    count++;
                    index = m.end();
                } else {
                    done = true;
                }
            }
            appendPiece(el, d, base, text, index, input.length());
        }

        private static void appendPiece(BytesVector el, byte[] d, int base, String text, int from, int to) {
            if (text == null) {
                el.append(d, base + from, to - from);
            } else {
                el.appendString(text.substring(from, to));
            }
        }
    }

    private static BoundFunction bindSplit(Binding b) {
        List<DataType> inputs = new ArrayList<>(List.of(b.expect(0, STRING), b.expect(1, STRING)));
        if (b.count() == 3) {
            inputs.add(b.expect(2, INT));
        }
        String regex = b.constantString(1);
        Splitter prepared = regex == null ? null : Splitter.of(b.function(), regex);
        String name = b.function();
        return BoundFunction.of(STRING_ARRAY, inputs, (a, n, c) -> {
            BytesVector in = (BytesVector) a[0];
            BytesVector patterns = (BytesVector) a[1];
            int[] limits = a.length == 3 ? ((IntVector) a[2]).values() : null;
            boolean[] nulls = NullMasks.union(n, a);
            ArrayVector out = new ArrayVector(STRING_ARRAY, n);
            BytesVector el = (BytesVector) out.elements();
            AsciiChars chars = new AsciiChars();
            Splitter splitter = prepared;
            byte[] lastPattern = null;
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                    continue;
                }
                if (prepared == null && (lastPattern == null
                        || !patterns.equalsBytes(i, lastPattern, 0, lastPattern.length))) {
                    lastPattern = patterns.getBytes(i);
                    splitter = Splitter.of(name, patterns.getString(i));
                }
                splitter.split(in.data(), in.start(i), in.start(i) + in.length(i), limits == null ? -1 : limits[i],
                        el, chars);
                out.endArray();
            }
            return out;
        });
    }

    // ---- replace and regexes -------------------------------------------------------------------------------

    private static BoundFunction bindReplace(Binding b) {
        List<DataType> inputs = new ArrayList<>(List.of(b.expect(0, STRING), b.expect(1, STRING)));
        if (b.count() == 3) {
            inputs.add(b.expect(2, STRING));
        }
        return BoundFunction.of(STRING, inputs, (a, n, c) -> {
            BytesVector in = (BytesVector) a[0];
            BytesVector search = (BytesVector) a[1];
            BytesVector replacement = a.length == 3 ? (BytesVector) a[2] : null;
            boolean[] nulls = NullMasks.union(n, a);
            byte[] d = in.data();
            BytesVector out = new BytesVector(STRING, n, in.offsets()[n] - in.offsets()[0]);
            RowBytes row = new RowBytes();
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                    continue;
                }
                int s = in.start(i);
                int e = s + in.length(i);
                int ns = search.start(i);
                int ne = ns + search.length(i);
                int idx = ns == ne ? -1 : Utf8.indexOf(d, s, e, search.data(), ns, ne);
                if (idx < 0) {
                    out.append(d, s, e - s);
                    continue;
                }
                row.clear();
                int p = s;
                while (idx >= 0) {
                    row.append(d, p, idx - p);
                    if (replacement != null) {
                        row.append(replacement.data(), replacement.start(i), replacement.length(i));
                    }
                    p = idx + (ne - ns);
                    idx = Utf8.indexOf(d, p, e, search.data(), ns, ne);
                }
                row.append(d, p, e - p);
                row.appendTo(out);
            }
            return out;
        });
    }

    private static BoundFunction bindRegexpExtract(Binding b) {
        List<DataType> inputs = new ArrayList<>(List.of(b.expect(0, STRING), b.expect(1, STRING)));
        if (b.count() == 3) {
            inputs.add(b.expect(2, INT));
        }
        String name = b.function();
        String regex = b.constantString(1);
        Pattern prepared = regex == null ? null : RegexCache.compile(name, regex);
        return BoundFunction.of(STRING, inputs, (a, n, c) -> {
            BytesVector in = (BytesVector) a[0];
            BytesVector patterns = (BytesVector) a[1];
            int[] groups = a.length == 3 ? ((IntVector) a[2]).values() : null;
            boolean[] nulls = NullMasks.union(n, a);
            RegexCache cache = new RegexCache(name);
            AsciiChars chars = new AsciiChars();
            byte[] d = in.data();
            BytesVector out = new BytesVector(STRING, n, n * 8);
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                    continue;
                }
                Pattern pattern = prepared != null ? prepared
                        : cache.get(patterns.data(), patterns.start(i), patterns.start(i) + patterns.length(i));
                int s = in.start(i);
                int e = s + in.length(i);
                boolean ascii = Utf8.isAscii(d, s, e);
                String text = ascii ? null : in.getString(i);
                Matcher m = cache.matcher(pattern, ascii ? chars.reset(d, s, e) : text);
                if (!m.find()) {
                    out.append(d, s, 0);
                    continue;
                }
                int group = groups == null ? 1 : groups[i];
                if (group < 0 || group > m.groupCount()) {
                    throw FunctionErrors.invalidParameter("REGEX_GROUP_INDEX", "idx", name,
                            "Expects group index between 0 and " + m.groupCount() + ", but got " + group + ".");
                }
                int gs = m.start(group);
                if (gs < 0) {
                    out.append(d, s, 0);
                } else if (ascii) {
                    out.append(d, s + gs, m.end(group) - gs);
                } else {
                    out.appendString(text.substring(gs, m.end(group)));
                }
            }
            return out;
        });
    }

    private static BoundFunction bindRegexpReplace(Binding b) {
        List<DataType> inputs = new ArrayList<>(List.of(b.expect(0, STRING), b.expect(1, STRING),
                b.expect(2, STRING)));
        int position = 1;
        if (b.count() == 4) {
            inputs.add(b.expect(3, INT));
            Integer pos = b.constantInt(3);
            if (!b.isConstant(3)) {
                throw FunctionErrors.nonFoldableInput(b.function(), "`position`", b.type(3));
            }
            if (pos == null || pos <= 0) {
                throw FunctionErrors.typeMismatch(b.function(), "VALUE_OUT_OF_RANGE",
                        "The `position` must be between 1 and 2147483647 (current value = " + pos + ").");
            }
            position = pos;
        }
        String name = b.function();
        String regex = b.constantString(1);
        Pattern prepared = regex == null ? null : RegexCache.compile(name, regex);
        int start = position - 1;
        return BoundFunction.of(STRING, inputs, (a, n, c) -> {
            BytesVector in = (BytesVector) a[0];
            BytesVector patterns = (BytesVector) a[1];
            BytesVector replacements = (BytesVector) a[2];
            boolean[] nulls = NullMasks.union(n, a[0], a[1], a[2]);
            RegexCache cache = new RegexCache(name);
            AsciiChars chars = new AsciiChars();
            StringBuilder sb = new StringBuilder();
            String lastReplacement = null;
            byte[] lastReplacementBytes = null;
            byte[] d = in.data();
            BytesVector out = new BytesVector(STRING, n, in.offsets()[n] - in.offsets()[0]);
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                    continue;
                }
                Pattern pattern = prepared != null ? prepared
                        : cache.get(patterns.data(), patterns.start(i), patterns.start(i) + patterns.length(i));
                int s = in.start(i);
                int e = s + in.length(i);
                boolean ascii = Utf8.isAscii(d, s, e);
                CharSequence text = ascii ? chars.reset(d, s, e) : in.getString(i);
                if (start > 0 && start >= text.length()) {
                    out.append(d, s, e - s);
                    continue;
                }
                Matcher m = cache.matcher(pattern, text);
                m.region(start, text.length());
                if (!m.find()) {
                    out.append(d, s, e - s);
                    continue;
                }
                if (lastReplacementBytes == null
                        || !replacements.equalsBytes(i, lastReplacementBytes, 0, lastReplacementBytes.length)) {
                    lastReplacementBytes = replacements.getBytes(i);
                    lastReplacement = replacements.getString(i);
                }
                sb.setLength(0);
                do {
                    m.appendReplacement(sb, lastReplacement);
                } while (m.find());
                m.appendTail(sb);
                out.appendString(sb.toString());
            }
            return out;
        });
    }

    // ---- padding, search -----------------------------------------------------------------------------------

    private static BoundFunction bindPad(Binding b, boolean left) {
        List<DataType> inputs = new ArrayList<>(List.of(b.expect(0, STRING), b.expect(1, INT)));
        if (b.count() == 3) {
            inputs.add(b.expect(2, STRING));
        }
        return BoundFunction.of(STRING, inputs, (a, n, c) -> {
            BytesVector in = (BytesVector) a[0];
            int[] lens = ((IntVector) a[1]).values();
            BytesVector pads = a.length == 3 ? (BytesVector) a[2] : (BytesVector) ConstantVectors.of(STRING, " ", n);
            boolean[] nulls = NullMasks.union(n, a);
            byte[] d = in.data();
            BytesVector out = new BytesVector(STRING, n, n * 16);
            RowBytes row = new RowBytes();
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                    continue;
                }
                int s = in.start(i);
                int e = s + in.length(i);
                int target = lens[i];
                int numChars = Utf8.numChars(d, s, e);
                int ps = pads.start(i);
                int pe = ps + pads.length(i);
                if (target <= numChars || ps == pe) {
                    appendSubstring(out, d, s, e, 1, target);
                    continue;
                }
                row.clear();
                if (!left) {
                    row.append(d, s, e - s);
                }
                byte[] pd = pads.data();
                int padChars = Utf8.numChars(pd, ps, pe);
                int missing = target - numChars;
                for (int k = 0; k < missing / padChars; k++) {
                    row.append(pd, ps, pe - ps);
                }
                int rest = Utf8.offsetOfChar(pd, ps, pe, missing % padChars);
                row.append(pd, ps, rest - ps);
                if (left) {
                    row.append(d, s, e - s);
                }
                row.appendTo(out);
            }
            return out;
        });
    }

    /** 0-based character index of {@code needle} in {@code d[s, e)} at or after character {@code fromChar}, or -1. */
    private static int charIndexOf(byte[] d, int s, int e, byte[] nd, int ns, int ne, int fromChar) {
        if (ns == ne) {
            return 0;
        }
        int from = Utf8.offsetOfChar(d, s, e, fromChar);
        int idx = Utf8.indexOf(d, from, e, nd, ns, ne);
        return idx < 0 ? -1 : fromChar + Utf8.numChars(d, from, idx);
    }

    private static BoundFunction bindInstr(Binding b) {
        return BoundFunction.of(INT, List.of(b.expect(0, STRING), b.expect(1, STRING)), (a, n, c) -> {
            BytesVector str = (BytesVector) a[0];
            BytesVector sub = (BytesVector) a[1];
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = 1 + charIndexOf(str.data(), str.start(i), str.start(i) + str.length(i), sub.data(),
                        sub.start(i), sub.start(i) + sub.length(i), 0);
            }
            return IntVector.wrap(INT, out, n, NullMasks.union(n, a));
        });
    }

    /** Spark's locate(substr, str[, pos]): 1-based, 0 when absent or pos < 1, and 0 (not NULL) for a NULL pos. */
    private static BoundFunction bindLocate(Binding b) {
        List<DataType> inputs = new ArrayList<>(List.of(b.expect(0, STRING), b.expect(1, STRING)));
        if (b.count() == 3) {
            inputs.add(b.expect(2, INT));
        }
        return BoundFunction.of(INT, inputs, (a, n, c) -> {
            BytesVector sub = (BytesVector) a[0];
            BytesVector str = (BytesVector) a[1];
            IntVector pos = a.length == 3 ? (IntVector) a[2] : null;
            boolean[] nulls = NullMasks.union(n, a[0], a[1]);
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (pos != null && pos.isNull(i)) {
                    out[i] = 0;
                    if (nulls != null) {
                        nulls[i] = false;
                    }
                    continue;
                }
                int start = pos == null ? 1 : pos.get(i);
                out[i] = start < 1 ? 0 : 1 + charIndexOf(str.data(), str.start(i), str.start(i) + str.length(i),
                        sub.data(), sub.start(i), sub.start(i) + sub.length(i), start - 1);
            }
            return IntVector.wrap(INT, out, n, NullMasks.compact(nulls, n));
        });
    }

    private static BoundFunction bindSubstringIndex(Binding b) {
        List<DataType> inputs = List.of(b.expect(0, STRING), b.expect(1, STRING), b.expect(2, INT));
        return BoundFunction.of(STRING, inputs, (a, n, c) -> {
            BytesVector in = (BytesVector) a[0];
            BytesVector delims = (BytesVector) a[1];
            int[] counts = ((IntVector) a[2]).values();
            boolean[] nulls = NullMasks.union(n, a);
            byte[] d = in.data();
            BytesVector out = new BytesVector(STRING, n, n * 8);
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                    continue;
                }
                int s = in.start(i);
                int e = s + in.length(i);
                byte[] dd = delims.data();
                int ds = delims.start(i);
                int de = ds + delims.length(i);
                int dl = de - ds;
                int count = counts[i];
                if (dl == 0 || count == 0) {
                    out.append(d, s, 0);
                } else if (count > 0) {
                    int idx = s - 1;
                    while (count > 0) {
                        idx = Utf8.indexOf(d, idx + 1, e, dd, ds, de);
                        if (idx < 0) {
                            break;
                        }
                        count--;
                    }
                    out.append(d, s, idx < 0 ? e - s : idx - s);
                } else {
                    int idx = e - dl + 1;
                    while (count < 0) {
                        idx = Utf8.lastIndexOf(d, s, e, dd, ds, de, idx - 1);
                        if (idx < 0) {
                            break;
                        }
                        count++;
                    }
                    int from = idx < 0 ? s : idx + dl;
                    out.append(d, from, e - from);
                }
            }
            return out;
        });
    }

    private static BoundFunction bindMatch(Binding b, int kind) {
        return BoundFunction.of(BOOLEAN, List.of(b.expect(0, STRING), b.expect(1, STRING)), (a, n, c) -> {
            BytesVector l = (BytesVector) a[0];
            BytesVector r = (BytesVector) a[1];
            byte[] ld = l.data();
            byte[] rd = r.data();
            boolean[] out = new boolean[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                int ls = l.start(i);
                int ll = l.length(i);
                int rs = r.start(i);
                int rl = r.length(i);
                if (rl > ll) {
                    out[i] = false;
                } else if (kind == 0) {
                    out[i] = Arrays.equals(ld, ls, ls + rl, rd, rs, rs + rl);
                } else if (kind == 1) {
                    out[i] = Arrays.equals(ld, ls + ll - rl, ls + ll, rd, rs, rs + rl);
                } else {
                    out[i] = Utf8.indexOf(ld, ls, ls + ll, rd, rs, rs + rl) >= 0;
                }
            }
            return BooleanVector.wrap(out, n, NullMasks.union(n, a));
        });
    }

    // ---- reverse, repeat, translate, ascii -----------------------------------------------------------------

    private static BoundFunction bindReverse(Binding b) {
        if (b.type(0) instanceof ArrayType at) {
            return BoundFunction.of(at, List.of(at), (a, n, c) -> CollectionFunctions.reverseArrays((ArrayVector) a[0],
                    n));
        }
        return unary(b, (a, n, c) -> {
            BytesVector in = (BytesVector) a[0];
            byte[] d = in.data();
            boolean[] nulls = in.nulls();
            BytesVector out = new BytesVector(STRING, n, in.offsets()[n] - in.offsets()[0]);
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                    continue;
                }
                int s = in.start(i);
                int e = s + in.length(i);
                out.reserveBytes(e - s);
                byte[] w = out.data();
                int base = out.offsets()[out.size()];
                int p = e - s;
                for (int k = s; k < e; ) {
                    int len = Math.min(Utf8.charBytes(d[k]), e - k);
                    p -= len;
                    System.arraycopy(d, k, w, base + p, len);
                    k += len;
                }
                out.commitInPlace(e - s);
            }
            return out;
        });
    }

    private static BoundFunction bindRepeat(Binding b) {
        return BoundFunction.of(STRING, List.of(b.expect(0, STRING), b.expect(1, INT)),
                (a, n, c) -> repeat(a[0], a[1], n));
    }

    private static ColumnVector repeat(ColumnVector strings, ColumnVector times, int n) {
        BytesVector in = (BytesVector) strings;
        int[] counts = ((IntVector) times).values();
        boolean[] nulls = NullMasks.union(n, strings, times);
        BytesVector out = new BytesVector(STRING, n, n * 8);
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                out.appendNull();
                continue;
            }
            int len = in.length(i);
            int count = Math.max(counts[i], 0);
            long total = (long) len * count;
            if (total > Integer.MAX_VALUE - 16) {
                throw new FluxoRuntimeException("COLLECTION_SIZE_LIMIT_EXCEEDED.FUNCTION",
                        "Can't create a string with " + total + " bytes, exceeding the limit.");
            }
            out.reserveBytes((int) total);
            byte[] w = out.data();
            int p = out.offsets()[out.size()];
            for (int k = 0; k < count; k++) {
                System.arraycopy(in.data(), in.start(i), w, p, len);
                p += len;
            }
            out.commitInPlace((int) total);
        }
        return out;
    }

    /** translate's dictionary: the first occurrence of a character in {@code matching} wins; -1 deletes. */
    private static final class Translation {
        private final Map<Integer, Integer> map = new HashMap<>();
        private final int[] ascii = new int[128];
        private boolean asciiOnly = true;

        Translation(String matching, String replace) {
            Arrays.fill(ascii, -2);
            int[] from = matching.codePoints().toArray();
            int[] to = replace.codePoints().toArray();
            for (int k = 0; k < from.length; k++) {
                int target = k < to.length ? to[k] : -1;
                if (map.putIfAbsent(from[k], target) == null) {
                    if (from[k] < 128) {
                        ascii[from[k]] = target;
                    }
                    asciiOnly &= from[k] < 128 && target < 128;
                }
            }
        }

        void apply(byte[] d, int s, int e, RowBytes row) {
            if (asciiOnly && Utf8.isAscii(d, s, e)) {
                for (int k = s; k < e; k++) {
                    int t = ascii[d[k]];
                    if (t == -2) {
                        row.append(d[k]);
                    } else if (t >= 0) {
                        row.append((byte) t);
                    }
                }
                return;
            }
            String text = new String(d, s, e - s, StandardCharsets.UTF_8);
            for (int k = 0; k < text.length(); ) {
                int cp = text.codePointAt(k);
                Integer t = map.get(cp);
                if (t == null) {
                    row.appendCodePoint(cp);
                } else if (t >= 0) {
                    row.appendCodePoint(t);
                }
                k += Character.charCount(cp);
            }
        }
    }

    private static BoundFunction bindTranslate(Binding b) {
        List<DataType> inputs = List.of(b.expect(0, STRING), b.expect(1, STRING), b.expect(2, STRING));
        String matching = b.constantString(1);
        String replace = b.constantString(2);
        Translation prepared = matching != null && replace != null ? new Translation(matching, replace) : null;
        return BoundFunction.of(STRING, inputs, (a, n, c) -> {
            BytesVector in = (BytesVector) a[0];
            BytesVector matchings = (BytesVector) a[1];
            BytesVector replaces = (BytesVector) a[2];
            boolean[] nulls = NullMasks.union(n, a);
            BytesVector out = new BytesVector(STRING, n, in.offsets()[n] - in.offsets()[0]);
            RowBytes row = new RowBytes();
            Translation dict = prepared;
            String lastMatching = null;
            String lastReplace = null;
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                    continue;
                }
                if (prepared == null) {
                    String m = matchings.getString(i);
                    String r = replaces.getString(i);
                    if (!m.equals(lastMatching) || !r.equals(lastReplace)) {
                        dict = new Translation(m, r);
                        lastMatching = m;
                        lastReplace = r;
                    }
                }
                row.clear();
                dict.apply(in.data(), in.start(i), in.start(i) + in.length(i), row);
                row.appendTo(out);
            }
            return out;
        });
    }

    private static ColumnVector ascii(ColumnVector arg, int n) {
        BytesVector in = (BytesVector) arg;
        byte[] d = in.data();
        int[] out = new int[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            int s = in.start(i);
            int len = in.length(i);
            out[i] = len == 0 ? 0 : Utf8.codePointAt(d, s, s + len);
        }
        return IntVector.wrap(INT, out, n, NullMasks.copy(in, n));
    }
}

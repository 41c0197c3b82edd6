package io.fluxo.connector.file.csv;

import io.fluxo.connector.file.FileSplit;
import io.fluxo.connector.file.internal.TextNumbers;
import io.fluxo.connector.file.internal.TypeWidening;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's CSV schema inference: column names from the header (empty or null names become {@code _c<i>}, duplicates
 * get their index appended) or {@code _c0, _c1, …} from the first record; with {@code inferSchema} each column's
 * type is the widest of its values' types, tried in Spark's order INT, BIGINT, DECIMAL (no fraction), DOUBLE, DATE
 * ({@code preferDate}, {@code yyyy-MM-dd} or {@code dateFormat}), TIMESTAMP, BOOLEAN, STRING; DATE with TIMESTAMP is
 * STRING; a column of nulls only is STRING. Without {@code inferSchema} every column is STRING.
 */
final class CsvSchemaInference {
    private final CsvOptions options;
    private final CsvTokenizer tokenizer;
    private final TextNumbers numbers = new TextNumbers();

    CsvSchemaInference(CsvOptions options) {
        this.options = options;
        this.tokenizer = new CsvTokenizer(options);
    }

    StructType infer(List<Path> files) throws IOException {
        List<String> names = null;
        DataType[] types = null;
        for (Path file : files) {
            long size = Files.size(file);
            if (size == 0) {
                continue;
            }
            try (CsvRecordSource source = new CsvRecordSource(new FileSplit(file, 0, size, size), options, tokenizer)) {
                boolean first = true;
                while (source.next()) {
                    boolean headerLine = first && options.header;
                    first = false;
                    if (names == null) {
                        names = columnNames();
                        types = new DataType[names.size()];
                        java.util.Arrays.fill(types, NullType.INSTANCE);
                        if (!options.inferSchema) {
                            break;
                        }
                    }
                    if (headerLine) {
                        continue;
                    }
                    int n = Math.min(types.length, tokenizer.count());
                    for (int i = 0; i < n; i++) {
                        types[i] = inferField(types[i], i);
                    }
                }
            }
            if (names != null && !options.inferSchema) {
                break;
            }
        }
        List<StructField> fields = new ArrayList<>();
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                DataType t = !options.inferSchema || types[i] instanceof NullType ? StringType.INSTANCE : types[i];
                fields.add(new StructField(names.get(i), t, true));
            }
        }
        return new StructType(fields);
    }

    /** Spark's makeSafeHeader over the tokenized first record. */
    private List<String> columnNames() {
        int n = tokenizer.count();
        List<String> names = new ArrayList<>(n);
        if (!options.header) {
            for (int i = 0; i < n; i++) {
                names.add("_c" + i);
            }
            return names;
        }
        List<String> raw = new ArrayList<>(n);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String name = tokenizer.isNullToken(i) ? null : tokenizer.text(i);
            raw.add(name);
            if (name != null) {
                counts.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        for (int i = 0; i < n; i++) {
            String name = raw.get(i);
            if (name == null || name.isEmpty() || name.equals(options.nullValue)) {
                names.add("_c" + i);
            } else if (counts.get(name.toLowerCase(Locale.ROOT)) > 1) {
                names.add(name + i);
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private DataType inferField(DataType soFar, int i) {
        if (tokenizer.isNullToken(i)) {
            return soFar;
        }
        byte[] b = tokenizer.bytes(i);
        int s = tokenizer.start(i);
        int e = tokenizer.end(i);
        if (s == e && tokenizer.isQuoted(i)) {
            b = options.emptyValueRead;
            s = 0;
            e = b.length;
        }
        if (s == e || CsvValueParser.equal(b, s, e, options.nullValueBytes)) {
            return soFar;
        }
        DataType found;
        if (soFar instanceof NullType || soFar instanceof IntegerType) {
            found = tryInt(b, s, e);
        } else if (soFar instanceof LongType) {
            found = tryLong(b, s, e);
        } else if (soFar instanceof DecimalType) {
            found = tryDecimal(b, s, e);
        } else if (soFar instanceof DoubleType) {
            found = tryDouble(b, s, e);
        } else if (soFar instanceof DateType) {
            found = tryDate(b, s, e);
        } else if (soFar instanceof TimestampType) {
            found = tryTimestamp(b, s, e);
        } else if (soFar instanceof BooleanType) {
            found = tryBoolean(b, s, e);
        } else {
            return StringType.INSTANCE;
        }
        return compatible(soFar, found);
    }

    private static DataType compatible(DataType a, DataType b) {
        if ((a instanceof DateType && b instanceof TimestampType) || (a instanceof TimestampType && b instanceof DateType)) {
            return StringType.INSTANCE;
        }
        return TypeWidening.compatible(a, b);
    }

    private DataType tryInt(byte[] b, int s, int e) {
        return numbers.parseInt(b, s, e) ? IntegerType.INSTANCE : tryLong(b, s, e);
    }

    private DataType tryLong(byte[] b, int s, int e) {
        return numbers.parseLong(b, s, e) ? LongType.INSTANCE : tryDecimal(b, s, e);
    }

    private DataType tryDecimal(byte[] b, int s, int e) {
        try {
            BigDecimal d = new BigDecimal(new String(b, s, e - s, java.nio.charset.StandardCharsets.UTF_8));
            if (d.scale() <= 0) {
                return new DecimalType(d.precision(), d.scale());
            }
        } catch (IllegalArgumentException ex) { // not a number, or no valid decimal type
            // fall through
        }
        return tryDouble(b, s, e);
    }

    private DataType tryDouble(byte[] b, int s, int e) {
        if (numbers.parseDouble(b, s, e) || CsvValueParser.equal(b, s, e, options.nanValue)
                || CsvValueParser.equal(b, s, e, options.positiveInf)
                || CsvValueParser.equal(b, s, e, options.negativeInf)) {
            return DoubleType.INSTANCE;
        }
        return options.preferDate ? tryDate(b, s, e) : tryTimestamp(b, s, e);
    }

    private DataType tryDate(byte[] b, int s, int e) {
        boolean date;
        if (options.dateFormat != null) {
            date = CsvValueParser.parseDate(b, s, e, options) != DateTimeUtils.INVALID_DATE;
        } else {
            // The default pattern yyyy-MM-dd, strictly (reading is more lenient).
            date = e - s == 10 && DateTimeUtils.parseDate(b, s, e) != DateTimeUtils.INVALID_DATE
                    && b[s + 4] == '-' && b[s + 7] == '-';
        }
        return date ? DateType.INSTANCE : tryTimestamp(b, s, e);
    }

    private DataType tryTimestamp(byte[] b, int s, int e) {
        return CsvValueParser.parseTimestamp(b, s, e, options) != DateTimeUtils.INVALID_TIMESTAMP
                ? TimestampType.INSTANCE : tryBoolean(b, s, e);
    }

    private static DataType tryBoolean(byte[] b, int s, int e) {
        return TextNumbers.parseBoolean(b, s, e) >= 0 ? BooleanType.INSTANCE : StringType.INSTANCE;
    }
}

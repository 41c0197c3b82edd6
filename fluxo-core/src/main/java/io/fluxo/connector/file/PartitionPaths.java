package io.fluxo.connector.file;

import io.fluxo.errors.AnalysisException;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.ColumnVector;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hive-style partition folders, as Spark writes and discovers them: {@code country=BR/day=2024-01-01/part-….json}.
 * A value is written as its string form with the characters that paths cannot hold escaped as {@code %XX}; a null is
 * {@code __HIVE_DEFAULT_PARTITION__}. Reading, the folder names give the values back, typed as the schema says or
 * inferred (INT, BIGINT, DOUBLE, DATE, TIMESTAMP, else STRING) as Spark's partition inference does.
 */
public final class PartitionPaths {
    /** The folder name of a null partition value. */
    public static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";

    private PartitionPaths() {
    }

    /** {@code name=value} for row {@code row} of {@code column}. */
    public static String folderName(String name, ColumnVector column, int row, ZoneId zone) {
        return escape(name) + "=" + (column.isNull(row) ? NULL_VALUE : escape(text(column, row, zone)));
    }

    private static String text(ColumnVector column, int row, ZoneId zone) {
        DataType type = column.type();
        Object value = column.getObject(row);
        if (type instanceof TimestampType) {
            return DateTimeUtils.formatTimestamp((Long) value, zone);
        }
        if (type == DataTypes.DateType) {
            return DateTimeUtils.formatDate((Integer) value);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }

    /** Escapes what a path segment cannot hold, as Hive's {@code FileUtils.escapePathName}. */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean special = c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0;
            if (special) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append('%').append(String.format("%02X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    /**
     * The partition values in the folders between {@code root} and {@code file}, in order, or an empty map when the
     * file lies directly in {@code root}. Folders that are not {@code name=value} are an error naming the file.
     */
    public static LinkedHashMap<String, String> valuesOf(Path root, Path file) {
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        Path relative = root.relativize(file).getParent();
        if (relative == null) {
            return values;
        }
        for (Path segment : relative) {
            String name = segment.toString();
            int eq = name.indexOf('=');
            if (eq <= 0) {
                throw new AnalysisException("PARTITION_FOLDER_INVALID", "The folder '" + name + "' of "
                        + FileListing.display(file) + " is not a partition folder (name=value).");
            }
            String value = unescape(name.substring(eq + 1));
            values.put(unescape(name.substring(0, eq)), value.equals(NULL_VALUE) ? null : value);
        }
        return values;
    }

    /**
     * The partition columns of a set of files: the types from {@code userSchema} when it names the column, else
     * inferred from every value seen. All files must have the same partition column names in the same order.
     */
    public static StructType partitionSchema(List<Map<String, String>> valuesPerFile, StructType userSchema,
            Path root) {
        List<String> names = null;
        for (Map<String, String> values : valuesPerFile) {
            List<String> these = new ArrayList<>(values.keySet());
            if (names == null) {
                names = these;
            } else if (!names.equals(these)) {
                throw new AnalysisException("CONFLICTING_PARTITION_COLUMN_NAMES", "Conflicting partition column names "
                        + "under " + FileListing.display(root) + ": " + names + " and " + these + ".");
            }
        }
        List<StructField> fields = new ArrayList<>();
        if (names == null) {
            return new StructType(fields);
        }
        for (String name : names) {
            StructField given = userSchema == null ? null : userSchema.fields().stream()
                    .filter(f -> f.name().equalsIgnoreCase(name)).findFirst().orElse(null);
            DataType type = given != null ? given.dataType() : inferType(valuesPerFile, name);
            fields.add(new StructField(given != null ? given.name() : name, type, true));
        }
        return new StructType(fields);
    }

    private static DataType inferType(List<Map<String, String>> valuesPerFile, String name) {
        DataType type = null;
        for (Map<String, String> values : valuesPerFile) {
            String v = values.get(name);
            if (v == null) {
                continue;
            }
            DataType t = typeOf(v);
            type = type == null ? t : wider(type, t);
        }
        return type == null ? DataTypes.StringType : type;
    }

    private static DataType typeOf(String v) {
        if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-' && DateTimeUtils.parseDate(v) != null) {
            return DataTypes.DateType;
        }
        if (v.length() >= 19 && v.charAt(4) == '-' && v.charAt(10) == ' '
                && DateTimeUtils.parseTimestamp(v, java.time.ZoneOffset.UTC) != null) {
            return DataTypes.TimestampType;
        }
        try {
            Integer.parseInt(v);
            return DataTypes.IntegerType;
        } catch (NumberFormatException notInt) {
            try {
                Long.parseLong(v);
                return DataTypes.LongType;
            } catch (NumberFormatException notLong) {
                try {
                    Double.parseDouble(v);
                    return v.matches("[-+]?[0-9.eE+-]+") ? DataTypes.DoubleType : DataTypes.StringType;
                } catch (NumberFormatException notDouble) {
                    return DataTypes.StringType;
                }
            }
        }
    }

    private static DataType wider(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        if ((a == DataTypes.DateType || a == DataTypes.TimestampType)
                && (b == DataTypes.DateType || b == DataTypes.TimestampType)) {
            return DataTypes.TimestampType;
        }
        List<DataType> numeric = List.of(DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType);
        if (numeric.contains(a) && numeric.contains(b)) {
            return numeric.get(Math.max(numeric.indexOf(a), numeric.indexOf(b)));
        }
        return DataTypes.StringType;
    }
}

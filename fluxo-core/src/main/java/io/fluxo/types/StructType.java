package io.fluxo.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A row type: an ordered list of named fields. Field lookup by name ignores case, as Spark does by default.
 * DDL strings are parsed by {@code io.fluxo.sql.SqlParser.parseTableSchema}; build one in code with {@link #add}.
 */
public record StructType(List<StructField> fields) implements DataType {
    public StructType {
        fields = List.copyOf(fields);
    }

    public static StructType of(StructField... fields) {
        return new StructType(List.of(fields));
    }

    public static StructType empty() {
        return new StructType(List.of());
    }

    /** A new struct with one more field: {@code StructType.empty().add("id", DataTypes.LongType)}. */
    public StructType add(String name, DataType type) {
        return add(new StructField(name, type, true));
    }

    public StructType add(String name, DataType type, boolean nullable) {
        return add(new StructField(name, type, nullable));
    }

    public StructType add(StructField field) {
        List<StructField> copy = new ArrayList<>(fields);
        copy.add(field);
        return new StructType(copy);
    }

    public int size() {
        return fields.size();
    }

    public StructField field(int i) {
        return fields.get(i);
    }

    public List<String> fieldNames() {
        return fields.stream().map(StructField::name).toList();
    }

    /** Index of the field named {@code name} (case-insensitive), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<StructField> find(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(fields.get(i));
    }

    public List<DataType> types() {
        return Collections.unmodifiableList(fields.stream().map(StructField::dataType).toList());
    }

    @Override
    public String simpleString() {
        return fields.stream().map(f -> f.name() + ":" + f.dataType().simpleString())
                .collect(Collectors.joining(",", "struct<", ">"));
    }

    @Override
    public String sql() {
        return fields.stream().map(f -> quoteIfNeeded(f.name()) + ": " + f.dataType().sql())
                .collect(Collectors.joining(", ", "STRUCT<", ">"));
    }

    @Override
    public String typeName() {
        return "struct";
    }

    /** The schema as a DDL string, {@code "ts TIMESTAMP, user STRING"}; parses back to an equal schema. */
    public String toDDL() {
        return fields.stream().map(StructField::toDDL).collect(Collectors.joining(", "));
    }

    /** Spark's {@code printSchema} tree. */
    public String treeString() {
        StringBuilder sb = new StringBuilder("root\n");
        appendTree(sb, this, " |");
        return sb.toString();
    }

    private static void appendTree(StringBuilder sb, DataType type, String prefix) {
        if (type instanceof StructType s) {
                for (StructField f : s.fields()) {
                    sb.append(prefix).append("-- ").append(f.name()).append(": ").append(f.dataType().typeName())
                            .append(" (nullable = ").append(f.nullable()).append(")\n");
                    appendTree(sb, f.dataType(), prefix + "    |");
                }
        } else if (type instanceof ArrayType a) {
                sb.append(prefix).append("-- element: ").append(a.elementType().typeName())
                        .append(" (containsNull = ").append(a.containsNull()).append(")\n");
                appendTree(sb, a.elementType(), prefix + "    |");
        } else if (type instanceof MapType m) {
                sb.append(prefix).append("-- key: ").append(m.keyType().typeName()).append("\n");
                appendTree(sb, m.keyType(), prefix + "    |");
                sb.append(prefix).append("-- value: ").append(m.valueType().typeName())
                        .append(" (valueContainsNull = ").append(m.valueContainsNull()).append(")\n");
                appendTree(sb, m.valueType(), prefix + "    |");
        }
    }

    static String quoteIfNeeded(String name) {
        if (!name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
                && !Character.isDigit(name.charAt(0))) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    /** True when both have the same field names (ignoring case) and types, nullability aside. */
    public boolean sameShape(StructType other) {
        if (other.size() != size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (!field(i).name().toLowerCase(Locale.ROOT).equals(other.field(i).name().toLowerCase(Locale.ROOT))
                    || !field(i).dataType().equals(other.field(i).dataType())) {
                return false;
            }
        }
        return true;
    }
}

package io.fluxo.vector.row;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnVector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The binary row format: decode(encode(rows)) gives the rows back, and equal rows encode to equal bytes. */
class BinaryRowCodecProperties {
    private static final List<DataType> TYPES = List.of(DataTypes.BooleanType, DataTypes.IntegerType,
            DataTypes.LongType, DataTypes.DoubleType, new DecimalType(10, 2), new DecimalType(30, 3),
            DataTypes.StringType, DataTypes.DateType, DataTypes.TimestampType, new ArrayType(DataTypes.StringType),
            StructType.empty().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType));

    private static Object value(java.util.Random r, DataType t) {
        if (r.nextInt(5) == 0) {
            return null;
        }
        if (t.equals(DataTypes.BooleanType)) {
            return r.nextBoolean();
        }
        if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.DateType)) {
            return r.nextInt(7) - 3;
        }
        if (t.equals(DataTypes.LongType) || t.equals(DataTypes.TimestampType)) {
            return (long) r.nextInt(7);
        }
        if (t.equals(DataTypes.DoubleType)) {
            return new double[] {0.0, -0.0, 1.5, Double.NaN, -2.25}[r.nextInt(5)];
        }
        if (t instanceof DecimalType d) {
            return BigDecimal.valueOf(r.nextInt(2000) - 1000, d.scale());
        }
        if (t.equals(DataTypes.StringType)) {
            return new String[] {"", "a", "é", "ab", "日本"}[r.nextInt(5)];
        }
        if (t instanceof ArrayType a) {
            List<Object> out = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) {
                out.add(value(r, a.elementType()));
            }
            return out;
        }
        StructType s = (StructType) t;
        return new Object[] {value(r, s.field(0).dataType()), value(r, s.field(1).dataType())};
    }

    @Property(tries = 50)
    void roundTripsAndEqualRowsEncodeEqually(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int rows) {
        java.util.Random r = new java.util.Random(seed);
        ColumnVector[] cols = new ColumnVector[TYPES.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVector.allocate(TYPES.get(c), rows);
            for (int i = 0; i < rows; i++) {
                cols[c].appendObject(value(r, TYPES.get(c)));
            }
        }
        BinaryRowCodec codec = new BinaryRowCodec(TYPES);
        BinaryRowCodec.Encoded encoded = new BinaryRowCodec.Encoded();
        codec.encode(cols, rows, encoded);
        ColumnVector[] decoded = new ColumnVector[cols.length];
        for (int c = 0; c < cols.length; c++) {
            decoded[c] = ColumnVector.allocate(TYPES.get(c), rows);
        }
        int pos = 0;
        for (int i = 0; i < rows; i++) {
            assertThat(pos).isEqualTo(encoded.offsets()[i]);
            pos = codec.decode(encoded.bytes(), pos, decoded);
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                boolean sameValues = true;
                for (int c = 0; c < cols.length; c++) {
                    sameValues &= normalized(cols[c].getObject(i)).equals(normalized(cols[c].getObject(j)));
                }
                boolean sameBytes = Arrays.equals(encoded.bytes(), encoded.offsets()[i], encoded.offsets()[i + 1],
                        encoded.bytes(), encoded.offsets()[j], encoded.offsets()[j + 1]);
                assertThat(sameBytes).isEqualTo(sameValues);
            }
            for (int c = 0; c < cols.length; c++) {
                assertThat(normalized(decoded[c].getObject(i))).isEqualTo(normalized(cols[c].getObject(i)));
            }
        }
    }

    /** Comparable form: -0.0 as 0.0 (grouping equality), arrays and structs as lists. */
    private static Object normalized(Object v) {
        if (v instanceof Double d) {
            return d == 0.0 ? 0.0 : d;
        }
        if (v instanceof Object[] a) {
            return Arrays.stream(a).map(BinaryRowCodecProperties::normalized).toList();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(BinaryRowCodecProperties::normalized).toList();
        }
        return v == null ? "<null>" : v;
    }
}

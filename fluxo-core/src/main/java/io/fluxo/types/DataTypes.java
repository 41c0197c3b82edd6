package io.fluxo.types;

/** Spark-style constants and factories for data types, for code that builds schemas by hand. */
public final class DataTypes {
    public static final NullType NullType = io.fluxo.types.NullType.INSTANCE;
    public static final BooleanType BooleanType = io.fluxo.types.BooleanType.INSTANCE;
    public static final IntegerType IntegerType = io.fluxo.types.IntegerType.INSTANCE;
    public static final LongType LongType = io.fluxo.types.LongType.INSTANCE;
    public static final DoubleType DoubleType = io.fluxo.types.DoubleType.INSTANCE;
    public static final StringType StringType = io.fluxo.types.StringType.INSTANCE;
    public static final BinaryType BinaryType = io.fluxo.types.BinaryType.INSTANCE;
    public static final DateType DateType = io.fluxo.types.DateType.INSTANCE;
    public static final TimestampType TimestampType = io.fluxo.types.TimestampType.INSTANCE;

    private DataTypes() {
    }

    public static DecimalType createDecimalType(int precision, int scale) {
        return new DecimalType(precision, scale);
    }

    public static ArrayType createArrayType(DataType elementType) {
        return new ArrayType(elementType, true);
    }

    public static MapType createMapType(DataType keyType, DataType valueType) {
        return new MapType(keyType, valueType, true);
    }

    public static StructField createStructField(String name, DataType type, boolean nullable) {
        return new StructField(name, type, nullable);
    }
}

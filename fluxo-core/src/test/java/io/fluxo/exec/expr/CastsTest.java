package io.fluxo.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CastsTest {
    private static final DataType BOOL = DataTypes.BooleanType;
    private static final DataType INT = DataTypes.IntegerType;
    private static final DataType LONG = DataTypes.LongType;
    private static final DataType DOUBLE = DataTypes.DoubleType;
    private static final DataType STRING = DataTypes.StringType;
    private static final DataType BINARY = DataTypes.BinaryType;
    private static final DataType DATE = DataTypes.DateType;
    private static final DataType TIMESTAMP = DataTypes.TimestampType;
    private static final DataType DECIMAL = new DecimalType(10, 2);

    @Test
    void ansiCastTable() {
        List<DataType> atomic = List.of(BOOL, INT, LONG, DOUBLE, DECIMAL, STRING, BINARY, DATE, TIMESTAMP);
        // Rows: from; columns: to, in the order of `atomic`.
        String[] table = {
            "BOOL      Y Y Y Y Y Y . . .",
            "INT       Y Y Y Y Y Y . . Y",
            "LONG      Y Y Y Y Y Y . . Y",
            "DOUBLE    Y Y Y Y Y Y . . Y",
            "DECIMAL   Y Y Y Y Y Y . . Y",
            "STRING    Y Y Y Y Y Y Y Y Y",
            "BINARY    . . . . . Y Y . .",
            "DATE      . . . . . Y . Y Y",
            "TIMESTAMP . Y Y Y Y Y . Y Y",
        };
        for (int f = 0; f < atomic.size(); f++) {
            String[] cells = table[f].trim().split("\\s+");
            for (int t = 0; t < atomic.size(); t++) {
                assertThat(Casts.canCast(atomic.get(f), atomic.get(t)))
                        .as("%s -> %s", atomic.get(f).sql(), atomic.get(t).sql())
                        .isEqualTo(cells[t + 1].equals("Y"));
            }
        }
        assertThat(Casts.canCast(DataTypes.NullType, new ArrayType(INT))).isTrue();
    }

    @Test
    void nestedCastsFollowTheirElements() {
        assertThat(Casts.canCast(new ArrayType(STRING), new ArrayType(INT))).isTrue();
        assertThat(Casts.canCast(new ArrayType(DATE), new ArrayType(INT))).isFalse();
        assertThat(Casts.canCast(new ArrayType(INT, true), new ArrayType(LONG, false))).isFalse();
        assertThat(Casts.canCast(new MapType(STRING, STRING), new MapType(STRING, INT))).isTrue();
        StructType ab = StructType.empty().add("a", STRING).add("b", INT);
        assertThat(Casts.canCast(ab, StructType.empty().add("x", INT).add("y", STRING))).isTrue();
        assertThat(Casts.canCast(ab, StructType.empty().add("x", INT))).isFalse();
        assertThat(Casts.canCast(ab, STRING)).isTrue();
        assertThat(Casts.canCast(STRING, ab)).isFalse();
    }

    @Test
    void upCastsWidenWithoutLoss() {
        assertThat(Casts.canUpCast(INT, LONG)).isTrue();
        assertThat(Casts.canUpCast(LONG, INT)).isFalse();
        assertThat(Casts.canUpCast(INT, new DecimalType(10, 0))).isTrue();
        assertThat(Casts.canUpCast(INT, new DecimalType(10, 1))).isFalse();
        assertThat(Casts.canUpCast(LONG, new DecimalType(20, 0))).isTrue();
        assertThat(Casts.canUpCast(LONG, new DecimalType(19, 0))).isFalse();
        assertThat(Casts.canUpCast(new DecimalType(5, 2), new DecimalType(6, 3))).isTrue();
        assertThat(Casts.canUpCast(new DecimalType(5, 2), new DecimalType(6, 4))).isFalse();
        assertThat(Casts.canUpCast(DECIMAL, DOUBLE)).isTrue();
        assertThat(Casts.canUpCast(LONG, DOUBLE)).isTrue();
        assertThat(Casts.canUpCast(DOUBLE, DECIMAL)).isFalse();
        assertThat(Casts.canUpCast(DATE, TIMESTAMP)).isTrue();
        assertThat(Casts.canUpCast(TIMESTAMP, DATE)).isFalse();
        assertThat(Casts.canUpCast(DataTypes.NullType, STRING)).isTrue();
        assertThat(Casts.canUpCast(STRING, INT)).isFalse();
        assertThat(Casts.canUpCast(new ArrayType(INT), new ArrayType(LONG))).isTrue();
    }
}

package io.fluxo.vector.row;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.StructVector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Structs without nulls are encoded column by column, those with nulls value by value: both must give the same bytes
 * for the same row, since state store keys written one way are looked up the other way.
 */
class StructEncodingTest {
    private static final StructType WINDOW = StructType.empty().add("start", DataTypes.TimestampType, true)
            .add("end", DataTypes.TimestampType, true);

    private static StructVector windows(long[] starts, boolean[] structNulls) {
        long[] ends = Arrays.stream(starts).map(s -> s + 10).toArray();
        return StructVector.wrap(WINDOW, new ColumnVector[] {
            LongVector.wrap(DataTypes.TimestampType, starts, starts.length, null),
            LongVector.wrap(DataTypes.TimestampType, ends, starts.length, null)}, starts.length, structNulls);
    }

    private static byte[] row(BinaryRowCodec.Encoded e, int i) {
        return Arrays.copyOfRange(e.bytes(), e.offsets()[i], e.offsets()[i + 1]);
    }

    @Test
    void columnarAndValueByValueEncodingsAgree() {
        BinaryRowCodec codec = new BinaryRowCodec(List.of(WINDOW, DataTypes.LongType));
        long[] starts = {0, -5, Long.MAX_VALUE - 10};
        LongVector keys = LongVector.wrap(DataTypes.LongType, new long[] {7, 8, 9}, 3, null);
        BinaryRowCodec.Encoded columnar = new BinaryRowCodec.Encoded();
        codec.encode(new ColumnVector[] {windows(starts, null), keys}, 3, columnar);
        BinaryRowCodec.Encoded generic = new BinaryRowCodec.Encoded();
        codec.encode(new ColumnVector[] {windows(starts, new boolean[] {false, true, false}), keys}, 3, generic);
        assertThat(row(columnar, 0)).isEqualTo(row(generic, 0));
        assertThat(row(columnar, 2)).isEqualTo(row(generic, 2));
        assertThat(row(columnar, 1)).isNotEqualTo(row(generic, 1));

        ColumnVector[] decoded = {ColumnVector.allocate(WINDOW, 3), ColumnVector.allocate(DataTypes.LongType, 3)};
        int p = 0;
        for (int i = 0; i < 3; i++) {
            p = codec.decode(columnar.bytes(), p, decoded);
        }
        assertThat(decoded[0].getObject(2)).isEqualTo(windows(starts, null).getObject(2));
        assertThat(decoded[1].getObject(1)).isEqualTo(8L);
    }
}

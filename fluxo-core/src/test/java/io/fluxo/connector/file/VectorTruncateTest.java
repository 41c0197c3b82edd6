package io.fluxo.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.MapType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnVector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ColumnVector.truncate, which readers use to undo a malformed record's partial row. */
class VectorTruncateTest {
    @Test
    void truncatedRowsAreRewrittenCleanly() {
        DataType[] types = {DataTypes.IntegerType, DataTypes.StringType, new ArrayType(DataTypes.LongType),
            new MapType(DataTypes.StringType, DataTypes.IntegerType),
            StructType.empty().add("a", DataTypes.IntegerType).add("b", new ArrayType(DataTypes.StringType)),
            DataTypes.NullType};
        Object[] first = {1, "x", List.of(1L), Map.of("k", 1), new Object[] {1, List.of("a")}, null};
        Object[] second = {null, null, Arrays.asList(2L, null), null, null, null};
        Object[] third = {3, "zz", List.of(), Map.of(), new Object[] {null, null}, null};
        for (int t = 0; t < types.length; t++) {
            ColumnVector v = ColumnVector.allocate(types[t], 2);
            v.appendObject(first[t]);
            v.appendObject(second[t]);
            v.truncate(1);
            v.appendObject(third[t]);
            assertThat(v.size()).isEqualTo(2);
            assertThat(FileTestSupport.plain(v.getObject(0))).isEqualTo(FileTestSupport.plain(first[t]));
            assertThat(FileTestSupport.plain(v.getObject(1))).as(types[t].sql())
                    .isEqualTo(FileTestSupport.plain(third[t]));
            assertThat(v.isNull(1)).isEqualTo(third[t] == null);
        }
    }
}

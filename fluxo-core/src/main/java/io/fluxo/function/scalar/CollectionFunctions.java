package io.fluxo.function.scalar;

import io.fluxo.function.FunctionRegistry;
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.ColumnVector;

/** Functions that build and read arrays, maps and structs. */
public final class CollectionFunctions {
    private CollectionFunctions() {
    }

    public static void register(FunctionRegistry registry) {
    }

    /** Each array with its elements in reverse order; elements are gathered once for the whole batch. */
    static ColumnVector reverseArrays(ArrayVector in, int n) {
        int[] offsets = new int[n + 1];
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += in.isNull(i) ? 0 : in.length(i);
            offsets[i + 1] = total;
        }
        int[] positions = new int[Math.max(total, 1)];
        int p = 0;
        for (int i = 0; i < n; i++) {
            if (in.isNull(i)) {
                continue;
            }
            int start = in.start(i);
            for (int k = in.length(i) - 1; k >= 0; k--) {
                positions[p++] = start + k;
            }
        }
        ColumnVector elements = in.elements().gather(positions, total);
        return ArrayVector.wrap(in.arrayType(), offsets, elements, n, NullMasks.copy(in, n));
    }
}

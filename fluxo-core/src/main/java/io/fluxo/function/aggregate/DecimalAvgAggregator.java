package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.DecimalType;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.LongVector;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code avg} of DECIMAL(p, s): an exact sum at DECIMAL(min(38, p + 10), s) and a count; the result, at
 * DECIMAL(min(38, p + 4), min(38, s + 4)), is the quotient to 38 places rounded half-up to the result scale, as Spark's
 * decimal division does. NULL when the count is 0.
 */
final class DecimalAvgAggregator implements GroupedAggregator {
    private final DecimalType sumType;
    private final DecimalType resultType;
    private final Int128Sums sums = new Int128Sums();
    private long[] counts = new long[0];

    DecimalAvgAggregator(DecimalType sumType, DecimalType resultType) {
        this.sumType = sumType;
        this.resultType = resultType;
    }

    @Override
    public void ensureCapacity(int numGroups) {
        sums.ensureCapacity(numGroups);
        counts = AggregateState.grow(counts, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        DecimalVector input = (DecimalVector) args[0];
        sums.add(groupIds, input, numRows);
        long[] c = counts;
        boolean[] nulls = input.nulls();
        for (int i = 0; i < numRows; i++) {
            if (nulls == null || !nulls[i]) {
                c[groupIds[i]]++;
            }
        }
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        sums.add(groupIds, (DecimalVector) states[0], numRows);
        long[] c = counts;
        long[] stateCounts = ((LongVector) states[1]).values();
        for (int i = 0; i < numRows; i++) {
            c[groupIds[i]] += stateCounts[i];
        }
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        DecimalVector outSums = (DecimalVector) out[0];
        LongVector outCounts = (LongVector) out[1];
        outSums.reserve(outSums.size() + count);
        outCounts.reserve(outCounts.size() + count);
        for (int g = from; g < from + count; g++) {
            sums.write(g, outSums, false);
            outCounts.append(counts[g]);
        }
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        DecimalVector o = (DecimalVector) out;
        o.reserve(o.size() + count);
        for (int g = from; g < from + count; g++) {
            if (counts[g] == 0) {
                o.appendNull();
                continue;
            }
            BigDecimal sum = sums.checkedSum(g, sumType);
            BigDecimal avg = sum.divide(BigDecimal.valueOf(counts[g]), DecimalType.MAX_PRECISION, RoundingMode.HALF_UP)
                    .setScale(resultType.scale(), RoundingMode.HALF_UP);
            if (avg.precision() - avg.scale() > resultType.precision() - resultType.scale() && avg.signum() != 0) {
                throw AggregateErrors.decimalOutOfRange(avg.toPlainString(), resultType);
            }
            o.appendDecimal(avg);
        }
    }

    @Override
    public long sizeInBytes() {
        return sums.sizeInBytes() + 8L * counts.length;
    }
}

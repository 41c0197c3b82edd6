package io.fluxo.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.plan.expr.And;
import io.fluxo.plan.expr.BoundReference;
import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.In;
import io.fluxo.plan.expr.IsNotNull;
import io.fluxo.plan.expr.IsNull;
import io.fluxo.plan.expr.Like;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.Not;
import io.fluxo.plan.expr.Or;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random predicates over random batches (small value domains, so equal values, NaN, -0.0 and nulls are common):
 * {@code evaluate()} agrees with a row-at-a-time reference of SQL's three-valued logic, and the selection-vector
 * evaluator selects exactly the rows {@code evaluate()} finds TRUE.
 */
class PredicateProperties {
    private static final DataType LONG = DataTypes.LongType;
    private static final DataType DOUBLE = DataTypes.DoubleType;
    private static final DataType STRING = DataTypes.StringType;
    private static final DataType BOOL = DataTypes.BooleanType;
    private static final DataType[] TYPES = {LONG, DOUBLE, STRING, BOOL, LONG};
    private static final double[] DOUBLES = {Double.NaN, -0.0, 0.0, 1.5, -2.0, Double.POSITIVE_INFINITY};
    private static final String[] STRINGS = {"", "a", "ab", "é", "b", "a_b"};
    private static final String[] PATTERNS = {"a%", "%b", "_", "%", "a\\_b", "%é%", "a_b"};
    private static final Comparison.Op[] OPS = Comparison.Op.values();

    @Property(tries = 500)
    void selectionMatchesEvaluationAndTheReference(@ForAll long seed) {
        Random random = new Random(seed);
        int rows = random.nextInt(40);
        Object[][] data = new Object[TYPES.length][rows];
        for (int c = 0; c < TYPES.length; c++) {
            for (int r = 0; r < rows; r++) {
                data[c][r] = random.nextInt(5) == 0 ? null : randomValue(TYPES[c], random);
            }
        }
        ColumnVector[] columns = new ColumnVector[TYPES.length];
        for (int c = 0; c < TYPES.length; c++) {
            columns[c] = Eval.vector(TYPES[c], data[c]);
        }
        ColumnBatch batch = new ColumnBatch(columns, rows);
        Expression predicate = predicate(random, random.nextInt(4));

        BooleanVector evaluated = (BooleanVector) ExpressionCompiler.compile(predicate, Eval.UTC).evaluate(batch);
        List<Integer> trueRows = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Boolean expected = reference(predicate, data, r);
            Boolean actual = evaluated.isNull(r) ? null : evaluated.get(r);
            assertThat(actual).as("row %d of %s", r, predicate.sql()).isEqualTo(expected);
            if (Boolean.TRUE.equals(actual)) {
                trueRows.add(r);
            }
        }
        assertThat(Eval.selected(predicate, batch)).as(predicate.sql()).isEqualTo(trueRows);
    }

    private static Object randomValue(DataType type, Random random) {
        if (type == LONG) {
            return (long) random.nextInt(7) - 3;
        }
        if (type == DOUBLE) {
            return DOUBLES[random.nextInt(DOUBLES.length)];
        }
        if (type == STRING) {
            return STRINGS[random.nextInt(STRINGS.length)];
        }
        return random.nextBoolean();
    }

    private static Expression column(int ordinal) {
        return new BoundReference(ordinal, TYPES[ordinal], true);
    }

    private static Expression literal(DataType type, Random random) {
        return new Literal(random.nextInt(8) == 0 ? null : randomValue(type, random), type);
    }

    private static Expression predicate(Random random, int depth) {
        int choice = random.nextInt(depth == 0 ? 8 : 11);
        switch (choice) {
            case 0:
            case 6:
            case 7: {
                int c = random.nextInt(3);
                Expression col = column(c);
                Expression lit = literal(TYPES[c], random);
                Comparison.Op op = OPS[random.nextInt(OPS.length)];
                return random.nextBoolean() ? new Comparison(op, col, lit) : new Comparison(op, lit, col);
            }
            case 1:
                return new Comparison(OPS[random.nextInt(OPS.length)], column(0), column(4));
            case 2:
                return random.nextBoolean() ? new IsNull(column(random.nextInt(5)))
                        : new IsNotNull(column(random.nextInt(5)));
            case 3:
                return column(3);
            case 4: {
                List<Expression> items = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(literal(LONG, random));
                }
                if (random.nextInt(4) == 0) {
                    items.add(column(4));
                }
                return new In(column(0), items);
            }
            case 5:
                return new Like(column(2), new Literal(PATTERNS[random.nextInt(PATTERNS.length)], STRING), '\\');
            case 8:
                return new And(predicate(random, depth - 1), predicate(random, depth - 1));
            case 9:
                return new Or(predicate(random, depth - 1), predicate(random, depth - 1));
            default:
                return new Not(predicate(random, depth - 1));
        }
    }

    /** SQL's three-valued result of {@code e} on one row; null is UNKNOWN. */
    private static Boolean reference(Expression e, Object[][] data, int row) {
        if (e instanceof BoundReference b) {
            return (Boolean) data[b.ordinal()][row];
        }
        if (e instanceof Not n) {
            Boolean v = reference(n.child(), data, row);
            return v == null ? null : !v;
        }
        if (e instanceof And a) {
            Boolean l = reference(a.left(), data, row);
            Boolean r = reference(a.right(), data, row);
            if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
                return false;
            }
            return l == null || r == null ? null : true;
        }
        if (e instanceof Or o) {
            Boolean l = reference(o.left(), data, row);
            Boolean r = reference(o.right(), data, row);
            if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
                return true;
            }
            return l == null || r == null ? null : false;
        }
        if (e instanceof IsNull n) {
            return value(n.child(), data, row) == null;
        }
        if (e instanceof IsNotNull n) {
            return value(n.child(), data, row) != null;
        }
        if (e instanceof Comparison c) {
            Object l = value(c.left(), data, row);
            Object r = value(c.right(), data, row);
            if (c.op() == Comparison.Op.NULL_SAFE_EQUAL) {
                return l == null || r == null ? l == r : compare(l, r) == 0;
            }
            if (l == null || r == null) {
                return null;
            }
            int cmp = compare(l, r);
            switch (c.op()) {
                case EQUAL:
                    return cmp == 0;
                case LESS_THAN:
                    return cmp < 0;
                case LESS_THAN_OR_EQUAL:
                    return cmp <= 0;
                case GREATER_THAN:
                    return cmp > 0;
                default:
                    return cmp >= 0;
            }
        }
        if (e instanceof In in) {
            Object v = value(in.value(), data, row);
            if (v == null) {
                return null;
            }
            boolean sawNull = false;
            for (Expression item : in.list()) {
                Object x = value(item, data, row);
                if (x == null) {
                    sawNull = true;
                } else if (compare(v, x) == 0) {
                    return true;
                }
            }
            return sawNull ? null : false;
        }
        if (e instanceof Like l) {
            Object s = value(l.child(), data, row);
            if (s == null) {
                return null;
            }
            String regex = "(?s)" + ((String) ((Literal) l.pattern()).value()).replace("\\_", "\u0000")
                    .replace("%", ".*").replace("_", ".").replace("\u0000", "_");
            return Pattern.compile(regex).matcher((String) s).matches();
        }
        throw new IllegalArgumentException(e.sql());
    }

    private static Object value(Expression e, Object[][] data, int row) {
        return e instanceof Literal l ? l.value() : data[((BoundReference) e).ordinal()][row];
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object l, Object r) {
        if (l instanceof Double x) {
            double y = (Double) r;
            return x == y ? 0 : Double.compare(x, y);
        }
        if (l instanceof String s) {
            // The strings here have no surrogates, so UTF-16 order is code-point order.
            return Integer.signum(s.compareTo((String) r));
        }
        return ((Comparable<Object>) l).compareTo(r);
    }
}

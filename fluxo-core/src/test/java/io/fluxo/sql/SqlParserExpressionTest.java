package io.fluxo.sql;

import static io.fluxo.sql.ExpressionTrees.alias;
import static io.fluxo.sql.ExpressionTrees.col;
import static io.fluxo.sql.ExpressionTrees.comparable;
import static io.fluxo.sql.ExpressionTrees.distinctFn;
import static io.fluxo.sql.ExpressionTrees.fn;
import static io.fluxo.sql.ExpressionTrees.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.plan.expr.And;
import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.CaseWhen;
import io.fluxo.plan.expr.Cast;
import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.In;
import io.fluxo.plan.expr.IsNotNull;
import io.fluxo.plan.expr.IsNull;
import io.fluxo.plan.expr.Like;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.Not;
import io.fluxo.plan.expr.Or;
import io.fluxo.plan.expr.RLike;
import io.fluxo.plan.expr.UnaryMinus;
import io.fluxo.plan.expr.UnresolvedAttribute;
import io.fluxo.plan.expr.UnresolvedExtractValue;
import io.fluxo.plan.expr.UnresolvedFunction;
import io.fluxo.plan.expr.UnresolvedStar;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DayTimeIntervalType;
import io.fluxo.types.YearMonthIntervalType;
import io.fluxo.types.DecimalType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlParserExpressionTest {
    private static Arithmetic add(Expression l, Expression r) {
        return new Arithmetic(Arithmetic.Op.ADD, l, r);
    }

    private static Arithmetic sub(Expression l, Expression r) {
        return new Arithmetic(Arithmetic.Op.SUBTRACT, l, r);
    }

    private static Arithmetic mul(Expression l, Expression r) {
        return new Arithmetic(Arithmetic.Op.MULTIPLY, l, r);
    }

    private static Comparison cmp(Comparison.Op op, Expression l, Expression r) {
        return new Comparison(op, l, r);
    }

    private static Comparison eq(Expression l, Expression r) {
        return cmp(Comparison.Op.EQUAL, l, r);
    }

    private static Arguments row(String sql, Expression expected) {
        return Arguments.of(sql, expected);
    }

    static Stream<Arguments> columns() {
        return Stream.of(
                row("a", col("a")),
                row("MixedCase", col("MixedCase")),
                row("_x1", col("_x1")),
                row("t.col", col("t", "col")),
                row("s.field.sub", col("s", "field", "sub")),
                row("`a b`", col("a b")),
                row("`a``b`", col("a`b")),
                row("`a.b`.c", col("a.b", "c")),
                row("t.`x y`", col("t", "x y")),
                row("*", new UnresolvedStar(List.of())),
                row("t.*", new UnresolvedStar(List.of("t"))),
                row("db.t.*", new UnresolvedStar(List.of("db", "t"))),
                row("a[0]", new UnresolvedExtractValue(col("a"), lit(0))),
                row("m['k']", new UnresolvedExtractValue(col("m"), lit("k"))),
                row("a[i + 1]", new UnresolvedExtractValue(col("a"), add(col("i"), lit(1)))),
                row("a[0][1]", new UnresolvedExtractValue(new UnresolvedExtractValue(col("a"), lit(0)), lit(1))),
                row("a[0].f", new UnresolvedExtractValue(new UnresolvedExtractValue(col("a"), lit(0)), lit("f"))),
                row("s.a[0]", new UnresolvedExtractValue(col("s", "a"), lit(0))),
                row("(s).f", new UnresolvedExtractValue(col("s"), lit("f"))),
                row("(a + b).f", new UnresolvedExtractValue(add(col("a"), col("b")), lit("f"))),
                row("f(x).y", new UnresolvedExtractValue(fn("f", col("x")), lit("y"))),
                row("s.`weird field`", col("s", "weird field")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("columns")
    void parsesColumnReferences(String sql, Expression expected) {
        assertParses(sql, expected);
    }

    /** Keywords are not reserved: each can name a column, as in Spark's default mode. */
    @ParameterizedTest
    @ValueSource(strings = {"date", "timestamp", "window", "year", "value", "key", "count", "interval", "map",
            "array", "struct", "month", "day", "second", "minute", "hour", "week", "comment", "position", "trim",
            "substring", "extract", "to", "from", "for", "end", "escape", "unknown", "any", "some", "all", "both",
            "leading", "trailing", "div", "is", "in", "like", "rlike", "regexp", "ilike"})
    void keywordsAreColumnNames(String name) {
        assertParses(name, col(name));
        assertParses("t." + name, col("t", name));
        assertParses("x AS " + name, alias(col("x"), name));
        assertParses(name + " + 1", add(col(name), lit(1)));
    }

    @Test
    void keywordsAsFieldNamesAndFunctionNames() {
        assertParses("s.date.year", col("s", "date", "year"));
        assertParses("window(ts, '5 minutes')", fn("window", col("ts"), lit("5 minutes")));
        assertParses("date(ts)", fn("date", col("ts")));
        assertParses("year(ts)", fn("year", col("ts")));
        assertParses("timestamp(ts)", fn("timestamp", col("ts")));
        assertParses("map(1, 'a')", fn("map", lit(1), lit("a")));
        assertParses("array(1, 2)", fn("array", lit(1), lit(2)));
        assertParses("count", col("count"));
        assertParses("left(s, 2)", fn("left", col("s"), lit(2)));
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                row("1", lit(1)),
                row("0", lit(0)),
                row("-1", lit(-1)),
                row("2147483647", lit(Integer.MAX_VALUE)),
                row("-2147483648", lit(Integer.MIN_VALUE)),
                row("2147483648", lit(2147483648L)),
                row("9223372036854775807", lit(Long.MAX_VALUE)),
                row("-9223372036854775808", lit(Long.MIN_VALUE)),
                row("9223372036854775808", lit(new java.math.BigDecimal("9223372036854775808"))),
                row("10L", lit(10L)),
                row("10l", lit(10L)),
                row("-10L", lit(-10L)),
                row("10S", lit(10)),
                row("-32768S", lit(-32768)),
                row("10Y", lit(10)),
                row("127y", lit(127)),
                row("1.5", lit(new java.math.BigDecimal("1.5"))),
                row("-1.50", lit(new java.math.BigDecimal("-1.50"))),
                row(".5", lit(new java.math.BigDecimal("0.5"))),
                row("1.", lit(new java.math.BigDecimal("1"))),
                row("0.001", lit(new java.math.BigDecimal("0.001"))),
                row("1.5e3", lit(1500.0)),
                row("1E3", lit(1000.0)),
                row("1e-2", lit(0.01)),
                row("-2.5E+2", lit(-250.0)),
                row("1.5D", lit(1.5)),
                row("2d", lit(2.0)),
                row("1.5F", lit(1.5)),
                row("1.5BD", lit(new java.math.BigDecimal("1.5"))),
                row("1e2BD", lit(new java.math.BigDecimal("100"))),
                row("10BD", lit(new java.math.BigDecimal("10"))),
                row("'abc'", lit("abc")),
                row("\"abc\"", lit("abc")),
                row("''", lit("")),
                row("'a' 'b' \"c\"", lit("abc")),
                row("'it\\'s'", lit("it's")),
                row("\"say \\\"hi\\\"\"", lit("say \"hi\"")),
                row("'a\\nb\\tc'", lit("a\nb\tc")),
                row("'back\\\\slash'", lit("back\\slash")),
                row("'\\u0041\\u00e9'", lit("Aé")),
                row("'\\101'", lit("A")),
                row("'100\\%'", lit("100\\%")),
                row("'a\\_b'", lit("a\\_b")),
                row("'\\q'", lit("q")),
                row("r'C:\\dir\\n'", lit("C:\\dir\\n")),
                row("'--not a comment'", lit("--not a comment")),
                row("TRUE", Literal.TRUE),
                row("false", Literal.FALSE),
                row("NULL", Literal.NULL),
                row("null", Literal.NULL),
                row("DATE '2024-01-01'", new Literal(19723, DataTypes.DateType)),
                row("date '1970-01-02'", new Literal(1, DataTypes.DateType)),
                row("TIMESTAMP '2024-01-01 10:00:00'", new Literal(1704103200000000L, DataTypes.TimestampType)),
                row("TIMESTAMP '1970-01-01 00:00:01.5'", new Literal(1500000L, DataTypes.TimestampType)),
                row("TIMESTAMP_LTZ '1970-01-01T00:00:01Z'", new Literal(1000000L, DataTypes.TimestampType)),
                row("TIMESTAMP '1970-01-01 01:00:00+01:00'", new Literal(0L, DataTypes.TimestampType)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("literals")
    void parsesLiterals(String sql, Expression expected) {
        assertParses(sql, expected);
    }

    @Test
    void literalTypesFollowSpark() {
        assertThat(SqlParser.parseExpression("1.5").dataType()).isEqualTo(new DecimalType(2, 1));
        assertThat(SqlParser.parseExpression("0.001").dataType()).isEqualTo(new DecimalType(3, 3));
        assertThat(SqlParser.parseExpression("123.45").dataType()).isEqualTo(new DecimalType(5, 2));
        assertThat(SqlParser.parseExpression("1e2BD").dataType()).isEqualTo(new DecimalType(3, 0));
        assertThat(SqlParser.parseExpression("99999999999999999999").dataType()).isEqualTo(new DecimalType(20, 0));
        assertThat(SqlParser.parseExpression("10S").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(SqlParser.parseExpression("10L").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(SqlParser.parseExpression("1e0").dataType()).isEqualTo(DataTypes.DoubleType);
    }

    @Test
    void binaryLiterals() {
        Literal l = (Literal) SqlParser.parseExpression("X'0AFF'");
        assertThat(l.dataType()).isEqualTo(DataTypes.BinaryType);
        assertThat((byte[]) l.value()).containsExactly(0x0A, 0xFF);
        assertThat((byte[]) ((Literal) SqlParser.parseExpression("x'abc'")).value()).containsExactly(0x0A, 0xBC);
        assertThat((byte[]) ((Literal) SqlParser.parseExpression("X''")).value()).isEmpty();
    }

    private static final long SECOND = 1_000_000L;
    private static final DayTimeIntervalType DAY_INTERVAL = new DayTimeIntervalType(DayTimeIntervalType.DAY,
            DayTimeIntervalType.DAY);

    private static Literal dayTime(long micros, int from, int to) {
        return new Literal(micros, new DayTimeIntervalType(from, to));
    }

    static Stream<Arguments> intervals() {
        int d = DayTimeIntervalType.DAY;
        int h = DayTimeIntervalType.HOUR;
        int m = DayTimeIntervalType.MINUTE;
        int s = DayTimeIntervalType.SECOND;
        return Stream.of(
                row("INTERVAL 10 MINUTES", dayTime(600 * SECOND, m, m)),
                row("INTERVAL '5' SECOND", dayTime(5 * SECOND, s, s)),
                row("INTERVAL 1 HOUR 30 MINUTES", dayTime(5400 * SECOND, h, m)),
                row("interval -1 day", dayTime(-86400 * SECOND, d, d)),
                row("INTERVAL -'5' SECOND", dayTime(-5 * SECOND, s, s)),
                row("INTERVAL -'-5' SECOND", dayTime(5 * SECOND, s, s)),
                row("INTERVAL +2 WEEKS 3 millisecond", dayTime(14 * 86400 * SECOND + 3000, d, s)),
                row("INTERVAL 1.5 SECONDS", dayTime(1_500_000, s, s)),
                row("INTERVAL '1 day 2 hours'", dayTime(26 * 3600 * SECOND, d, h)),
                row("INTERVAL '1 10:30' DAY TO MINUTE", dayTime((34 * 60 + 30) * 60 * SECOND, d, m)),
                row("INTERVAL '-10:30:01.25' HOUR TO SECOND", dayTime(-((10 * 60 + 30) * 60 * SECOND + 1_250_000), h, s)),
                row("INTERVAL '1-2' YEAR TO MONTH", new Literal(14, YearMonthIntervalType.DEFAULT)),
                row("INTERVAL 2 YEARS", new Literal(24, new YearMonthIntervalType(0, 0))),
                row("ts + INTERVAL 1 DAY", add(col("ts"), new Literal(86400 * SECOND, DAY_INTERVAL))),
                row("INTERVAL 1 DAY AS d", alias(new Literal(86400 * SECOND, DAY_INTERVAL), "d")),
                row("INTERVAL '1 day' d", alias(new Literal(86400 * SECOND, DAY_INTERVAL), "d")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("intervals")
    void intervalLiteralsAreConstantsOfTheNarrowestIntervalType(String sql, Expression expected) {
        assertParses(sql, expected);
    }

    static Stream<Arguments> operators() {
        Expression a = col("a");
        Expression b = col("b");
        Expression c = col("c");
        return Stream.of(
                row("a + b", add(a, b)),
                row("a - b", sub(a, b)),
                row("a * b", mul(a, b)),
                row("a / b", new Arithmetic(Arithmetic.Op.DIVIDE, a, b)),
                row("a % b", new Arithmetic(Arithmetic.Op.REMAINDER, a, b)),
                row("a DIV b", new Arithmetic(Arithmetic.Op.INTEGRAL_DIVIDE, a, b)),
                row("a || b", fn("concat", a, b)),
                row("a & b", fn("&", a, b)),
                row("a | b", fn("|", a, b)),
                row("a ^ b", fn("^", a, b)),
                row("~a", fn("~", a)),
                row("-a", new UnaryMinus(a)),
                row("+a", a),
                row("- (1)", new UnaryMinus(lit(1))),
                row("- 1", lit(-1)),
                row("1 - 1", sub(lit(1), lit(1))),
                row("1 -1", sub(lit(1), lit(1))),
                row("2 - -1", sub(lit(2), lit(-1))),
                row("a = b", eq(a, b)),
                row("a == b", eq(a, b)),
                row("a <=> b", cmp(Comparison.Op.NULL_SAFE_EQUAL, a, b)),
                row("a != b", new Not(eq(a, b))),
                row("a <> b", new Not(eq(a, b))),
                row("a < b", cmp(Comparison.Op.LESS_THAN, a, b)),
                row("a <= b", cmp(Comparison.Op.LESS_THAN_OR_EQUAL, a, b)),
                row("a > b", cmp(Comparison.Op.GREATER_THAN, a, b)),
                row("a >= b", cmp(Comparison.Op.GREATER_THAN_OR_EQUAL, a, b)),
                row("a !> b", cmp(Comparison.Op.LESS_THAN_OR_EQUAL, a, b)),
                row("a !< b", cmp(Comparison.Op.GREATER_THAN_OR_EQUAL, a, b)),
                row("a AND b", new And(a, b)),
                row("a OR b", new Or(a, b)),
                row("NOT a", new Not(a)),
                row("!a", new Not(a)),
                row("a and b or c", new Or(new And(a, b), c)),
                row("a or b and c", new Or(a, new And(b, c))),
                row("not a and b", new And(new Not(a), b)),
                row("not a = b", new Not(eq(a, b))),
                row("a + b * c", add(a, mul(b, c))),
                row("(a + b) * c", mul(add(a, b), c)),
                row("a - b - c", sub(sub(a, b), c)),
                row("a * b % c", new Arithmetic(Arithmetic.Op.REMAINDER, mul(a, b), c)),
                row("-a * b", mul(new UnaryMinus(a), b)),
                row("a || b + c", add(fn("concat", a, b), c)),
                row("a || b * c", fn("concat", a, mul(b, c))),
                row("a + b || c", fn("concat", add(a, b), c)),
                row("a + 1 = b * 2", eq(add(a, lit(1)), mul(b, lit(2)))),
                row("a = 1 AND b = 2 OR c", new Or(new And(eq(a, lit(1)), eq(b, lit(2))), c)),
                row("a & b | c", fn("|", fn("&", a, b), c)),
                row("a | b = c", eq(fn("|", a, b), c)),
                row("a < b = c", eq(cmp(Comparison.Op.LESS_THAN, a, b), c)),
                row("a::int + 1", add(Cast.ansi(a, DataTypes.IntegerType), lit(1))),
                row("-a::int", new UnaryMinus(Cast.ansi(a, DataTypes.IntegerType))),
                row("a[0]::string", Cast.ansi(new UnresolvedExtractValue(a, lit(0)), DataTypes.StringType)),
                row("1 +\n2 -- trailing comment", add(lit(1), lit(2))),
                row("1 /* inline /* nested */ comment */ + 2", add(lit(1), lit(2))),
                row("-- leading comment\na", a),
                row("a--b", a));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("operators")
    void parsesOperatorsWithSparkPrecedence(String sql, Expression expected) {
        assertParses(sql, expected);
    }

    static Stream<Arguments> predicates() {
        Expression a = col("a");
        return Stream.of(
                row("a IS NULL", new IsNull(a)),
                row("a IS NOT NULL", new IsNotNull(a)),
                row("a is unknown", new IsNull(a)),
                row("a IS NOT UNKNOWN", new IsNotNull(a)),
                row("a IS TRUE", cmp(Comparison.Op.NULL_SAFE_EQUAL, a, Literal.TRUE)),
                row("a IS NOT TRUE", new Not(cmp(Comparison.Op.NULL_SAFE_EQUAL, a, Literal.TRUE))),
                row("a IS FALSE", cmp(Comparison.Op.NULL_SAFE_EQUAL, a, Literal.FALSE)),
                row("a IS NOT FALSE", new Not(cmp(Comparison.Op.NULL_SAFE_EQUAL, a, Literal.FALSE))),
                row("a IS DISTINCT FROM 1", new Not(cmp(Comparison.Op.NULL_SAFE_EQUAL, a, lit(1)))),
                row("a IS NOT DISTINCT FROM 1", cmp(Comparison.Op.NULL_SAFE_EQUAL, a, lit(1))),
                row("a + 1 IS NULL", new IsNull(add(a, lit(1)))),
                row("a = 1 IS NULL", new IsNull(eq(a, lit(1)))),
                row("NOT a IS NULL", new Not(new IsNull(a))),
                row("a BETWEEN 1 AND 10", new And(cmp(Comparison.Op.GREATER_THAN_OR_EQUAL, a, lit(1)),
                        cmp(Comparison.Op.LESS_THAN_OR_EQUAL, a, lit(10)))),
                row("a NOT BETWEEN 1 AND 10", new Not(new And(cmp(Comparison.Op.GREATER_THAN_OR_EQUAL, a, lit(1)),
                        cmp(Comparison.Op.LESS_THAN_OR_EQUAL, a, lit(10))))),
                row("a BETWEEN 1 AND 2 AND b", new And(new And(cmp(Comparison.Op.GREATER_THAN_OR_EQUAL, a, lit(1)),
                        cmp(Comparison.Op.LESS_THAN_OR_EQUAL, a, lit(2))), col("b"))),
                row("a IN (1, 2, 3)", new In(a, List.of(lit(1), lit(2), lit(3)))),
                row("a NOT IN ('x')", new Not(new In(a, List.of(lit("x"))))),
                row("a IN (b + 1, NULL)", new In(a, List.of(add(col("b"), lit(1)), Literal.NULL))),
                row("a LIKE 'x%'", new Like(a, lit("x%"), '\\')),
                row("a NOT LIKE 'x%'", new Not(new Like(a, lit("x%"), '\\'))),
                row("a LIKE 'x!%' ESCAPE '!'", new Like(a, lit("x!%"), '!')),
                row("a ILIKE 'X%'", new Like(fn("lower", a), fn("lower", lit("X%")), '\\')),
                row("a LIKE ANY ('x%', 'y%')",
                        new Or(new Like(a, lit("x%"), '\\'), new Like(a, lit("y%"), '\\'))),
                row("a LIKE SOME ('x%', 'y%')",
                        new Or(new Like(a, lit("x%"), '\\'), new Like(a, lit("y%"), '\\'))),
                row("a LIKE ALL ('x%', '%y')",
                        new And(new Like(a, lit("x%"), '\\'), new Like(a, lit("%y"), '\\'))),
                row("a NOT LIKE ALL ('x%', '%y')", new And(new Not(new Like(a, lit("x%"), '\\')),
                        new Not(new Like(a, lit("%y"), '\\')))),
                row("a RLIKE '^x'", new RLike(a, lit("^x"))),
                row("a REGEXP '^x'", new RLike(a, lit("^x"))),
                row("a NOT RLIKE '^x'", new Not(new RLike(a, lit("^x")))),
                row("a LIKE b || '%'", new Like(a, fn("concat", col("b"), lit("%")), '\\')));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("predicates")
    void parsesPredicates(String sql, Expression expected) {
        assertParses(sql, expected);
    }

    static Stream<Arguments> calls() {
        Expression a = col("a");
        return Stream.of(
                row("f()", fn("f")),
                row("upper(s)", fn("upper", col("s"))),
                row("UPPER(s)", fn("UPPER", col("s"))),
                row("f(a, 1, 'x')", fn("f", a, lit(1), lit("x"))),
                row("count(*)", fn("count", lit(1))),
                row("COUNT(*)", fn("COUNT", lit(1))),
                row("count(DISTINCT a)", distinctFn("count", a)),
                row("count(DISTINCT a, b)", distinctFn("count", a, col("b"))),
                row("sum(ALL a)", fn("sum", a)),
                row("count(t.*)", fn("count", new UnresolvedStar(List.of("t")))),
                row("db.f(a)", fn("db.f", a)),
                row("coalesce(a, f(g(b)))", fn("coalesce", a, fn("f", fn("g", col("b"))))),
                row("explode(arr)", fn("explode", col("arr"))),
                row("struct(a, b AS y)", fn("struct", a, alias(col("b"), "y"))),
                row("struct()", fn("struct")),
                row("current_date", fn("current_date")),
                row("CURRENT_TIMESTAMP", fn("current_timestamp")),
                row("current_date()", fn("current_date")),
                row("EXTRACT(YEAR FROM ts)", fn("year", col("ts"))),
                row("extract(dayofweek FROM ts)", fn("dayofweek", col("ts"))),
                row("SUBSTRING(s FROM 2 FOR 3)", fn("substring", col("s"), lit(2), lit(3))),
                row("substr(s FROM 2)", fn("substring", col("s"), lit(2))),
                row("substring(s, 2, 3)", fn("substring", col("s"), lit(2), lit(3))),
                row("POSITION('a' IN s)", fn("position", lit("a"), col("s"))),
                row("TRIM(s)", fn("TRIM", col("s"))),
                row("TRIM(BOTH FROM s)", fn("trim", col("s"))),
                row("TRIM(LEADING 'x' FROM s)", fn("ltrim", lit("x"), col("s"))),
                row("TRIM(TRAILING FROM s)", fn("rtrim", col("s"))),
                row("TRIM('x' FROM s)", fn("trim", lit("x"), col("s"))),
                row("CAST(a AS INT)", Cast.ansi(a, DataTypes.IntegerType)),
                row("cast(a as decimal(10, 2))", Cast.ansi(a, new DecimalType(10, 2))),
                row("TRY_CAST(a AS bigint)", new Cast(a, DataTypes.LongType, true)),
                row("CAST(a AS ARRAY<STRING>)", Cast.ansi(a, new ArrayType(DataTypes.StringType))),
                row("a::timestamp", Cast.ansi(a, DataTypes.TimestampType)),
                row("CASE WHEN a > 0 THEN 'p' WHEN a < 0 THEN 'n' ELSE 'z' END", new CaseWhen(List.of(
                        new CaseWhen.Branch(cmp(Comparison.Op.GREATER_THAN, a, lit(0)), lit("p")),
                        new CaseWhen.Branch(cmp(Comparison.Op.LESS_THAN, a, lit(0)), lit("n"))),
                        Optional.of(lit("z")))),
                row("CASE WHEN a THEN 1 END", new CaseWhen(List.of(new CaseWhen.Branch(a, lit(1))),
                        Optional.empty())),
                row("CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' END", new CaseWhen(List.of(
                        new CaseWhen.Branch(eq(a, lit(1)), lit("one")),
                        new CaseWhen.Branch(eq(a, lit(2)), lit("two"))), Optional.empty())),
                row("case a + 1 when b then c else d end", new CaseWhen(List.of(
                        new CaseWhen.Branch(eq(add(a, lit(1)), col("b")), col("c"))), Optional.of(col("d")))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("calls")
    void parsesCallsCastsAndCase(String sql, Expression expected) {
        assertParses(sql, expected);
    }

    static Stream<Arguments> aliases() {
        return Stream.of(
                row("a + 1 AS b", alias(add(col("a"), lit(1)), "b")),
                row("a + 1 b", alias(add(col("a"), lit(1)), "b")),
                row("count(*) AS `the count`", alias(fn("count", lit(1)), "the count")),
                row("a AS date", alias(col("a"), "date")),
                row("a year", alias(col("a"), "year")),
                row("sum(x) total", alias(fn("sum", col("x")), "total")),
                row("a IS NULL AS missing", alias(new IsNull(col("a")), "missing")),
                row("window(ts, '5 minutes') AS w", alias(fn("window", col("ts"), lit("5 minutes")), "w")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("aliases")
    void parsesTopLevelAliases(String sql, Expression expected) {
        assertParses(sql, expected);
    }

    @Test
    void whitespaceAroundIsIgnored() {
        assertParses("  \n\ta\t + 1 \r\n", add(col("a"), lit(1)));
    }

    @Test
    void aliasKeepsItsName() {
        Expression e = SqlParser.parseExpression("a + 1 AS b");
        assertThat(e).isInstanceOf(io.fluxo.plan.expr.Alias.class);
        assertThat(((io.fluxo.plan.expr.Alias) e).name()).isEqualTo("b");
        assertThat(e.sql()).isEqualTo("(a + 1) AS b");
    }

    @Test
    void deepNestingParses() {
        String sql = "(".repeat(200) + "a" + ")".repeat(200);
        assertParses(sql, col("a"));
        StringBuilder sum = new StringBuilder("a0");
        for (int i = 1; i < 500; i++) {
            sum.append(" + a").append(i);
        }
        Expression e = SqlParser.parseExpression(sum.toString());
        assertThat(e).isInstanceOf(Arithmetic.class);
        assertThat(((Arithmetic) e).right()).isEqualTo(col("a499"));
    }

    @Test
    void functionNamesAndAttributesKeepTheirCase() {
        Expression e = SqlParser.parseExpression("Upper(MyCol)");
        assertThat(e).isEqualTo(new UnresolvedFunction("Upper", List.of(UnresolvedAttribute.of("MyCol")), false));
    }

    private static void assertParses(String sql, Expression expected) {
        assertThat(comparable(SqlParser.parseExpression(sql))).as(sql).isEqualTo(comparable(expected));
    }
}

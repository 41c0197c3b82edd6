package io.fluxo.sql;

import static io.fluxo.sql.ExpressionTrees.comparable;
import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.plan.expr.Expression;
import io.fluxo.sql.parser.SqlBaseLexer;
import io.fluxo.sql.parser.SqlBaseParser;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** The fast SLL first pass must never pick a different tree than full LL would; and parsing is thread-safe. */
class SqlParserPredictionTest {
    private static List<String> allTestExpressions() {
        return Stream.of(SqlParserExpressionTest.columns(), SqlParserExpressionTest.literals(),
                        SqlParserExpressionTest.intervals(), SqlParserExpressionTest.operators(),
                        SqlParserExpressionTest.predicates(), SqlParserExpressionTest.calls(),
                        SqlParserExpressionTest.aliases())
                .flatMap(s -> s).map(Arguments::get).map(a -> (String) a[0]).toList();
    }

    private static String tree(String sql, PredictionMode mode) {
        SqlBaseParser parser = new SqlBaseParser(new CommonTokenStream(new SqlBaseLexer(CharStreams.fromString(sql))));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(mode);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.singleExpression().toStringTree(parser);
        } catch (ParseCancellationException e) {
            return null;
        }
    }

    @Test
    void sllAndLlPickTheSameTree() {
        int sllSucceeded = 0;
        for (String sql : allTestExpressions()) {
            String ll = tree(sql, PredictionMode.LL);
            assertThat(ll).as(sql).isNotNull();
            String sll = tree(sql, PredictionMode.SLL);
            if (sll != null) {
                assertThat(sll).as(sql).isEqualTo(ll);
                sllSucceeded++;
            }
        }
        assertThat(sllSucceeded).isPositive();
    }

    @Test
    void parsesConcurrently() throws Exception {
        List<String> sqls = allTestExpressions();
        List<Expression> expected = sqls.stream().map(s -> comparable(SqlParser.parseExpression(s))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Expression>>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> sqls.stream()
                        .map(s -> comparable(SqlParser.parseExpression(s))).toList()));
            }
            for (Future<List<Expression>> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

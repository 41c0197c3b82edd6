package io.fluxo.sql;

import io.fluxo.plan.expr.Expression;
import io.fluxo.sql.parser.SqlBaseLexer;
import io.fluxo.sql.parser.SqlBaseParser;
import io.fluxo.sql.parser.SqlBaseParser.SingleExpressionContext;
import io.fluxo.sql.parser.SqlBaseParser.SingleTableSchemaContext;
import io.fluxo.types.DataType;
import io.fluxo.types.StructType;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses Spark SQL text: expressions ({@code expr("a + 1 AS b")}, {@code filter("x > 0")}), data types and table
 * schemas in DDL form, and multi-part names. The result is an unresolved tree for the analyzer; syntax errors are
 * {@link io.fluxo.errors.ParseException}s whose message points at the offending spot.
 *
 * <p>Each call builds its own lexer and parser (ANTLR's shared prediction caches are thread-safe), so this class
 * may be used from any thread. Parsing first tries ANTLR's fast SLL prediction and falls back to full LL only when
 * that fails, as Spark does.
 */
public final class SqlParser {
    private SqlParser() {
    }

    /** An expression, optionally aliased: {@code a + 1}, {@code upper(name) AS n}, {@code count(*) c}. */
    public static Expression parseExpression(String text) {
        return parse(text, SqlBaseParser::singleExpression,
                (builder, ctx) -> builder.namedExpression(((SingleExpressionContext) ctx).namedExpression()));
    }

    /**
     * A query, {@code SELECT … FROM … WHERE …} with joins, grouping, set operations, WITH clauses, ORDER BY and LIMIT,
     * as an unresolved logical plan (tables by name, resolved against the session's views by the analyzer).
     */
    public static io.fluxo.plan.logical.LogicalPlan parseQuery(String text) {
        Statement statement = parseStatement(text);
        if (statement instanceof Statement.Query q) {
            return q.plan();
        }
        throw new io.fluxo.errors.ParseException("INVALID_SQL_SYNTAX", "Expected a query, found a "
                + statement.getClass().getSimpleName() + " statement.", 1, 0);
    }

    /** One statement: a query or a command ({@code CREATE TEMPORARY VIEW}, {@code SET}, {@code SHOW TABLES}, …). */
    public static Statement parseStatement(String text) {
        return parse(text, SqlBaseParser::singleStatement, (builder, ctx) -> new StatementBuilder(builder,
                builder.errors()).statement(((SqlBaseParser.SingleStatementContext) ctx).statement()));
    }

    /**
     * The statements of a pipeline file, separated by semicolons, each with its line and column in the text, so
     * errors found when one runs can name its place.
     */
    public static List<Statement.Located> parseStatements(String text) {
        return parse(text, SqlBaseParser::statements, (builder, ctx) -> {
            StatementBuilder statements = new StatementBuilder(builder, builder.errors());
            List<Statement.Located> out = new java.util.ArrayList<>();
            for (SqlBaseParser.StatementContext s : ((SqlBaseParser.StatementsContext) ctx).statement()) {
                String source = s.start.getInputStream().getText(org.antlr.v4.runtime.misc.Interval.of(
                        s.start.getStartIndex(), s.stop.getStopIndex()));
                out.add(new Statement.Located(statements.statement(s), s.start.getLine(),
                        s.start.getCharPositionInLine(), source));
            }
            return out;
        });
    }

    /** A data type: {@code decimal(10,2)}, {@code array<struct<a:int,b:string>>}, {@code map<string,int>}. */
    public static DataType parseDataType(String text) {
        return parse(text, SqlBaseParser::singleDataType,
                (builder, ctx) -> builder.types().dataType(((SqlBaseParser.SingleDataTypeContext) ctx).dataType()));
    }

    /**
     * A table schema as a column list, {@code ts TIMESTAMP, user STRING NOT NULL, tags ARRAY<STRING>} (with optional
     * {@code COMMENT '…'} clauses, ignored), or as a struct type, {@code STRUCT<ts: TIMESTAMP, user: STRING>}.
     */
    public static StructType parseTableSchema(String ddl) {
        return parse(ddl, SqlBaseParser::singleTableSchema, (builder, ctx) -> {
            SingleTableSchemaContext schema = (SingleTableSchemaContext) ctx;
            return schema.colTypeList() != null ? builder.types().columns(schema.colTypeList())
                    : builder.types().structType(schema.structType());
        });
    }

    /** A dotted name with optional backquotes: {@code db.tbl} gives [db, tbl], {@code `a.b`.c} gives [a.b, c]. */
    public static List<String> parseMultipartIdentifier(String text) {
        return parse(text, SqlBaseParser::singleMultipartIdentifier, (builder, ctx) -> Names.identifiers(
                ((SqlBaseParser.SingleMultipartIdentifierContext) ctx).multipartIdentifier().parts));
    }

    private static <T> T parse(String text, Function<SqlBaseParser, ParserRuleContext> entry,
            BiFunction<AstBuilder, ParserRuleContext, T> build) {
        Objects.requireNonNull(text, "text is null");
        ParseErrors errors = new ParseErrors(text);
        SyntaxErrorListener listener = new SyntaxErrorListener(errors, text);

        SqlBaseLexer lexer = new SqlBaseLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (lexer.unclosedComment) {
            throw errors.at(lexer.unclosedCommentLine, lexer.unclosedCommentColumn, "UNCLOSED_BRACKETED_COMMENT",
                    ParseErrors.SYNTAX_ERROR_STATE,
                    "Found an unclosed bracketed comment. Please, append */ at the end of the comment.");
        }

        SqlBaseParser parser = new SqlBaseParser(tokens);
        // No listener during the SLL attempt: its failures only mean "retry with LL", which reports them.
        parser.removeErrorListeners();
        ParserRuleContext tree;
        try {
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            tree = entry.apply(parser);
        } catch (ParseCancellationException e) {
            // SLL could not decide (or the text is wrong): parse again with full LL, which reports errors.
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(listener);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new SyntaxErrorStrategy());
            tree = entry.apply(parser);
        }
        return build.apply(new AstBuilder(errors), tree);
    }
}

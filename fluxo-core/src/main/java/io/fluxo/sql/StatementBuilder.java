package io.fluxo.sql;

import io.fluxo.sql.parser.SqlBaseParser.CreateTableContext;
import io.fluxo.sql.parser.SqlBaseParser.CreateTempViewContext;
import io.fluxo.sql.parser.SqlBaseParser.DescribeTableContext;
import io.fluxo.sql.parser.SqlBaseParser.DropTableContext;
import io.fluxo.sql.parser.SqlBaseParser.DropViewContext;
import io.fluxo.sql.parser.SqlBaseParser.ExplainContext;
import io.fluxo.sql.parser.SqlBaseParser.InsertIntoContext;
import io.fluxo.sql.parser.SqlBaseParser.PropertyContext;
import io.fluxo.sql.parser.SqlBaseParser.PropertyKeyContext;
import io.fluxo.sql.parser.SqlBaseParser.PropertyListContext;
import io.fluxo.sql.parser.SqlBaseParser.SetConfigurationContext;
import io.fluxo.sql.parser.SqlBaseParser.ShowFunctionsContext;
import io.fluxo.sql.parser.SqlBaseParser.ShowTablesContext;
import io.fluxo.sql.parser.SqlBaseParser.StatementContext;
import io.fluxo.sql.parser.SqlBaseParser.StatementDefaultContext;
import io.fluxo.sql.parser.SqlBaseParser.TableClausesContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** Builds {@link Statement}s: queries through the {@link QueryBuilder}, commands from their clauses. */
final class StatementBuilder {
    private final AstBuilder expressions;
    private final ParseErrors errors;

    StatementBuilder(AstBuilder expressions, ParseErrors errors) {
        this.expressions = expressions;
        this.errors = errors;
    }

    Statement statement(StatementContext ctx) {
        if (ctx instanceof StatementDefaultContext q) {
            return new Statement.Query(new QueryBuilder(expressions, errors).query(q.query()));
        }
        if (ctx instanceof CreateTempViewContext v) {
            if (v.GLOBAL() != null) {
                throw errors.at(v, "UNSUPPORTED_FEATURE", "0A000", "Fluxo has no global temporary views: use CREATE "
                        + "TEMPORARY VIEW.");
            }
            if (v.query() == null && v.source == null) {
                throw errors.at(v, "INVALID_SQL_SYNTAX", "42000", "CREATE TEMPORARY VIEW needs AS query or USING a "
                        + "format with OPTIONS (path '…').");
            }
            return new Statement.CreateTempView(Names.identifiers(v.name.parts), v.REPLACE() != null,
                    v.EXISTS() != null, Optional.ofNullable(v.query()).map(this::query),
                    Optional.ofNullable(v.source).map(s -> String.join(".", Names.identifiers(s.parts))),
                    properties(v.options));
        }
        if (ctx instanceof CreateTableContext t) {
            TableClausesContext clauses = t.tableClauses();
            if (clauses.OPTIONS().size() > 1 || clauses.PARTITIONED().size() > 1 || clauses.LOCATION().size() > 1) {
                throw errors.at(clauses, "DUPLICATE_CLAUSES", "42614", "Found duplicate clauses: each of OPTIONS, "
                        + "PARTITIONED BY and LOCATION may appear once.");
            }
            return new Statement.CreateTable(Names.identifiers(t.name.parts), t.EXISTS() != null,
                    Optional.ofNullable(t.colTypeList()).map(c -> expressions.types().columns(c)),
                    String.join(".", Names.identifiers(t.source.parts)), properties(clauses.options),
                    clauses.partitionColumns == null ? List.of()
                            : Names.identifiers(clauses.partitionColumns.identifier()),
                    Optional.ofNullable(clauses.location).map(l -> StringLiterals.unescape(l.getText())));
        }
        if (ctx instanceof InsertIntoContext i) {
            return new Statement.InsertInto(Names.identifiers(i.multipartIdentifier().parts), query(i.query()),
                    i.OVERWRITE() != null);
        }
        if (ctx instanceof DropViewContext d) {
            return new Statement.DropView(Names.identifiers(d.multipartIdentifier().parts), d.EXISTS() != null);
        }
        if (ctx instanceof DropTableContext d) {
            return new Statement.DropTable(Names.identifiers(d.multipartIdentifier().parts), d.EXISTS() != null);
        }
        if (ctx instanceof ShowTablesContext) {
            return new Statement.ShowTables();
        }
        if (ctx instanceof ShowFunctionsContext f) {
            return new Statement.ShowFunctions(Optional.ofNullable(f.pattern)
                    .map(p -> StringLiterals.unescape(p.getText())));
        }
        if (ctx instanceof DescribeTableContext d) {
            return new Statement.Describe(Names.identifiers(d.multipartIdentifier().parts));
        }
        if (ctx instanceof ExplainContext e) {
            return new Statement.Explain(statement(e.statement()), e.EXTENDED() != null);
        }
        SetConfigurationContext s = (SetConfigurationContext) ctx;
        Optional<String> key = Optional.ofNullable(s.setKey).map(StatementBuilder::key);
        Optional<String> value = Optional.empty();
        if (s.EQ() != null) {
            if (key.isEmpty()) {
                throw errors.at(s, "INVALID_SET_SYNTAX", "42000", "Expected format is 'SET', 'SET key', or "
                        + "'SET key=value'.");
            }
            Token eq = s.EQ().getSymbol();
            String text = s.stop == eq ? "" : s.start.getInputStream().getText(
                    Interval.of(eq.getStopIndex() + 1, s.stop.getStopIndex())).strip();
            value = Optional.of(unquoteValue(text));
        }
        return new Statement.SetConfig(key, value);
    }

    private io.fluxo.plan.logical.LogicalPlan query(io.fluxo.sql.parser.SqlBaseParser.QueryContext q) {
        return new QueryBuilder(expressions, errors).query(q);
    }

    /** {@code SET k = 'v'} and {@code SET k = v} set the same value. */
    private static String unquoteValue(String text) {
        if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'")
                || text.startsWith("\"") && text.endsWith("\""))) {
            return StringLiterals.unescape(text);
        }
        return text;
    }

    private static String key(PropertyKeyContext ctx) {
        if (ctx.stringLit() != null) {
            return StringLiterals.unescape(ctx.stringLit().getText());
        }
        return String.join(".", Names.identifiers(ctx.identifier()));
    }

    private Map<String, String> properties(PropertyListContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        if (ctx == null) {
            return out;
        }
        for (PropertyContext p : ctx.property()) {
            String k = key(p.key);
            if (out.containsKey(k)) {
                throw errors.at(p, "DUPLICATE_KEY", "23505", "Found duplicate keys '" + k + "'.");
            }
            String v = p.value == null ? null : p.value.stringLit() != null
                    ? StringLiterals.unescape(p.value.stringLit().getText()) : p.value.getText();
            out.put(k, v);
        }
        return out;
    }
}

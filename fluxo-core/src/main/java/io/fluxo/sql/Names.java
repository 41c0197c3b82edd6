package io.fluxo.sql;

import io.fluxo.sql.parser.SqlBaseParser.IdentifierContext;
import java.util.ArrayList;
import java.util.List;

/** The name an identifier stands for: as written, or without its backquotes (where {@code ``} is one backquote). */
final class Names {
    private Names() {
    }

    static String identifier(IdentifierContext ctx) {
        if (ctx.BACKQUOTED_IDENTIFIER() != null) {
            String text = ctx.getText();
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        return ctx.getText();
    }

    static List<String> identifiers(List<IdentifierContext> ctxs) {
        List<String> out = new ArrayList<>(ctxs.size());
        for (IdentifierContext c : ctxs) {
            out.add(identifier(c));
        }
        return out;
    }
}

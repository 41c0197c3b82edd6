package io.fluxo.sql;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;

/** The name an identifier stands for: as written, or without its backquotes (where {@code ``} is one backquote). */
final class Names {
    private Names() {
    }

    static String identifier(ParserRuleContext ctx) {
        String text = ctx.getText();
        if (text.length() >= 2 && text.charAt(0) == '`') {
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        return text;
    }

    static List<String> identifiers(List<? extends ParserRuleContext> ctxs) {
        List<String> out = new ArrayList<>(ctxs.size());
        for (ParserRuleContext c : ctxs) {
            out.add(identifier(c));
        }
        return out;
    }
}

package io.fluxo.sql;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;

/**
 * Reports syntax errors the way Spark words them: the error names the offending token, and a hint is added for a
 * token too many ({@code : extra input 'c'}) or one missing ({@code : missing ')'}). Reporting goes through the
 * parser's listeners, where {@link SyntaxErrorListener} throws on the first one.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
        recognizer.notifyErrorListeners(e.getOffendingToken(), "", e);
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
        recognizer.notifyErrorListeners(e.getOffendingToken(), "", e);
    }

    @Override
    protected void reportFailedPredicate(Parser recognizer, FailedPredicateException e) {
        recognizer.notifyErrorListeners(e.getOffendingToken(), "", e);
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token token = recognizer.getCurrentToken();
        recognizer.notifyErrorListeners(token, ": extra input " + ParseErrors.display(token), null);
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token token = recognizer.getCurrentToken();
        String expected = getExpectedTokens(recognizer).toString(recognizer.getVocabulary());
        recognizer.notifyErrorListeners(token, ": missing " + expected, null);
    }
}

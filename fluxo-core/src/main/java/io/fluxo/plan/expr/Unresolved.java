package io.fluxo.plan.expr;

import io.fluxo.errors.InternalError;

/** Failures of asking an unresolved expression for what only a resolved one knows. */
final class Unresolved {
    private Unresolved() {
    }

    static InternalError error(Expression e, String what) {
        return new InternalError(what + " asked of unresolved expression " + e.sql());
    }
}

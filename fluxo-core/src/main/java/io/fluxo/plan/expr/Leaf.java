package io.fluxo.plan.expr;

import java.util.List;

/** Helpers for expressions without children. */
final class Leaf {
    private Leaf() {
    }

    static Expression noChildren(Expression self, List<Expression> children) {
        if (!children.isEmpty()) {
            throw new IllegalArgumentException(self.getClass().getSimpleName() + " has no children");
        }
        return self;
    }
}

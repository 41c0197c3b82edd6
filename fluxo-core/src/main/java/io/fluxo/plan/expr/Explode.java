package io.fluxo.plan.expr;

import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructType;
import java.util.List;

/**
 * {@code explode(array|map)} (and {@code explode_outer}, {@code posexplode}): one output row per element. Valid
 * only at the top of a select list, where the analyzer turns it into a Generate plan node.
 */
public record Explode(Expression child, boolean outer, boolean withPosition) implements Expression {
    /** The columns it produces: {@code [pos,] col} for arrays, {@code [pos,] key, value} for maps. */
    public StructType elementSchema() {
        StructType s = StructType.empty();
        if (withPosition) {
            s = s.add("pos", io.fluxo.types.IntegerType.INSTANCE, false);
        }
        if (child.dataType() instanceof ArrayType a) {
            return s.add("col", a.elementType(), true);
        }
        MapType m = (MapType) child.dataType();
        return s.add("key", m.keyType(), false).add("value", m.valueType(), true);
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new Explode(children.get(0), outer, withPosition);
    }

    @Override
    public DataType dataType() {
        return elementSchema();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String sql() {
        return (withPosition ? "pos" : "") + "explode" + (outer ? "_outer" : "") + "(" + child.sql() + ")";
    }
}

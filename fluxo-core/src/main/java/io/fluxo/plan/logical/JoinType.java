package io.fluxo.plan.logical;

import io.fluxo.errors.AnalysisException;
import java.util.Locale;

/** Join types with the names Spark accepts for them. */
public enum JoinType {
    INNER, LEFT_OUTER, RIGHT_OUTER, FULL_OUTER, LEFT_SEMI, LEFT_ANTI, CROSS;

    /** Parses Spark's spellings: inner, cross, outer/full/fullouter/full_outer, left/leftouter/left_outer, … */
    public static JoinType fromString(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "");
        switch (n) {
            case "inner":
                return INNER;
            case "cross":
                return CROSS;
            case "outer":
            case "full":
            case "fullouter":
                return FULL_OUTER;
            case "left":
            case "leftouter":
                return LEFT_OUTER;
            case "right":
            case "rightouter":
                return RIGHT_OUTER;
            case "leftsemi":
            case "semi":
                return LEFT_SEMI;
            case "leftanti":
            case "anti":
                return LEFT_ANTI;
            default:
                throw new AnalysisException("UNSUPPORTED_JOIN_TYPE", "Unsupported join type '" + name
                        + "'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', "
                        + "'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', "
                        + "'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'.");
        }
    }

    /** Whether the right side's columns appear in the output (not for semi and anti joins). */
    public boolean outputsRight() {
        return this != LEFT_SEMI && this != LEFT_ANTI;
    }

    public String sql() {
        return name().replace('_', ' ');
    }
}

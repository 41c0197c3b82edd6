package io.fluxo.sql;

import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Literal;
import io.fluxo.sql.parser.SqlBaseParser.BigDecimalLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.BigIntLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.DecimalLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.DoubleLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.ExponentLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.FloatLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.IntegerLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.IntervalContext;
import io.fluxo.sql.parser.SqlBaseParser.IntervalValueContext;
import io.fluxo.sql.parser.SqlBaseParser.MultiUnitsIntervalContext;
import io.fluxo.sql.parser.SqlBaseParser.NumberContext;
import io.fluxo.sql.parser.SqlBaseParser.SmallIntLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.StringLitContext;
import io.fluxo.sql.parser.SqlBaseParser.TinyIntLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.TypeConstructorContext;
import io.fluxo.sql.parser.SqlBaseParser.UnitToUnitIntervalContext;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.Intervals;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Literals from their text, with Spark's typing: an integer is INT when it fits, else BIGINT, else DECIMAL; a
 * number with a dot is an exact DECIMAL of the written precision and scale; an exponent makes a DOUBLE; suffixes
 * choose the type (L bigint, S smallint, Y tinyint, D double, F float, BD decimal), each range-checked. Fluxo's
 * SMALLINT and TINYINT are INT, and FLOAT is DOUBLE (the text is read as a double, not widened from a float).
 */
final class LiteralBuilder {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final ParseErrors errors;

    LiteralBuilder(ParseErrors errors) {
        this.errors = errors;
    }

    static String string(StringLitContext ctx) {
        return StringLiterals.unescape(ctx.getStart().getText());
    }

    static String strings(List<StringLitContext> parts) {
        if (parts.size() == 1) {
            return string(parts.get(0));
        }
        StringBuilder sb = new StringBuilder();
        for (StringLitContext p : parts) {
            sb.append(string(p));
        }
        return sb.toString();
    }

    Literal number(NumberContext ctx) {
        String text = ctx.getText();
        if (ctx instanceof IntegerLiteralContext) {
            BigInteger v = new BigInteger(text);
            if (v.bitLength() < 32) {
                return Literal.of(v.intValue());
            }
            if (v.bitLength() < 64) {
                return Literal.of(v.longValue());
            }
            return decimal(ctx, new BigDecimal(v));
        }
        if (ctx instanceof DecimalLiteralContext) {
            return decimal(ctx, new BigDecimal(text));
        }
        if (ctx instanceof ExponentLiteralContext) {
            return doubleValue(ctx, text, "double", Double.MAX_VALUE);
        }
        String digits = text.substring(0, text.length() - (ctx instanceof BigDecimalLiteralContext ? 2 : 1));
        if (ctx instanceof BigIntLiteralContext) {
            BigInteger v = new BigInteger(digits);
            if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) {
                throw outOfRange(ctx, digits, "bigint", Long.toString(Long.MIN_VALUE), Long.toString(Long.MAX_VALUE));
            }
            return Literal.of(v.longValue());
        }
        if (ctx instanceof SmallIntLiteralContext) {
            return smallInteger(ctx, digits, "smallint", Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (ctx instanceof TinyIntLiteralContext) {
            return smallInteger(ctx, digits, "tinyint", Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        if (ctx instanceof DoubleLiteralContext) {
            return doubleValue(ctx, digits, "double", Double.MAX_VALUE);
        }
        if (ctx instanceof FloatLiteralContext) {
            return doubleValue(ctx, digits, "float", Float.MAX_VALUE);
        }
        return decimal(ctx, new BigDecimal(digits));
    }

    private Literal smallInteger(NumberContext ctx, String digits, String typeName, int min, int max) {
        BigInteger v = new BigInteger(digits);
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw outOfRange(ctx, digits, typeName, Integer.toString(min), Integer.toString(max));
        }
        return Literal.of(v.intValue());
    }

    private Literal doubleValue(NumberContext ctx, String text, String typeName, double max) {
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v) || Math.abs(v) > max) {
            throw outOfRange(ctx, text, typeName, Double.toString(-max), Double.toString(max));
        }
        return Literal.of(v);
    }

    /** An exact decimal; a negative scale (from an exponent) is folded into the digits, as Spark does. */
    private Literal decimal(ParserRuleContext ctx, BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        int precision = Math.max(v.precision(), v.scale());
        if (precision > DecimalType.MAX_PRECISION) {
            throw errors.at(ctx, "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", "22003",
                    "Decimal precision " + precision + " exceeds max precision " + DecimalType.MAX_PRECISION + ".");
        }
        return Literal.of(v);
    }

    private RuntimeException outOfRange(NumberContext ctx, String value, String typeName, String min, String max) {
        return errors.at(ctx, "INVALID_NUMERIC_LITERAL_RANGE", "22003", "Numeric literal " + value
                + " is outside the valid range for " + typeName + " with minimum value of " + min
                + " and maximum value of " + max + ". Please adjust the value accordingly.");
    }

    /**
     * Typed literals: {@code DATE '…'}, {@code TIMESTAMP '…'}, {@code TIMESTAMP_LTZ '…'}, {@code INTERVAL '…'} and
     * hex {@code X'…'}.
     */
    Expression typed(TypeConstructorContext ctx) {
        String type = Names.identifier(ctx.identifier()).toUpperCase(Locale.ROOT);
        String value = string(ctx.stringLit());
        switch (type) {
            case "DATE": {
                Integer days = DateTimeUtils.parseDate(value);
                if (days == null) {
                    throw invalidTyped(ctx, type, value);
                }
                return new Literal(days, DateType.INSTANCE);
            }
            case "TIMESTAMP":
            case "TIMESTAMP_LTZ": {
                // Text without a zone is read as UTC here; the session zone is applied by the analyzer.
                Long micros = DateTimeUtils.parseTimestamp(value, ZoneOffset.UTC);
                if (micros == null) {
                    throw invalidTyped(ctx, type, value);
                }
                return new Literal(micros, TimestampType.INSTANCE);
            }
            case "INTERVAL":
                try {
                    Intervals.Value v = Intervals.parse(value);
                    return new Literal(v.value(), v.type());
                } catch (IllegalArgumentException e) {
                    throw invalidInterval(ctx, e);
                }
            case "X":
                return binary(ctx, value);
            default:
                throw errors.at(ctx, "UNSUPPORTED_TYPED_LITERAL", "0A000", "Literals of the type \"" + type
                        + "\" are not supported. Supported types are \"DATE\", \"TIMESTAMP\", \"TIMESTAMP_LTZ\", "
                        + "\"INTERVAL\", \"X\".");
        }
    }

    private Literal binary(TypeConstructorContext ctx, String hex) {
        String digits = hex.length() % 2 == 0 ? hex : "0" + hex;
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int hi = Character.digit(digits.charAt(2 * i), 16);
            int lo = Character.digit(digits.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw invalidTyped(ctx, "X", hex);
            }
            bytes[i] = (byte) (hi << 4 | lo);
        }
        return Literal.of(bytes);
    }

    private RuntimeException invalidTyped(TypeConstructorContext ctx, String type, String value) {
        return errors.at(ctx, "INVALID_TYPED_LITERAL", "42604",
                "The value of the typed literal \"" + type + "\" is invalid: '" + value + "'.");
    }

    /**
     * An interval literal: a constant of the narrowest ANSI interval type that holds it, as Spark 4 reads it
     * ({@code INTERVAL 1 HOUR 30 MINUTES} is {@code INTERVAL HOUR TO MINUTE}, {@code INTERVAL '1-2' YEAR TO MONTH} a
     * year-month interval).
     */
    Expression interval(IntervalContext ctx) {
        String text = ctx.start.getInputStream().getText(
                org.antlr.v4.runtime.misc.Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
        try {
            Intervals.Value v;
            if (ctx.multiUnitsInterval() != null) {
                MultiUnitsIntervalContext m = ctx.multiUnitsInterval();
                List<String> values = new ArrayList<>();
                List<String> units = new ArrayList<>();
                for (int i = 0; i < m.values.size(); i++) {
                    values.add(intervalValue(m.values.get(i)));
                    units.add(m.units.get(i).getText());
                }
                v = Intervals.ofUnits(values, units, text);
            } else {
                UnitToUnitIntervalContext u = ctx.unitToUnitInterval();
                v = Intervals.ofUnitToUnit(intervalValue(u.value), u.from.getText(), u.to.getText());
            }
            return new Literal(v.value(), v.type());
        } catch (IllegalArgumentException e) {
            throw invalidInterval(ctx, e);
        }
    }

    /** An interval error; messages that start with {@code [CODE]} carry their own error class. */
    private RuntimeException invalidInterval(ParserRuleContext ctx, IllegalArgumentException e) {
        String message = e.getMessage();
        String code = "INVALID_INTERVAL_FORMAT";
        if (message.startsWith("[")) {
            code = message.substring(1, message.indexOf(']'));
            message = message.substring(message.indexOf(']') + 1).strip();
        }
        return errors.at(ctx, code, "22006", message);
    }

    private static String intervalValue(IntervalValueContext ctx) {
        String value = ctx.stringLit() != null ? string(ctx.stringLit()).strip() : ctx.getStop().getText();
        if (ctx.MINUS() == null) {
            return value;
        }
        // A minus before a negative string value cancels out: INTERVAL -'-5' SECOND is 5 seconds.
        return value.startsWith("-") ? value.substring(1) : "-" + value;
    }
}

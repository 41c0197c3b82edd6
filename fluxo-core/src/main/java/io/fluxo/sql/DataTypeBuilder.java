package io.fluxo.sql;

import io.fluxo.sql.parser.SqlBaseParser.ArrayDataTypeContext;
import io.fluxo.sql.parser.SqlBaseParser.ColTypeContext;
import io.fluxo.sql.parser.SqlBaseParser.ColTypeListContext;
import io.fluxo.sql.parser.SqlBaseParser.ComplexColTypeContext;
import io.fluxo.sql.parser.SqlBaseParser.DataTypeContext;
import io.fluxo.sql.parser.SqlBaseParser.IntervalDataTypeContext;
import io.fluxo.sql.parser.SqlBaseParser.MapDataTypeContext;
import io.fluxo.sql.parser.SqlBaseParser.PrimitiveDataTypeContext;
import io.fluxo.sql.parser.SqlBaseParser.StructDataTypeContext;
import io.fluxo.sql.parser.SqlBaseParser.StructTypeContext;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DayTimeIntervalType;
import io.fluxo.types.YearMonthIntervalType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Data types from the grammar's {@code dataType} rule. Fluxo has fewer types than Spark, so several names map to
 * one type: TINYINT, SMALLINT and INT to INT; FLOAT, REAL and DOUBLE to DOUBLE; CHAR(n) and VARCHAR(n) to STRING;
 * TIMESTAMP_LTZ to TIMESTAMP. Complex types are nullable inside (containsNull, valueContainsNull) and struct fields
 * are nullable unless declared NOT NULL.
 */
final class DataTypeBuilder {
    private final ParseErrors errors;

    DataTypeBuilder(ParseErrors errors) {
        this.errors = errors;
    }

    DataType dataType(DataTypeContext ctx) {
        if (ctx instanceof ArrayDataTypeContext a) {
            if (a.LT() == null) {
                throw incomplete(ctx, "ARRAY",
                        "You must provide an element type. For example: \"ARRAY<elementType>\".");
            }
            return new ArrayType(dataType(a.dataType()), true);
        }
        if (ctx instanceof MapDataTypeContext m) {
            if (m.LT() == null) {
                throw incomplete(ctx, "MAP",
                        "You must provide a key type and a value type. For example: \"MAP<TIMESTAMP, INT>\".");
            }
            return new MapType(dataType(m.keyType), dataType(m.valueType), true);
        }
        if (ctx instanceof StructDataTypeContext s) {
            return structType(s.structType());
        }
        if (ctx instanceof IntervalDataTypeContext i) {
            return intervalType(i);
        }
        return primitive((PrimitiveDataTypeContext) ctx);
    }

    /** {@code INTERVAL HOUR}, {@code INTERVAL DAY TO SECOND}, {@code INTERVAL YEAR TO MONTH}, … */
    private DataType intervalType(IntervalDataTypeContext ctx) {
        String from = ctx.from.getText();
        String to = ctx.to != null ? ctx.to.getText() : from;
        int ymFrom = YearMonthIntervalType.field(from);
        int ymTo = YearMonthIntervalType.field(to);
        if (ymFrom >= 0 && ymTo >= 0 && ymFrom <= ymTo) {
            return new YearMonthIntervalType(ymFrom, ymTo);
        }
        int dtFrom = DayTimeIntervalType.field(from);
        int dtTo = DayTimeIntervalType.field(to);
        if (dtFrom >= 0 && dtTo >= 0 && dtFrom <= dtTo) {
            return new DayTimeIntervalType(dtFrom, dtTo);
        }
        throw unsupported(ctx, ctx.children.stream().map(c -> c.getText().toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(" ")));
    }

    StructType structType(StructTypeContext ctx) {
        if (ctx.LT() == null && ctx.NEQ() == null) {
            throw incomplete(ctx, "STRUCT", "You must provide at least one field type. For example: "
                    + "\"STRUCT<name STRING, phone DECIMAL(10, 0)>\".");
        }
        List<StructField> fields = new ArrayList<>();
        if (ctx.complexColTypeList() != null) {
            for (ComplexColTypeContext col : ctx.complexColTypeList().complexColType()) {
                fields.add(new StructField(Names.identifier(col.identifier()), dataType(col.dataType()),
                        col.NOT() == null));
            }
        }
        return new StructType(fields);
    }

    /** A table schema in DDL form, {@code a INT NOT NULL, b STRING COMMENT 'x'}; comments are ignored. */
    StructType columns(ColTypeListContext ctx) {
        List<StructField> fields = new ArrayList<>();
        for (ColTypeContext col : ctx.colType()) {
            fields.add(new StructField(Names.identifier(col.colName), dataType(col.dataType()), col.NOT() == null));
        }
        return new StructType(fields);
    }

    private DataType primitive(PrimitiveDataTypeContext ctx) {
        String name = Names.identifier(ctx.identifier()).toLowerCase(Locale.ROOT);
        List<Integer> params = new ArrayList<>();
        for (TerminalNode n : ctx.INTEGER_VALUE()) {
            params.add(parameter(n));
        }
        switch (name) {
            case "boolean":
                return noParameters(ctx, params, BooleanType.INSTANCE);
            case "tinyint":
            case "byte":
            case "smallint":
            case "short":
            case "int":
            case "integer":
                return noParameters(ctx, params, IntegerType.INSTANCE);
            case "bigint":
            case "long":
                return noParameters(ctx, params, LongType.INSTANCE);
            case "float":
            case "real":
            case "double":
                return noParameters(ctx, params, DoubleType.INSTANCE);
            case "date":
                return noParameters(ctx, params, DateType.INSTANCE);
            case "timestamp":
            case "timestamp_ltz":
                return noParameters(ctx, params, TimestampType.INSTANCE);
            case "string":
                return noParameters(ctx, params, StringType.INSTANCE);
            case "binary":
                return noParameters(ctx, params, BinaryType.INSTANCE);
            case "void":
                return noParameters(ctx, params, NullType.INSTANCE);
            case "char":
            case "character":
            case "varchar":
                return charType(ctx, name, params);
            case "decimal":
            case "dec":
            case "numeric":
                return decimal(ctx, params);
            default:
                throw unsupported(ctx, typeText(name, params));
        }
    }

    private int parameter(TerminalNode n) {
        try {
            return Integer.parseInt(n.getText());
        } catch (NumberFormatException e) {
            throw errors.at(n.getSymbol(), "INVALID_NUMERIC_LITERAL_RANGE", "22003", "Numeric literal " + n.getText()
                    + " is outside the valid range for int with minimum value of " + Integer.MIN_VALUE
                    + " and maximum value of " + Integer.MAX_VALUE + ". Please adjust the value accordingly.");
        }
    }

    private DataType noParameters(PrimitiveDataTypeContext ctx, List<Integer> params, DataType type) {
        if (!params.isEmpty()) {
            throw unsupported(ctx, typeText(Names.identifier(ctx.identifier()), params));
        }
        return type;
    }

    private DataType charType(PrimitiveDataTypeContext ctx, String name, List<Integer> params) {
        if (params.isEmpty()) {
            String upper = name.toUpperCase(Locale.ROOT);
            throw errors.at(ctx, "DATATYPE_MISSING_SIZE", "42K01", "DataType \"" + upper
                    + "\" requires a length parameter, for example \"" + upper + "\"(10). Please specify the length.");
        }
        if (params.size() > 1) {
            throw unsupported(ctx, typeText(name, params));
        }
        return StringType.INSTANCE;
    }

    private DataType decimal(PrimitiveDataTypeContext ctx, List<Integer> params) {
        if (params.isEmpty()) {
            return DecimalType.USER_DEFAULT;
        }
        if (params.size() > 2) {
            throw unsupported(ctx, typeText("decimal", params));
        }
        int precision = params.get(0);
        int scale = params.size() == 2 ? params.get(1) : 0;
        if (precision > DecimalType.MAX_PRECISION) {
            throw errors.at(ctx, "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", "22003",
                    "Decimal precision " + precision + " exceeds max precision " + DecimalType.MAX_PRECISION + ".");
        }
        if (precision < 1 || scale > precision) {
            throw errors.at(ctx, "INVALID_DECIMAL_TYPE", "42K01", "Decimal scale (" + scale
                    + ") cannot be greater than precision (" + precision + "), and precision must be at least 1.");
        }
        return new DecimalType(precision, scale);
    }

    private static String typeText(String name, List<Integer> params) {
        String upper = name.toUpperCase(Locale.ROOT);
        return params.isEmpty() ? upper
                : upper + params.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    }

    private RuntimeException unsupported(DataTypeContext ctx, String typeText) {
        return errors.at(ctx, "UNSUPPORTED_DATATYPE", "0A000", "Unsupported data type \"" + typeText + "\".");
    }

    private RuntimeException incomplete(ParserRuleContext ctx, String type, String hint) {
        return errors.at(ctx, "INCOMPLETE_TYPE_DEFINITION." + type, "42K01",
                "Incomplete complex type: The definition of \"" + type + "\" type is incomplete. " + hint);
    }
}

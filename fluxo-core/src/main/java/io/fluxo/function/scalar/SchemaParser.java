package io.fluxo.function.scalar;

import io.fluxo.types.DataType;
import java.util.Objects;

/**
 * Turns the schema text of {@code from_json} ({@code "a INT, b STRING"}, {@code "ARRAY<INT>"}) into a type. The
 * function family has no SQL parser of its own: until the engine installs its full DDL parser
 * ({@code io.fluxo.sql.SqlParser.parseDataType} / {@code parseSchema}) with {@link #install}, the minimal parser is
 * used, which knows the primitive types plus ARRAY, MAP and STRUCT.
 */
@FunctionalInterface
public interface SchemaParser {
    /**
     * A type (or a field list, read as a STRUCT) for the text.
     *
     * @throws io.fluxo.errors.AnalysisException with error class {@code INVALID_SCHEMA.PARSE_ERROR} for bad text
     */
    DataType parse(String text);

    /** Makes {@code parser} the one every later bind of from_json uses. */
    static void install(SchemaParser parser) {
        MinimalSchemaParser.installed = Objects.requireNonNull(parser, "parser is null");
    }

    /** The parser currently in use. */
    static SchemaParser installed() {
        return MinimalSchemaParser.installed;
    }

    /** The built-in minimal parser. */
    static SchemaParser minimal() {
        return MinimalSchemaParser.INSTANCE;
    }
}

package io.fluxo.connector.file.csv;

import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.ParseMode;
import io.fluxo.connector.file.internal.MalformedRecords;
import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.function.BoundScalarFunction;
import io.fluxo.function.EvalContext;
import io.fluxo.function.FunctionArg;
import io.fluxo.function.ScalarFunction;
import io.fluxo.function.scalar.SchemaParser;
import io.fluxo.types.DataType;
import io.fluxo.types.MapType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.StructVector;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code from_csv(text, schema [, options])}: one CSV record per row into a STRUCT, with the CSV reader's options
 * ({@code sep}, {@code quote}, {@code escape}, {@code nullValue}, {@code dateFormat}, {@code timestampFormat} …) and
 * its rules for fields (one home: {@link CsvRecordConverter}). PERMISSIVE (default) keeps what parsed and puts the
 * record in the {@code columnNameOfCorruptRecord} field when the schema has it; FAILFAST fails on the first malformed
 * record, naming it. It lives with the CSV reader, and reaches the function registry through
 * {@code META-INF/services/io.fluxo.function.ScalarFunction}.
 */
public final class FromCsvFunction implements ScalarFunction {
    @Override
    public String name() {
        return "from_csv";
    }

    @Override
    public BoundScalarFunction bind(List<FunctionArg> args) {
        if (args.size() < 2 || args.size() > 3) {
            throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "The `from_csv` requires [2, 3] "
                    + "parameters but the actual number is " + args.size() + ".");
        }
        if (!(args.get(0).type() instanceof StringType)) {
            throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "The first parameter of "
                    + "`from_csv` requires the \"STRING\" type, however it has the type \"" + args.get(0).type().sql()
                    + "\".");
        }
        FunctionArg schemaArg = args.get(1);
        if (!schemaArg.constant() || !(schemaArg.type() instanceof StringType) || schemaArg.value() == null) {
            throw new AnalysisException("INVALID_SCHEMA.NON_STRING_LITERAL", "The input schema must be a string "
                    + "literal, but it's a non-constant or null \"" + schemaArg.type().sql() + "\" value.");
        }
        String schemaText = schemaArg.value().toString();
        DataType parsed = SchemaParser.installed().parse(schemaText);
        if (!(parsed instanceof StructType schema)) {
            throw new AnalysisException("INVALID_SCHEMA.NON_STRUCT_TYPE", "The input schema \"" + schemaText + "\" is "
                    + "not a valid schema string. The input expression should be evaluated to struct type, but got \""
                    + parsed.sql() + "\".");
        }
        Map<String, String> options = args.size() == 3 ? options(args.get(2)) : Map.of();
        FileOptions fileOptions = FileOptions.of(options);
        ParseMode mode = fileOptions.parseMode();
        if (mode == ParseMode.DROPMALFORMED) {
            throw new AnalysisException("PARSE_MODE_UNSUPPORTED", "The function `from_csv` doesn't support the "
                    + "DROPMALFORMED mode. Acceptable modes are PERMISSIVE and FAILFAST.");
        }
        int corrupt = MalformedRecords.corruptColumnIndex(schema, fileOptions);
        List<Integer> data = new ArrayList<>();
        StructType dataSchema = StructType.empty();
        for (int i = 0; i < schema.size(); i++) {
            if (i != corrupt) {
                data.add(i);
                dataSchema = dataSchema.add(schema.field(i));
            }
        }
        CsvValueParser.checkSupported(dataSchema);
        new CsvOptions(fileOptions); // reports a bad option now, at analysis
        List<DataType> inputs = new ArrayList<>();
        for (FunctionArg a : args) {
            inputs.add(a.type());
        }
        return new Bound(schema, inputs, fileOptions, corrupt, data.stream().mapToInt(Integer::intValue).toArray(),
                mode == ParseMode.FAILFAST);
    }

    private static Map<String, String> options(FunctionArg arg) {
        if (!(arg.type() instanceof MapType m) || !(m.keyType() instanceof StringType)
                || !(m.valueType() instanceof StringType)) {
            throw new AnalysisException("INVALID_OPTIONS.NON_STRING_TYPE", "A type of keys and values in `map()` "
                    + "must be string, but got \"" + arg.type().sql() + "\".");
        }
        if (!arg.constant()) {
            throw new AnalysisException("INVALID_OPTIONS.NON_MAP_FUNCTION", "Must use the `map()` function for "
                    + "options.");
        }
        Map<String, String> out = new HashMap<>();
        if (arg.value() instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    /** from_csv bound to a schema and options; the parsers are built for the session zone on first use. */
    private static final class Bound implements BoundScalarFunction {
        private final StructType schema;
        private final List<DataType> inputs;
        private final FileOptions options;
        private final int corrupt;
        private final int[] dataOrdinals;
        private final boolean failFast;
        /** The options for the zone of the last call: the zone is the session's, the same call after call. */
        private volatile Prepared prepared;

        private record Prepared(ZoneId sessionZone, CsvOptions csv) {
        }

        Bound(StructType schema, List<DataType> inputs, FileOptions options, int corrupt, int[] dataOrdinals,
                boolean failFast) {
            this.schema = schema;
            this.inputs = List.copyOf(inputs);
            this.options = options;
            this.corrupt = corrupt;
            this.dataOrdinals = dataOrdinals;
            this.failFast = failFast;
        }

        @Override
        public DataType resultType() {
            return schema;
        }

        @Override
        public List<DataType> inputTypes() {
            return inputs;
        }

        @Override
        public boolean nullable(boolean[] argNullable) {
            return argNullable[0];
        }

        private CsvOptions csvOptions(ZoneId zone) {
            Prepared p = prepared;
            if (p == null || !p.sessionZone().equals(zone)) {
                p = new Prepared(zone, new CsvOptions(options.withSessionZone(zone)));
                prepared = p;
            }
            return p.csv();
        }

        @Override
        public ColumnVector evaluate(ColumnVector[] args, int numRows, EvalContext context) {
            CsvOptions csv = csvOptions(context.zone());
            int n = dataOrdinals.length;
            int[] fieldIndex = new int[n];
            DataType[] types = new DataType[n];
            String[] names = new String[n];
            for (int k = 0; k < n; k++) {
                fieldIndex[k] = k;
                types[k] = schema.field(dataOrdinals[k]).dataType();
                names[k] = schema.field(dataOrdinals[k]).name();
            }
            // Per call: tokenizer and converter hold buffers, and partitions evaluate in parallel.
            CsvTokenizer tokenizer = new CsvTokenizer(csv);
            CsvRecordConverter converter = new CsvRecordConverter(csv, n, fieldIndex, types, names);
            BytesVector text = (BytesVector) args[0];
            StructVector out = new StructVector(schema, numRows);
            ColumnVector[] data = new ColumnVector[dataOrdinals.length];
            for (int k = 0; k < data.length; k++) {
                data[k] = out.field(dataOrdinals[k]);
            }
            BytesVector corruptOut = corrupt < 0 ? null : (BytesVector) out.field(corrupt);
            for (int r = 0; r < numRows; r++) {
                if (text.isNull(r)) {
                    out.appendNull();
                    continue;
                }
                int start = text.start(r);
                int end = start + text.length(r);
                String detail;
                if (start == end) {
                    // An empty line is no record at all (univocity returns none): every field NULL, malformed.
                    for (ColumnVector d : data) {
                        d.appendNull();
                    }
                    detail = "the record is empty";
                } else {
                    tokenizer.tokenize(text.data(), start, end, true, true);
                    detail = converter.append(tokenizer, data);
                }
                if (detail != null && failFast) {
                    throw new FluxoRuntimeException(MalformedRecords.ERROR_CLASS + ".WITHOUT_SUGGESTION",
                            "Malformed records are detected in record parsing: " + detail + " in '"
                                    + MalformedRecords.shown(text.getString(r)) + "'. Parse Mode: FAILFAST. To process "
                                    + "malformed records as null result, try setting the option 'mode' as "
                                    + "'PERMISSIVE'.");
                }
                if (corruptOut != null) {
                    if (detail != null) {
                        corruptOut.append(text.data(), start, end - start);
                    } else {
                        corruptOut.appendNull();
                    }
                }
                out.endStruct();
            }
            return out;
        }
    }
}

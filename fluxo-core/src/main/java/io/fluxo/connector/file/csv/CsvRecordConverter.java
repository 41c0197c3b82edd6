package io.fluxo.connector.file.csv;

import io.fluxo.connector.file.internal.MalformedRecords;
import io.fluxo.connector.file.internal.TextNumbers;
import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnVector;
import java.nio.charset.StandardCharsets;

/**
 * Turns the fields of one tokenized CSV record into one row of typed columns, as Spark's UnivocityParser does: fields
 * map to columns by position; an unquoted empty field or the {@code nullValue} is NULL, a quoted empty one the
 * {@code emptyValue}. A record with a different number of fields than {@code expectedFields}, or a field that does
 * not parse, is malformed, and what did parse is kept (missing and bad fields NULL): the caller decides by its mode.
 * The one home of this rule for CSV files and {@code from_csv}.
 */
final class CsvRecordConverter {
    private final CsvOptions options;
    private final int expectedFields;
    /** Per converted column: its field position in a record, its parser, and its name and type for messages. */
    private final int[] fieldIndex;
    private final CsvValueParser[] parsers;
    private final String[] names;
    private final String[] typeNames;

    CsvRecordConverter(CsvOptions options, int expectedFields, int[] fieldIndex, DataType[] types, String[] names) {
        this.options = options;
        this.expectedFields = expectedFields;
        this.fieldIndex = fieldIndex.clone();
        this.names = names.clone();
        TextNumbers numbers = new TextNumbers();
        parsers = new CsvValueParser[types.length];
        typeNames = new String[types.length];
        for (int k = 0; k < types.length; k++) {
            parsers[k] = CsvValueParser.forType(types[k], options, numbers);
            typeNames[k] = types[k].sql();
        }
    }

    /**
     * Appends one value to each of {@code columns} (one per converted column) from the tokenizer's current record.
     *
     * @return why the record is malformed (the first field that did not parse, else the field count), or null
     */
    String append(CsvTokenizer tokenizer, ColumnVector[] columns) {
        String detail = tokenizer.malformed();
        if (detail != null) {
            for (ColumnVector v : columns) {
                v.appendNull();
            }
            return detail;
        }
        int n = tokenizer.count();
        if (n != expectedFields) {
            detail = "expected " + expectedFields + " columns but found " + n;
        }
        boolean badField = false;
        for (int k = 0; k < parsers.length; k++) {
            int t = fieldIndex[k];
            ColumnVector v = columns[k];
            if (t >= n || tokenizer.isNullToken(t)) {
                v.appendNull();
                continue;
            }
            byte[] b = tokenizer.bytes(t);
            int s = tokenizer.start(t);
            int e = tokenizer.end(t);
            if (s == e && tokenizer.isQuoted(t)) {
                b = options.emptyValueRead;
                s = 0;
                e = b.length;
            }
            if (CsvValueParser.equal(b, s, e, options.nullValueBytes)) {
                v.appendNull();
                continue;
            }
            if (!parsers[k].parse(b, s, e, v)) {
                v.appendNull();
                if (!badField) {
                    badField = true;
                    detail = "cannot parse '" + MalformedRecords.shown(new String(b, s, e - s, StandardCharsets.UTF_8))
                            + "' as " + typeNames[k] + " for column '" + names[k] + "'";
                }
            }
        }
        return detail;
    }
}

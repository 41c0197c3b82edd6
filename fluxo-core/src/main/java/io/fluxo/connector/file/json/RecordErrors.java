package io.fluxo.connector.file.json;

import com.fasterxml.jackson.core.JsonParser;

/** The value errors met while parsing one record: whether there was one, and the first for messages. */
final class RecordErrors {
    boolean bad;
    String detail;
    String field;
    int line;

    void reset() {
        bad = false;
        detail = null;
        field = null;
        line = -1;
    }

    void record(JsonValueException e, String fieldName, JsonParser p) {
        if (!bad) {
            bad = true;
            detail = e.getMessage();
            field = fieldName;
            line = p.currentLocation().getLineNr();
        }
    }

    /** The first error as a phrase: {@code cannot parse 'abc' as INT for field 'amount'}. */
    String describe() {
        return field == null ? detail : detail + " for field '" + field + "'";
    }
}

package io.fluxo.connector.file.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.ParseMode;
import io.fluxo.connector.file.internal.LineSeparators;
import io.fluxo.function.scalar.Utf8JsonFactory;
import io.fluxo.types.DateTimeUtils;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The JSON options of one read or write, checked and typed once (names and defaults as in Spark). */
final class JsonOptions {
    final boolean multiLine;
    final boolean primitivesAsString;
    final boolean prefersDecimal;
    final boolean dropFieldIfAllNull;
    final boolean inferTimestamp;
    final boolean allowNonNumericNumbers;
    final boolean ignoreNullFields;
    final ParseMode mode;
    final String corruptColumn;
    final ZoneId zone;
    /** Pattern of the {@code dateFormat} option, or null for Spark's flexible default parse. */
    final DateTimeFormatter dateFormat;
    final DateTimeFormatter timestampFormat;
    final String dateFormatText;
    final String timestampFormatText;
    /** Read separator bytes, or null for \n, \r, \r\n. */
    final byte[] lineSep;
    final String lineSepWrite;
    final JsonFactory factory;

    JsonOptions(FileOptions o) {
        o.requireUtf8("JSON");
        multiLine = o.getBoolean("multiLine", false);
        primitivesAsString = o.getBoolean("primitivesAsString", false);
        prefersDecimal = o.getBoolean("prefersDecimal", false);
        dropFieldIfAllNull = o.getBoolean("dropFieldIfAllNull", false);
        inferTimestamp = o.getBoolean("inferTimestamp", false);
        allowNonNumericNumbers = o.getBoolean("allowNonNumericNumbers", true);
        ignoreNullFields = o.getBoolean("ignoreNullFields", true);
        mode = o.parseMode();
        corruptColumn = o.columnNameOfCorruptRecord();
        zone = o.zoneId();
        dateFormatText = o.getString("dateFormat", null);
        timestampFormatText = o.getString("timestampFormat", null);
        dateFormat = pattern("dateFormat", dateFormatText);
        timestampFormat = pattern("timestampFormat", timestampFormatText);
        lineSep = LineSeparators.forRead(o);
        lineSepWrite = LineSeparators.forWrite(o);
        factory = new Utf8JsonFactory((JsonFactoryBuilder) JsonFactory.builder()
                .configure(JsonReadFeature.ALLOW_JAVA_COMMENTS, o.getBoolean("allowComments", false))
                .configure(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, o.getBoolean("allowUnquotedFieldNames", false))
                .configure(JsonReadFeature.ALLOW_SINGLE_QUOTES, o.getBoolean("allowSingleQuotes", true))
                .configure(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
                        o.getBoolean("allowNumericLeadingZeros", false))
                .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, allowNonNumericNumbers)
                .configure(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                        o.getBoolean("allowBackslashEscapingAnyCharacter", false))
                .configure(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, o.getBoolean("allowUnquotedControlChars", false))
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()));
    }

    private static DateTimeFormatter pattern(String option, String pattern) {
        if (pattern == null) {
            return null;
        }
        try {
            return DateTimeUtils.formatter(pattern);
        } catch (IllegalArgumentException e) {
            throw FileOptions.invalid(option, pattern, "a datetime pattern such as 'yyyy-MM-dd HH:mm:ss'");
        }
    }
}

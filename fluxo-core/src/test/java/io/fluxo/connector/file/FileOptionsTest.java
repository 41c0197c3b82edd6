package io.fluxo.connector.file;

import static io.fluxo.connector.file.FileTestSupport.opts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileOptionsTest {
    @Test
    void keysIgnoreCase() {
        FileOptions o = opts("Header", "TRUE", "multiline", "false", "SEP", ";");
        assertThat(o.getBoolean("header", false)).isTrue();
        assertThat(o.getBoolean("multiLine", true)).isFalse();
        assertThat(o.getString("sep", ",")).isEqualTo(";");
        assertThat(o.contains("HEADER")).isTrue();
        assertThat(o.get("missing")).isEmpty();
        assertThat(o.with("sep", "|").getString("Sep", null)).isEqualTo("|");
    }

    @Test
    void typedGettersNameTheOptionAndValue() {
        FileOptions o = opts("header", "yes", "maxColumns", "many", "quote", "ab");
        assertThatThrownBy(() -> o.getBoolean("header", false)).isInstanceOf(AnalysisException.class)
                .hasMessage("[INVALID_OPTION_VALUE] Invalid value 'yes' for option 'header': expected a boolean "
                        + "(true or false).");
        assertThatThrownBy(() -> o.getInt("maxColumns", 1)).hasMessageContaining("'maxColumns'")
                .hasMessageContaining("'many'");
        assertThatThrownBy(() -> o.getChar("quote", '"')).hasMessageContaining("'quote'");
        assertThat(opts("quote", "").getChar("quote", '"')).isEqualTo('\0');
    }

    @Test
    void parseModeAndCorruptColumn() {
        assertThat(opts().parseMode()).isEqualTo(ParseMode.PERMISSIVE);
        assertThat(opts("mode", "dropMalformed").parseMode()).isEqualTo(ParseMode.DROPMALFORMED);
        assertThatThrownBy(() -> opts("mode", "FOO").parseMode()).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'mode'").hasMessageContaining("'FOO'");
        assertThat(opts().columnNameOfCorruptRecord()).isEqualTo("_corrupt_record");
    }

    @Test
    void timeZoneOverridesTheSessionZone() {
        assertThat(opts().zoneId()).isEqualTo(ZoneOffset.UTC);
        FileOptions paris = FileOptions.of(Map.of(), ZoneId.of("Europe/Paris"));
        assertThat(paris.zoneId()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(paris.with("timeZone", "+02:00").zoneId()).isEqualTo(ZoneOffset.ofHours(2));
        assertThatThrownBy(() -> opts("timeZone", "Mars/Olympus").zoneId()).hasMessageContaining("'timeZone'");
    }

    @Test
    void encodingAndCompression() {
        opts("encoding", "utf8").requireUtf8("json");
        opts("charset", "UTF-8", "compression", "none").requireUncompressed("csv");
        assertThatThrownBy(() -> opts("charset", "ISO-8859-1").requireUtf8("CSV"))
                .hasMessageContaining("'charset'").hasMessageContaining("ISO-8859-1");
        assertThatThrownBy(() -> opts("codec", "gzip").requireUncompressed("CSV"))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("CODEC_NOT_AVAILABLE");
    }

    @Test
    void unknownFormatsAreNamed() {
        assertThat(FileFormats.forName("Json").name()).isEqualTo("json");
        assertThatThrownBy(() -> FileFormats.forName("parquet")).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("parquet").hasMessageContaining("json, csv, text");
    }
}

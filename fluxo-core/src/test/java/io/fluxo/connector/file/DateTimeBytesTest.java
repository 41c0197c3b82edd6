package io.fluxo.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.types.DateTimeUtils;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The byte-level date and timestamp parsers that file readers use agree with the String ones. */
class DateTimeBytesTest {
    private static final ZoneId[] ZONES = {ZoneOffset.UTC, ZoneId.of("Europe/Paris"), ZoneOffset.ofHours(-5),
        ZoneId.of("America/New_York")};

    private static long bytes(String s, ZoneId zone) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.UTF_8);
        return DateTimeUtils.parseTimestamp(b, 2, b.length - 2, zone);
    }

    private static long string(String s, ZoneId zone) {
        Long v = DateTimeUtils.parseTimestamp(s, zone);
        return v == null ? DateTimeUtils.INVALID_TIMESTAMP : v;
    }

    @Property(tries = 300)
    void timestampsParseAsTheStringParserDoes(@ForAll @LongRange(min = -2_208_988_800L, max = 4_102_444_800L)
            long seconds, @ForAll @LongRange(min = 0, max = 999_999) long micros,
            @ForAll @LongRange(min = 0, max = 5) long style) {
        for (ZoneId zone : ZONES) {
            ZonedDateTime t = Instant.ofEpochSecond(seconds, micros * 1000).atZone(zone);
            String[] patterns = {"yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
                "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss.SSSZ", "yyyy-M-d H:m:s"};
            String text = DateTimeFormatter.ofPattern(patterns[(int) style]).format(t);
            assertThat(bytes(text, zone)).as(text).isEqualTo(string(text, zone));
        }
    }

    @Test
    void invalidAndUnusualTextAgreeToo() {
        String[] texts = {"2024-02-30", "2023-02-29T10:00:00", "2024-13-01", "2024-01-01T24:00:00", "2024-01-01T10:60",
            "2024-01-01 10:00:00 UTC", "2024-01-01T10:00:00.Z", " 2024-01-01 ", "2024", "2024-1-1T1:2:3",
            "2024-01-01T10:00:00+19:00", "abcd-ef-gh", "", "2024-01-01T10:00:00.1234567891Z", "+2024-01-01"};
        for (String s : texts) {
            for (ZoneId zone : ZONES) {
                assertThat(bytes(s, zone)).as(s).isEqualTo(string(s, zone));
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            Integer date = DateTimeUtils.parseDate(s);
            assertThat(DateTimeUtils.parseDate(b, 0, b.length)).as(s)
                    .isEqualTo(date == null ? DateTimeUtils.INVALID_DATE : date);
        }
    }

    @Test
    void isoTextAsSparkWritesIt() {
        StringBuilder sb = new StringBuilder();
        long micros = DateTimeUtils.toMicros(Instant.parse("1969-12-31T23:59:59.999999Z"));
        DateTimeUtils.appendTimestampIso(sb, micros, ZoneOffset.UTC);
        assertThat(sb.toString()).isEqualTo("1969-12-31T23:59:59.999Z");
        for (ZoneId zone : ZONES) {
            for (long m : new long[] {0, micros, 1_700_000_000_123_456L, -5_000_000_000_000_000L}) {
                sb.setLength(0);
                DateTimeUtils.appendTimestampIso(sb, m, zone);
                assertThat(sb.toString()).isEqualTo(DateTimeUtils.formatTimestampIso(m, zone));
            }
        }
    }
}

package io.fluxo.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringLiteralsTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "'plain'|plain",
        "\"double\"|double",
        "''|~~",
        "'a\\'b'|a'b",
        "\"a\\\"b\"|a\"b",
        "'\\\\'|\\",
        "'\\u00e9\\u00E9'|éé",
        "'\\u00e'|u00e",
        "'\\U0001F600'|\uD83D\uDE00",
        "'\\UFFFFFFFF'|UFFFFFFFF",
        "'\\101\\060'|A0",
        "'\\18'|18",
        "'50\\%'|50\\%",
        "'a\\_b'|a\\_b",
        "'end\\'|end\\",
        "r'raw\\n'|raw\\n",
        "R\"raw\\\"|raw\\",
    })
    void unescapesLikeSpark(String token, String expected) {
        assertThat(StringLiterals.unescape(token)).isEqualTo(expected);
    }

    @Test
    void unescapesControlCharacters() {
        assertThat(StringLiterals.unescape("'\\b\\r\\0\\Z'")).isEqualTo("\b\r\u0000\u001A");
    }
}

package io.fluxo.sql;

/**
 * The value of a SQL string literal token, following Spark's rules: the enclosing quotes go, a raw literal
 * ({@code r'...'}) keeps its text as is, and otherwise a backslash escapes the next character: {@code \n \t \r \b
 * \0 \Z}, {@code \\uXXXX} and {@code \\UXXXXXXXX} code points, three-digit octal {@code \\ooo}; {@code \%} and
 * {@code \_} keep their backslash (they are LIKE escapes); any other escaped character stands for itself.
 */
final class StringLiterals {
    private StringLiterals() {
    }

    /** The value of one {@code STRING_LITERAL} or {@code DOUBLEQUOTED_STRING} token's text, quotes included. */
    static String unescape(String token) {
        char first = token.charAt(0);
        if (first == 'r' || first == 'R') {
            return token.substring(2, token.length() - 1);
        }
        int end = token.length() - 1;
        StringBuilder sb = new StringBuilder(end);
        int i = 1;
        while (i < end) {
            char c = token.charAt(i);
            if (c != '\\' || i + 1 == end) {
                sb.append(c);
                i++;
                continue;
            }
            i++;
            char escaped = token.charAt(i);
            if (escaped == 'u' && i + 4 < end && allHex(token, i + 1, 4)) {
                sb.append((char) Integer.parseInt(token, i + 1, i + 5, 16));
                i += 5;
            } else if (escaped == 'U' && i + 8 < end && allHex(token, i + 1, 8)
                    && Character.isValidCodePoint((int) Long.parseLong(token, i + 1, i + 9, 16))) {
                sb.appendCodePoint((int) Long.parseLong(token, i + 1, i + 9, 16));
                i += 9;
            } else if (escaped >= '0' && escaped <= '3' && i + 2 < end && isOctal(token.charAt(i + 1))
                    && isOctal(token.charAt(i + 2))) {
                int code = (escaped - '0') * 64 + (token.charAt(i + 1) - '0') * 8 + (token.charAt(i + 2) - '0');
                sb.append((char) code);
                i += 3;
            } else {
                appendEscaped(sb, escaped);
                i++;
            }
        }
        return sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, char c) {
        switch (c) {
            case '0':
                sb.append('\u0000');
                break;
            case 'b':
                sb.append('\b');
                break;
            case 'n':
                sb.append('\n');
                break;
            case 'r':
                sb.append('\r');
                break;
            case 't':
                sb.append('\t');
                break;
            case 'Z':
                sb.append('\u001A');
                break;
            case '%':
                sb.append("\\%");
                break;
            case '_':
                sb.append("\\_");
                break;
            default:
                sb.append(c);
        }
    }

    private static boolean allHex(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }
}

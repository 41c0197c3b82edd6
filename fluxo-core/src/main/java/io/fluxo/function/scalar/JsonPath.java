package io.fluxo.function.scalar;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed get_json_object path in Spark's subset of JSONPath ({@code $}, {@code .name}, {@code ['name']},
 * {@code [index]}, {@code [*]}, {@code .*}), evaluated in one streaming pass the way Spark does: a string found at
 * the top is returned without quotes, a wildcard with one match returns that match alone, several matches an array.
 */
final class JsonPath {
    private enum Kind {
        FIELD, ANY_FIELD, INDEX, ANY_INDEX
    }

    private record Step(Kind kind, String name, int index) {
    }

    /** How matches are written: raw top-level strings, or JSON text inside arrays. */
    private enum Style {
        RAW, QUOTED
    }

    private final List<Step> steps;

    private JsonPath(List<Step> steps) {
        this.steps = steps;
    }

    /** The path, or null when Spark would not accept it (the function then returns NULL). */
    static JsonPath parse(String text) {
        if (!text.startsWith("$")) {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                i++;
                if (i < text.length() && text.charAt(i) == '*') {
                    steps.add(new Step(Kind.ANY_FIELD, null, 0));
                    i++;
                    continue;
                }
                int end = i;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                if (end == i) {
                    return null;
                }
                steps.add(new Step(Kind.FIELD, text.substring(i, end), 0));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                String inside = text.substring(i + 1, close);
                if (inside.equals("*")) {
                    steps.add(new Step(Kind.ANY_INDEX, null, 0));
                } else if (inside.length() >= 2 && inside.startsWith("'") && inside.endsWith("'")) {
                    steps.add(new Step(Kind.FIELD, inside.substring(1, inside.length() - 1), 0));
                } else if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit)) {
                    try {
                        steps.add(new Step(Kind.INDEX, null, Integer.parseInt(inside)));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                } else {
                    return null;
                }
                i = close + 1;
            } else {
                return null;
            }
        }
        return new JsonPath(List.copyOf(steps));
    }

    /** Writes the match of {@code json[from, from + len)} to {@code out}; false when nothing matches or bad JSON. */
    boolean evaluate(byte[] json, int from, int len, ByteArrayOutputStream out) {
        try (JsonParser p = JsonFunctions.FACTORY.createParser(json, from, len);
                JsonGenerator g = JsonFunctions.FACTORY.createGenerator((OutputStream) out)) {
            if (p.nextToken() == null) {
                return false;
            }
            boolean matched = evaluate(p, g, Style.RAW, 0);
            g.flush();
            return matched;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean evaluate(JsonParser p, JsonGenerator g, Style style, int step) throws IOException {
        JsonToken token = p.currentToken();
        if (step == steps.size()) {
            if (token == JsonToken.VALUE_STRING && style == Style.RAW) {
                g.writeRaw(p.getText());
            } else {
                g.copyCurrentStructure(p);
            }
            return true;
        }
        Step s = steps.get(step);
        if (token == JsonToken.START_OBJECT && (s.kind() == Kind.FIELD || s.kind() == Kind.ANY_FIELD)) {
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean candidate = !found && (s.kind() == Kind.ANY_FIELD || p.currentName().equals(s.name()));
                JsonToken value = p.nextToken();
                if (candidate && value != JsonToken.VALUE_NULL) {
                    found = evaluate(p, g, style, step + 1);
                } else {
                    p.skipChildren();
                }
            }
            return found;
        }
        if (token == JsonToken.START_ARRAY && s.kind() == Kind.INDEX) {
            boolean found = false;
            int k = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (k++ == s.index()) {
                    found = evaluate(p, g, style, step + 1);
                } else {
                    p.skipChildren();
                }
            }
            return found;
        }
        if (token == JsonToken.START_ARRAY && s.kind() == Kind.ANY_INDEX) {
            if (style == Style.QUOTED) {
                g.writeStartArray();
                boolean found = false;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    found |= evaluate(p, g, Style.QUOTED, step + 1);
                }
                g.writeEndArray();
                return found;
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            int matches = 0;
            try (JsonGenerator inner = JsonFunctions.FACTORY.createGenerator((OutputStream) buffer)) {
                inner.writeStartArray();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    matches += evaluate(p, inner, Style.QUOTED, step + 1) ? 1 : 0;
                }
                inner.writeEndArray();
            }
            String text = buffer.toString(StandardCharsets.UTF_8);
            if (matches > 1) {
                g.writeRawValue(text);
            } else if (matches == 1) {
                g.writeRawValue(text.substring(1, text.length() - 1));
            }
            return matches > 0;
        }
        p.skipChildren();
        return false;
    }
}

package io.fluxo.checkpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Flat JSON objects of strings and numbers, the shape of every checkpoint metadata record. */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    static String write(Map<String, Object> fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeObject(g, fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void writeObject(JsonGenerator g, Map<String, Object> fields) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                g.writeFieldName(e.getKey());
                writeObject(g, new TreeMap<>((Map<String, Object>) m));
            } else if (v instanceof Number n) {
                g.writeNumberField(e.getKey(), n.longValue());
            } else {
                g.writeStringField(e.getKey(), String.valueOf(v));
            }
        }
        g.writeEndObject();
    }

    /** Parses an object of strings, numbers (as Long) and nested objects (as Map). */
    static Map<String, Object> read(String text, Path file) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            return readObject(p);
        } catch (IOException e) {
            throw new CheckpointException("CHECKPOINT_CORRUPT", "The checkpoint file " + file
                    + " holds JSON that cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                out.put(name, readObject(p));
            } else if (t == JsonToken.VALUE_NUMBER_INT) {
                out.put(name, p.getLongValue());
            } else if (t == JsonToken.VALUE_NULL) {
                out.put(name, null);
            } else {
                out.put(name, p.getText());
            }
        }
        return out;
    }
}

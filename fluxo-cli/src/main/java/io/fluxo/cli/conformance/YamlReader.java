package io.fluxo.cli.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into {@link YamlNode}s with Jackson's streaming YAML parser. A tree of our own (rather
 * than Jackson's JsonNode) keeps each scalar's text as written — Jackson would refuse {@code .nan} as a number and
 * round long decimals — and the line of every node.
 */
final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /**
     * Parses {@code text}; {@code source} names it in errors.
     *
     * @throws CaseFormatException when the text is not valid YAML or a map repeats a key
     */
    static YamlNode read(String text, String source) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new CaseFormatException(source + " is empty");
            }
            return node(parser, source);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new CaseFormatException("invalid YAML in " + source + (line > 0 ? " at line " + line : "") + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CaseFormatException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static YamlNode node(JsonParser parser, String source) throws IOException {
        JsonToken token = parser.currentToken();
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, source));
                }
                return new YamlNode.Sequence(items, line);
            }
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    if (entries.put(key, node(parser, source)) != null) {
                        throw new CaseFormatException(
                                "duplicate key '" + key + "' in " + source + " at line " + keyLine);
                    }
                }
                return new YamlNode.Mapping(entries, line);
            }
            case VALUE_NULL:
                return new YamlNode.Scalar(YamlNode.ScalarKind.NULL, parser.getText(), line);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(YamlNode.ScalarKind.BOOLEAN, parser.getText(), line);
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(YamlNode.ScalarKind.INTEGER, parser.getText(), line);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(YamlNode.ScalarKind.FLOAT, parser.getText(), line);
            case VALUE_STRING:
                return new YamlNode.Scalar(YamlNode.ScalarKind.STRING, parser.getText(), line);
            default:
                throw new CaseFormatException("unsupported YAML (" + token + ") in " + source + " at line " + line);
        }
    }
}

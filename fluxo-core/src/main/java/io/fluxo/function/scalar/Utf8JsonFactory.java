package io.fluxo.function.scalar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;

/**
 * A Jackson factory whose parsers over a byte range read it as UTF-8 directly. Jackson's own first runs an encoding
 * detector over the bytes (BOM and UTF-16/32 guesses) for every parser; Fluxo makes one parser per record (a JSON line,
 * a {@code from_json} value), whose bytes are UTF-8 (the reader decodes other encodings first), and that detection was
 * an eighth of reading a JSON file. A UTF-8 byte order mark is still skipped.
 */
public final class Utf8JsonFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    public Utf8JsonFactory() {
        super();
    }

    public Utf8JsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext context) {
        int start = offset;
        if (len >= 3 && data[offset] == (byte) 0xEF && data[offset + 1] == (byte) 0xBB
                && data[offset + 2] == (byte) 0xBF) {
            start += 3;
        }
        return new UTF8StreamJsonParser(context, _parserFeatures, null, _objectCodec,
                _byteSymbolCanonicalizer.makeChild(_factoryFeatures), data, start, offset + len, false);
    }
}

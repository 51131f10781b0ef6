package dev.sessionledger.commons.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * Reads JSON as its delegate does, but refuses any string value or field name that holds the NUL
 * character, naming where it stands. Every other way of stepping through tokens
 * ({@code nextFieldName}, {@code nextTextValue}, ...) goes through {@link #nextToken()}.
 */
final class NulRefusingParser extends JsonParserDelegate {

    NulRefusingParser(JsonParser delegate) {
        super(delegate);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return checked(super.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return checked(super.nextValue());
    }

    private JsonToken checked(JsonToken token) throws IOException {
        if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && getText().indexOf('\u0000') >= 0) {
            throw new NulCharacterException(this, pathOf(getParsingContext()));
        }
        return token;
    }

    /** The context as the API's error messages name fields: {@code messages[3].payload}. */
    static String pathOf(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        build(context, path);
        return path.length() == 0 ? "body" : path.toString();
    }

    private static void build(JsonStreamContext context, StringBuilder path) {
        if (context == null || context.inRoot()) {
            return;
        }
        build(context.getParent(), path);
        if (context.inArray()) {
            path.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
        } else if (context.getCurrentName() != null) {
            if (path.length() > 0) {
                path.append('.');
            }
            // A field name may itself hold the NUL: it is named, not echoed.
            path.append(context.getCurrentName().replace("\u0000", "\\u0000"));
        }
    }
}

package dev.sessionledger.commons.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/** A JSON string or field name held the NUL character, which PostgreSQL cannot store in text or jsonb. */
public class NulCharacterException extends JsonParseException {

    private final String field;

    NulCharacterException(JsonParser parser, String field) {
        super(parser, field + " must not contain the NUL character (\\u0000)");
        this.field = field;
    }

    /** Where in the document: {@code messages[3].payload.params.name}, or {@code body} at the top. */
    public String field() {
        return field;
    }
}

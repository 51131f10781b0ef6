package dev.sessionledger.sessions.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the body of writes whose body is optional ({@code .../leave}, {@code .../end}): a bare
 * {@code POST} without body or content type must work, which a JSON-only method would refuse with a 415.
 */
@ApplicationScoped
public class OptionalBody {

    @Inject
    ObjectMapper json;

    /** Null for an empty body; a body that is not JSON of this shape reaches the error mappers as a 400. */
    public <T> T read(String text, Class<T> type) throws JsonProcessingException {
        return text == null || text.isBlank() ? null : json.readValue(text, type);
    }
}

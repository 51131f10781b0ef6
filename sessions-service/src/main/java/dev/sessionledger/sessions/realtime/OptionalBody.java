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

    @Inject
    RequestChecks checks;

    /**
     * Null for an empty body; a body that is not JSON of this shape reaches the error mappers as a
     * 400, and one that breaks its constraints is a 400 naming each field.
     */
    public <T> T read(String text, Class<T> type) throws JsonProcessingException {
        if (text == null || text.isBlank()) {
            return null;
        }
        T body = json.readValue(text, type);
        if (body != null) {
            checks.check(body);
        }
        return body;
    }
}

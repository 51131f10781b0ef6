package dev.sessionledger.threads.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.json.CheckedJsonFactory;
import dev.sessionledger.commons.json.NulCharacterException;

/** Reads a JSON document sent in a query parameter, bounded in length; a 400 names the parameter otherwise. */
final class JsonParameter {

    /** Refuses the NUL character as request bodies do. */
    private static final ObjectMapper JSON = new ObjectMapper(new CheckedJsonFactory());

    private JsonParameter() {
    }

    static JsonNode read(String json, String parameter, int maxLength) {
        if (json.length() > maxLength) {
            throw Failure.invalid(parameter,
                    "must be at most " + maxLength + " characters of JSON");
        }
        try {
            return JSON.readTree(json);
        } catch (NulCharacterException e) {
            throw Failure.invalid(parameter + "." + e.field(), "must not contain the NUL character");
        } catch (JsonProcessingException e) {
            throw Failure.invalid(parameter, "is not valid JSON");
        }
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}

package dev.sessionledger.messages.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a JSON-RPC 2.0 payload is: its message type, its method when it names one, and its id as
 * JSON text (so that {@code 1} and {@code "1"} stay different ids, as JSON-RPC says).
 */
public record JsonRpcShape(String type, String method, String jsonrpcId) {

    public static final String REQUEST = "request";
    public static final String NOTIFICATION = "notification";
    public static final String RESPONSE = "response";
    public static final String ERROR = "error";

    /** Whether this message answers a request, and so takes that request's method. */
    public boolean answers() {
        return RESPONSE.equals(type) || ERROR.equals(type);
    }

    public JsonRpcShape withMethod(String requestMethod) {
        return new JsonRpcShape(type, requestMethod, jsonrpcId);
    }

    /**
     * Derives the shape from the payload: request (method and id), notification (method, no id),
     * response (result and id), error (error and id).
     *
     * @throws IllegalArgumentException saying why the payload is none of these
     */
    public static JsonRpcShape of(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("must be a JSON-RPC 2.0 message object");
        }
        JsonNode version = payload.get("jsonrpc");
        if (version == null || !version.isTextual() || !"2.0".equals(version.textValue())) {
            throw new IllegalArgumentException("must have \"jsonrpc\": \"2.0\"");
        }
        JsonNode id = payload.get("id");
        boolean hasResult = payload.has("result");
        boolean hasError = payload.has("error");
        if (payload.has("method")) {
            JsonNode method = payload.get("method");
            if (!method.isTextual() || method.textValue().isEmpty()) {
                throw new IllegalArgumentException("method must be a non-empty string");
            }
            if (hasResult || hasError) {
                throw new IllegalArgumentException("a message with a method cannot carry a result or an error");
            }
            if (id == null) {
                return new JsonRpcShape(NOTIFICATION, method.textValue(), null);
            }
            return new JsonRpcShape(REQUEST, method.textValue(), idText(id, false));
        }
        if (hasResult && hasError) {
            throw new IllegalArgumentException("cannot carry both a result and an error");
        }
        if (hasResult) {
            return new JsonRpcShape(RESPONSE, null, idText(id, false));
        }
        if (hasError) {
            JsonNode error = payload.get("error");
            if (!error.isObject() || !error.path("code").isIntegralNumber() || !error.path("message").isTextual()) {
                throw new IllegalArgumentException("error must be an object with an integer code and a string message");
            }
            // JSON-RPC answers a request whose id could not be read with an error whose id is null.
            return new JsonRpcShape(ERROR, null, idText(id, true));
        }
        throw new IllegalArgumentException("must be a request, notification, response or error");
    }

    private static String idText(JsonNode id, boolean nullAllowed) {
        if (id == null) {
            throw new IllegalArgumentException("must have an id");
        }
        if (id.isNull() && nullAllowed) {
            return null;
        }
        if (!id.isTextual() && !id.isIntegralNumber()) {
            throw new IllegalArgumentException("id must be a string or an integer");
        }
        return id.toString();
    }
}

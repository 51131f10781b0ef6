package dev.sessionledger.gateway.proxy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the gateway reads of JSON-RPC 2.0 messages, and the error answers it makes itself. */
final class JsonRpc {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** Implementation-defined server errors (-32000 to -32099): the gateway's own. */
    static final int UNAUTHORIZED = -32001;
    static final int NOT_FOUND = -32002;
    static final int UNAVAILABLE = -32003;
    static final int UPSTREAM_FAILED = -32004;

    private JsonRpc() {
    }

    /** The messages of a body: the body, or each element of a (2025-03-26) batch. */
    static List<JsonNode> messages(JsonNode body) {
        List<JsonNode> messages = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(messages::add);
        } else if (body != null) {
            messages.add(body);
        }
        return messages;
    }

    /** Why the body is not JSON-RPC 2.0, or null when it is. */
    static String fault(JsonNode body) {
        List<JsonNode> messages = messages(body);
        if (messages.isEmpty()) {
            return "the body must be a JSON-RPC 2.0 message or a non-empty batch";
        }
        for (JsonNode message : messages) {
            if (!message.isObject() || !"2.0".equals(message.path("jsonrpc").textValue())) {
                return "every message must be a JSON object with \"jsonrpc\": \"2.0\"";
            }
        }
        return null;
    }

    static boolean isInitialize(JsonNode body) {
        return body != null && body.isObject() && "initialize".equals(body.path("method").textValue())
                && body.has("id");
    }

    /** The ids of the requests in a body (not of notifications or responses). */
    static List<JsonNode> requestIds(JsonNode body) {
        List<JsonNode> ids = new ArrayList<>();
        for (JsonNode message : messages(body)) {
            if (message.isObject() && message.hasNonNull("method") && message.has("id")) {
                ids.add(message.get("id"));
            }
        }
        return ids;
    }

    /** The one request id an error answer names, or null (JSON-RPC's id for "no single request"). */
    static JsonNode singleId(List<JsonNode> requestIds) {
        return requestIds.size() == 1 ? requestIds.get(0) : null;
    }

    /** A JSON-RPC error response; {@code id} null when no single request is answered. */
    static ObjectNode error(ObjectMapper json, JsonNode id, int code, String message) {
        ObjectNode error = json.createObjectNode();
        error.put("jsonrpc", "2.0");
        error.set("id", id == null ? NullNode.getInstance() : id);
        error.putObject("error").put("code", code).put("message", message);
        return error;
    }
}

package dev.sessionledger.messages.message;

/**
 * What a JSON-RPC 2.0 payload is: its message type, its method when it names one, and its id as
 * JSON text (so that {@code 1} and {@code "1"} stay different ids, as JSON-RPC says).
 */
public record JsonRpcShape(MessageType type, String method, String jsonrpcId) {

    /** Whether this message answers a request, and so takes that request's method. */
    public boolean answers() {
        return type == MessageType.RESPONSE || type == MessageType.ERROR;
    }

    public JsonRpcShape withMethod(String requestMethod) {
        return new JsonRpcShape(type, requestMethod, jsonrpcId);
    }
}

package dev.sessionledger.messages.ingest;

import dev.sessionledger.messages.message.JsonRpcShape;
import dev.sessionledger.messages.message.MessageType;

/**
 * The members of a payload that its shape is derived from, noted while the payload is read, so
 * that the payload itself need not be held as a tree. A member given twice counts as its last
 * value, as in the stored document.
 */
final class JsonRpcMembers {

    /** What an id is: its JSON text, when a string or an integer. */
    enum IdKind { ABSENT, NULL, STRING_OR_INTEGER, OTHER }

    boolean object;
    /** The {@code jsonrpc} member when it is a string, else null. */
    String version;
    IdKind id = IdKind.ABSENT;
    String idText;
    boolean hasMethod;
    /** The method when it is a string, else null. */
    String method;
    boolean hasResult;
    boolean hasError;
    boolean errorIsObject;
    boolean errorCodeIsInteger;
    boolean errorMessageIsString;

    /**
     * Derives the shape from the payload: request (method and id), notification (method, no id),
     * response (result and id), error (error and id).
     *
     * @throws IllegalArgumentException saying why the payload is none of these
     */
    JsonRpcShape shape() {
        if (!object) {
            throw new IllegalArgumentException("must be a JSON-RPC 2.0 message object");
        }
        if (!"2.0".equals(version)) {
            throw new IllegalArgumentException("must have \"jsonrpc\": \"2.0\"");
        }
        if (hasMethod) {
            if (method == null || method.isEmpty()) {
                throw new IllegalArgumentException("method must be a non-empty string");
            }
            if (hasResult || hasError) {
                throw new IllegalArgumentException("a message with a method cannot carry a result or an error");
            }
            if (id == IdKind.ABSENT) {
                return new JsonRpcShape(MessageType.NOTIFICATION, method, null);
            }
            return new JsonRpcShape(MessageType.REQUEST, method, idText(false));
        }
        if (hasResult && hasError) {
            throw new IllegalArgumentException("cannot carry both a result and an error");
        }
        if (hasResult) {
            return new JsonRpcShape(MessageType.RESPONSE, null, idText(false));
        }
        if (hasError) {
            if (!errorIsObject || !errorCodeIsInteger || !errorMessageIsString) {
                throw new IllegalArgumentException("error must be an object with an integer code and a string message");
            }
            // JSON-RPC answers a request whose id could not be read with an error whose id is null.
            return new JsonRpcShape(MessageType.ERROR, null, idText(true));
        }
        throw new IllegalArgumentException("must be a request, notification, response or error");
    }

    private String idText(boolean nullAllowed) {
        return switch (id) {
            case ABSENT -> throw new IllegalArgumentException("must have an id");
            case STRING_OR_INTEGER -> idText;
            case NULL -> {
                if (nullAllowed) {
                    yield null;
                }
                throw new IllegalArgumentException("id must be a string or an integer");
            }
            case OTHER -> throw new IllegalArgumentException("id must be a string or an integer");
        };
    }
}

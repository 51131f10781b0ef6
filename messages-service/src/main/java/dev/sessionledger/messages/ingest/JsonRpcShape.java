package dev.sessionledger.messages.ingest;

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
     * The members of a payload that its shape is derived from, noted while the payload is read, so
     * that the payload itself need not be held as a tree. A member given twice counts as its last
     * value, as in the stored document.
     */
    static final class Members {

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
    }

    /**
     * Derives the shape from the payload: request (method and id), notification (method, no id),
     * response (result and id), error (error and id).
     *
     * @throws IllegalArgumentException saying why the payload is none of these
     */
    static JsonRpcShape of(Members payload) {
        if (!payload.object) {
            throw new IllegalArgumentException("must be a JSON-RPC 2.0 message object");
        }
        if (!"2.0".equals(payload.version)) {
            throw new IllegalArgumentException("must have \"jsonrpc\": \"2.0\"");
        }
        if (payload.hasMethod) {
            if (payload.method == null || payload.method.isEmpty()) {
                throw new IllegalArgumentException("method must be a non-empty string");
            }
            if (payload.hasResult || payload.hasError) {
                throw new IllegalArgumentException("a message with a method cannot carry a result or an error");
            }
            if (payload.id == Members.IdKind.ABSENT) {
                return new JsonRpcShape(NOTIFICATION, payload.method, null);
            }
            return new JsonRpcShape(REQUEST, payload.method, idText(payload, false));
        }
        if (payload.hasResult && payload.hasError) {
            throw new IllegalArgumentException("cannot carry both a result and an error");
        }
        if (payload.hasResult) {
            return new JsonRpcShape(RESPONSE, null, idText(payload, false));
        }
        if (payload.hasError) {
            if (!payload.errorIsObject || !payload.errorCodeIsInteger || !payload.errorMessageIsString) {
                throw new IllegalArgumentException("error must be an object with an integer code and a string message");
            }
            // JSON-RPC answers a request whose id could not be read with an error whose id is null.
            return new JsonRpcShape(ERROR, null, idText(payload, true));
        }
        throw new IllegalArgumentException("must be a request, notification, response or error");
    }

    private static String idText(Members payload, boolean nullAllowed) {
        return switch (payload.id) {
            case ABSENT -> throw new IllegalArgumentException("must have an id");
            case STRING_OR_INTEGER -> payload.idText;
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

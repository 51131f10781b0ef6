package dev.sessionledger.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.errors.ErrorEnvelope;
import dev.sessionledger.commons.errors.Failure;

/**
 * The gateway's error envelope for what is refused before its route reads the request (a body
 * declared over the limit, a request line or headers too large, a NUL, an unknown path): a JSON-RPC
 * error with no id, as the MCP transport answers a request it cannot take.
 */
@ApplicationScoped
public class JsonRpcEnvelope implements ErrorEnvelope {

    @Inject
    ObjectMapper json;

    @Override
    public Object body(Failure failure, int status, String path) {
        int code = switch (failure.kind()) {
            case MALFORMED -> JsonRpc.PARSE_ERROR;
            case INVALID_INPUT, BODY_TOO_LARGE, LINE_TOO_LONG, HEADERS_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE,
                    NOT_ACCEPTABLE, METHOD_NOT_ALLOWED -> JsonRpc.INVALID_REQUEST;
            case UNAUTHENTICATED, FORBIDDEN -> JsonRpc.UNAUTHORIZED;
            case NOT_FOUND, GONE -> JsonRpc.NOT_FOUND;
            case UNAVAILABLE -> JsonRpc.UNAVAILABLE;
            default -> JsonRpc.INTERNAL_ERROR;
        };
        String message = failure.errors().isEmpty() ? failure.getMessage()
                : failure.errors().get(0).field() + " " + failure.errors().get(0).message();
        return JsonRpc.error(json, null, code, message);
    }
}

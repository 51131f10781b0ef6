package dev.sessionledger.local;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** The JSON bodies of the answers the gateway makes itself, rather than passes on from a service. */
final class GatewayErrors {

    static final String CONTENT_TYPE = "application/json";
    static final int RETRY_AFTER_SECONDS = 2;

    /** One error the gateway answers with: its status, and the code and message of its body. */
    record GatewayError(int status, String code, String message) {

        Buffer body() {
            // Codes and messages are constants of this class: nothing from the request is echoed.
            return Buffer.buffer("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
        }
    }

    static final GatewayError BAD_PATH = new GatewayError(400, "bad_path",
            "The path has an encoded dot, slash or backslash, a backslash, a malformed escape, or a dot segment with parameters");
    static final GatewayError NO_ROUTE = new GatewayError(404, "no_route", "No service serves this path");
    /** As an Ingress answers while a service has no ready pod: the supervisor is starting it again. */
    static final GatewayError UNAVAILABLE = new GatewayError(503, "service_unavailable",
            "The service behind this path cannot be reached right now; retry in " + GatewayErrors.RETRY_AFTER_SECONDS + " seconds");
    static final GatewayError URI_TOO_LONG = new GatewayError(414, "uri_too_long", "The request line is longer than "
            + Gateway.MAX_REQUEST_LINE + " bytes");
    static final GatewayError HEADERS_TOO_LARGE = new GatewayError(431, "headers_too_large", "The request headers are too large");
    static final GatewayError BAD_REQUEST = new GatewayError(400, "bad_request", "The request is not valid HTTP");

    private GatewayErrors() {
    }

    /**
     * Answers a request Vert.x could not parse, with the statuses of Vert.x's own handler
     * ({@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER}) but a JSON body, then closes
     * the connection: what follows an unparsable request cannot be trusted to be a request.
     */
    static void answerInvalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        GatewayError error = cause instanceof TooLongHttpLineException ? URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? HEADERS_TOO_LARGE : BAD_REQUEST;
        request.response().setStatusCode(error.status()).putHeader("content-type", CONTENT_TYPE).end(error.body())
                .onComplete(done -> request.connection().close());
    }
}

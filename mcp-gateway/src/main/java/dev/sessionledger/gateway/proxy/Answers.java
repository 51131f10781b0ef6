package dev.sessionledger.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.errors.Failure;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** What the gateway answers itself: a JSON-RPC error with the HTTP status the transport names for it. */
@ApplicationScoped
class Answers {

    private static final Logger LOG = Logger.getLogger(Answers.class);

    @Inject
    ObjectMapper json;

    JsonNode error(JsonNode id, int code, String message) {
        return JsonRpc.error(json, id, code, message);
    }

    void error(RoutingContext ctx, int status, JsonNode id, int code, String message) {
        send(ctx, status, error(id, code, message));
    }

    /**
     * A refusal of the ledger's: 503 with Retry-After while a peer is away, 400 for input it
     * refused, 401 for a token it no longer takes, 403, 404; anything else a 502.
     */
    void refused(RoutingContext ctx, Failure failure, JsonNode id) {
        switch (failure.kind()) {
            case UNAVAILABLE -> {
                ctx.response().putHeader("Retry-After", String.valueOf(failure.retryAfterSeconds()));
                error(ctx, 503, id, JsonRpc.UNAVAILABLE, failure.getMessage());
            }
            case INVALID_INPUT, MALFORMED -> error(ctx, 400, id, JsonRpc.INVALID_PARAMS, failure.errors().isEmpty()
                    ? failure.getMessage() : failure.errors().get(0).field() + " " + failure.errors().get(0).message());
            case NOT_FOUND -> error(ctx, 404, id, JsonRpc.NOT_FOUND, failure.getMessage());
            case UNAUTHENTICATED -> {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                error(ctx, 401, id, JsonRpc.UNAUTHORIZED, failure.getMessage());
            }
            case FORBIDDEN -> error(ctx, 403, id, JsonRpc.UNAUTHORIZED, failure.getMessage());
            default -> {
                LOG.warnf("gateway request refused: %s %s", failure.kind(), failure.getMessage());
                error(ctx, 502, id, JsonRpc.INTERNAL_ERROR, "the ledger cannot serve this request");
            }
        }
    }

    /** Sends a JSON body with a status, unless an answer has begun. */
    void send(RoutingContext ctx, int status, JsonNode body) {
        HttpServerResponse out = ctx.response();
        if (out.ended() || out.headWritten()) {
            return;
        }
        try {
            out.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(Buffer.buffer(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            out.setStatusCode(500).end();
        }
    }
}

package dev.sessionledger.local;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.Pipe;

/**
 * Decides where each request goes and passes it there: normalises its path, refuses what must not
 * pass, picks the service by the Ingress rules and forwards the normalised path, so that the router
 * and the service read the same path. Bodies stream both ways with back-pressure (an event stream
 * reaches the client event by event); hop-by-hop headers stay on their hop, as RFC 9110 asks.
 */
final class RequestForwarder implements Handler<HttpServerRequest> {

    /** Headers that describe one connection, not the message (RFC 9110, section 7.6.1), and Expect, which this hop answers. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "expect");

    private final IngressRoutes routes;
    private final Map<String, Integer> backends;
    private final HttpClient client;

    RequestForwarder(IngressRoutes routes, Map<String, Integer> backends, HttpClient client) {
        this.routes = routes;
        this.backends = Map.copyOf(backends);
        this.client = client;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Optional<String> path = PathNormalizer.normalize(request.path());
        if (path.isEmpty()) {
            answer(request.response(), GatewayErrors.BAD_PATH);
            return;
        }
        // /q and /internal stay unrouted whatever the Ingress file says: a rule added there by
        // mistake must not open the services' private endpoints.
        Optional<Integer> port = PathNormalizer.isPrivate(path.get()) ? Optional.empty()
                : routes.serviceFor(path.get()).map(backends::get);
        if (port.isEmpty()) {
            answer(request.response(), GatewayErrors.NO_ROUTE);
            return;
        }
        String query = request.query();
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1")
                .setPort(port.get()).setURI(query == null ? path.get() : path.get() + "?" + query);
        request.pause();
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                // The service cannot be reached, as while it restarts: answered as an Ingress does
                // for a service with no ready pod, a 503 to retry.
                request.resume();
                unavailable(request.response());
                return;
            }
            forward(request, opened.result());
        });
    }

    private static void forward(HttpServerRequest request, HttpClientRequest outgoing) {
        copyEndToEnd(request.headers(), outgoing.headers());
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            outgoing.setChunked(true);
        }
        outgoing.response().onComplete(answered -> {
            if (answered.failed()) {
                unavailable(request.response());
                return;
            }
            relay(answered.result(), request.response());
        });
        request.pipeTo(outgoing).onFailure(failure -> outgoing.reset());
    }

    private static void relay(HttpClientResponse incoming, HttpServerResponse response) {
        if (response.closed()) {
            // The client left before the service answered.
            incoming.request().reset();
            return;
        }
        response.setStatusCode(incoming.statusCode());
        copyEndToEnd(incoming.headers(), response.headers());
        if (incoming.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            response.setChunked(true);
        }
        // A client that goes away stops the service's answer too, an endless event stream included:
        // the pipe stops writing to the closed response first.
        Pipe<Buffer> pipe = incoming.pipe();
        response.closeHandler(closed -> {
            pipe.close();
            incoming.request().reset();
        });
        pipe.to(response).onFailure(failure -> {
            pipe.close();
            incoming.request().reset();
            if (!response.closed()) {
                response.reset();
            }
        });
    }

    private static void copyEndToEnd(MultiMap from, MultiMap to) {
        Set<String> named = connectionOptions(from);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    /** The headers a Connection header names, which are hop-by-hop too. */
    private static Set<String> connectionOptions(MultiMap headers) {
        List<String> connection = headers.getAll(HttpHeaders.CONNECTION);
        if (connection.isEmpty()) {
            return Set.of();
        }
        Set<String> named = new HashSet<>();
        for (String field : connection) {
            for (String option : field.split(",")) {
                named.add(option.trim().toLowerCase(Locale.ROOT));
            }
        }
        return named;
    }

    private static void unavailable(HttpServerResponse response) {
        if (response.closed()) {
            return;
        }
        if (!response.headWritten()) {
            response.putHeader("retry-after", Integer.toString(GatewayErrors.RETRY_AFTER_SECONDS));
            answer(response, GatewayErrors.UNAVAILABLE);
        } else {
            response.reset();
        }
    }

    private static void answer(HttpServerResponse response, GatewayErrors.GatewayError error) {
        response.setStatusCode(error.status()).putHeader(HttpHeaders.CONTENT_TYPE, GatewayErrors.CONTENT_TYPE).end(error.body());
    }
}

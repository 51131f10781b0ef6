package dev.sessionledger.gateway.proxy;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.gateway.caller.BearerTokens;
import dev.sessionledger.gateway.caller.GatewayCaller;
import dev.sessionledger.gateway.config.GatewayConfig;
import dev.sessionledger.gateway.ledger.LedgerSession;
import dev.sessionledger.gateway.ledger.SessionLedger;
import dev.sessionledger.gateway.providers.Provider;
import dev.sessionledger.gateway.providers.ProviderDirectory;
import dev.sessionledger.gateway.recording.MessageRecorder;
import dev.sessionledger.gateway.recording.RecordedMessage;
import dev.sessionledger.gateway.session.GatewaySession;
import dev.sessionledger.gateway.session.GatewaySessions;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code /mcp/{provider_id}}: MCP's Streamable HTTP transport passed through to the provider's
 * upstream server, with every JSON-RPC message recorded on the way.
 *
 * <p>A plain Vert.x route rather than a JAX-RS resource: the upstream's answer is relayed with the
 * Vert.x HTTP client as its bytes arrive (an SSE stream event by event, with back-pressure: the
 * upstream is paused while the client's socket is full), with no JAX-RS layer that would buffer a
 * body or re-frame SSE events. What must block (verifying the token, asking sessions-service) runs
 * on a worker thread before the upstream call; everything after it runs on the event loop.
 */
@ApplicationScoped
public class McpRoute {

    private static final Logger LOG = Logger.getLogger(McpRoute.class);
    private static final String PATH = "/mcp/:provider_id";
    static final String SESSION_HEADER = "Mcp-Session-Id";
    /** What a client sends that the upstream must see (the transport's own headers); nothing else goes, least of all Authorization. */
    private static final List<String> FORWARDED = List.of("Accept", "Content-Type", "MCP-Protocol-Version", "Last-Event-ID");
    /** What of the upstream's answer is the connection's, not the message's, or is replaced by the gateway. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "transfer-encoding", "content-length",
            "upgrade", "proxy-connection", "te", "trailer", "mcp-session-id", "set-cookie");

    @Inject
    BearerTokens tokens;

    @Inject
    ProviderDirectory providers;

    @Inject
    SessionLedger ledger;

    @Inject
    GatewaySessions sessions;

    @Inject
    MessageRecorder recorder;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "sessionledger.http.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    private HttpClient upstream;
    private Vertx vertx;

    void install(@Observes Router router, Vertx vertx) {
        this.vertx = vertx;
        upstream = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.upstream().connectTimeout().toMillis())
                .setMaxPoolSize(200)
                .setKeepAlive(true));
        router.route(HttpMethod.POST, PATH)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()))
                .blockingHandler(this::post, false);
        router.route(HttpMethod.GET, PATH).blockingHandler(this::get, false);
        router.route(HttpMethod.DELETE, PATH).blockingHandler(this::delete, false);
        long every = Math.max(1000, Math.min(30_000, config.sessions().idleTimeout().toMillis() / 4));
        vertx.setPeriodic(every, id -> vertx.executeBlocking(() -> {
            endIdleSessions();
            return null;
        }, false));
        registry.gauge("gateway.sessions.open", sessions, GatewaySessions::open);
    }

    private void post(RoutingContext ctx) {
        Optional<GatewayCaller> caller = authenticate(ctx);
        if (caller.isEmpty()) {
            return;
        }
        JsonNode body;
        try {
            body = ctx.body().buffer() == null ? null : json.readTree(ctx.body().buffer().getBytes());
        } catch (JsonProcessingException e) {
            answer(ctx, 400, JsonRpc.error(json, null, JsonRpc.PARSE_ERROR, "the body is not JSON"));
            return;
        } catch (IOException | RuntimeException e) {
            answer(ctx, 400, JsonRpc.error(json, null, JsonRpc.PARSE_ERROR, "the body cannot be read: " + e.getMessage()));
            return;
        }
        String fault = JsonRpc.fault(body);
        if (fault != null) {
            answer(ctx, 400, JsonRpc.error(json, null, JsonRpc.INVALID_REQUEST, fault));
            return;
        }
        List<JsonNode> ids = JsonRpc.requestIds(body);
        JsonNode id = ids.size() == 1 ? ids.get(0) : null;
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (!accepts(accept, "application/json") || !accepts(accept, "text/event-stream")) {
            answer(ctx, 406, JsonRpc.error(json, id, JsonRpc.INVALID_REQUEST,
                    "Accept must list both application/json and text/event-stream"));
            return;
        }
        try {
            Optional<Provider> provider = provider(ctx, caller.get(), id);
            if (provider.isEmpty()) {
                return;
            }
            String sessionId = ctx.request().getHeader(SESSION_HEADER);
            boolean initialize = sessionId == null && JsonRpc.isInitialize(body);
            GatewaySession session;
            if (initialize) {
                if (body.path("params").path("clientInfo").path("name").asText("").isBlank()) {
                    answer(ctx, 400, JsonRpc.error(json, id, JsonRpc.INVALID_PARAMS, "initialize needs params.clientInfo.name"));
                    return;
                }
                LedgerSession opened = ledger.open(caller.get(), provider.get(), body);
                session = sessions.open(opened, caller.get(), provider.get());
            } else {
                Optional<GatewaySession> found = session(ctx, caller.get(), id);
                if (found.isEmpty()) {
                    return;
                }
                session = found.get();
            }
            for (JsonNode message : JsonRpc.messages(body)) {
                record(session, caller.get(), message, RecordedMessage.CLIENT);
            }
            forward(ctx, new Exchange(caller.get(), provider.get(), session, ids, initialize), HttpMethod.POST,
                    ctx.body().buffer());
        } catch (Failure failure) {
            refused(ctx, failure, id);
        }
    }

    private void get(RoutingContext ctx) {
        withinSession(ctx, HttpMethod.GET, false);
    }

    private void delete(RoutingContext ctx) {
        withinSession(ctx, HttpMethod.DELETE, true);
    }

    /** A bodiless request of an open session: the GET stream, or the DELETE that ends it. */
    private void withinSession(RoutingContext ctx, HttpMethod method, boolean endsSession) {
        Optional<GatewayCaller> caller = authenticate(ctx);
        if (caller.isEmpty()) {
            return;
        }
        try {
            Optional<Provider> provider = provider(ctx, caller.get(), null);
            if (provider.isEmpty()) {
                return;
            }
            Optional<GatewaySession> session = session(ctx, caller.get(), null);
            if (session.isPresent()) {
                Exchange exchange = new Exchange(caller.get(), provider.get(), session.get(), List.of(), false);
                exchange.endsSession = endsSession;
                forward(ctx, exchange, method, null);
            }
        } catch (Failure failure) {
            refused(ctx, failure, null);
        }
    }

    /** One request through the gateway: who sent it, where it goes, what it answers. */
    private static final class Exchange {
        final GatewayCaller caller;
        final Provider provider;
        final GatewaySession session;
        final List<JsonNode> requestIds;
        final boolean initialize;
        final AtomicBoolean answered = new AtomicBoolean();
        boolean endsSession;
        String sentUpstreamSession;

        Exchange(GatewayCaller caller, Provider provider, GatewaySession session, List<JsonNode> requestIds,
                boolean initialize) {
            this.caller = caller;
            this.provider = provider;
            this.session = session;
            this.requestIds = requestIds;
            this.initialize = initialize;
        }
    }

    private void forward(RoutingContext ctx, Exchange exchange, HttpMethod method, Buffer body) {
        RequestOptions options;
        try {
            options = new RequestOptions().setMethod(method).setAbsoluteURI(exchange.provider.upstreamUrl());
        } catch (RuntimeException e) {
            upstreamFailed(ctx, exchange, false, "the provider's upstream_url cannot be used");
            return;
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String name : FORWARDED) {
            String value = ctx.request().getHeader(name);
            if (value != null) {
                headers.set(name, value);
            }
        }
        exchange.sentUpstreamSession = exchange.session.upstreamSessionId();
        if (exchange.sentUpstreamSession != null) {
            headers.set(SESSION_HEADER, exchange.sentUpstreamSession);
        }
        exchange.provider.upstreamHeaders().forEach(headers::set);
        options.setHeaders(headers);
        long started = System.nanoTime();
        upstream.request(options).onComplete(opened -> {
            if (opened.failed()) {
                upstreamFailed(ctx, exchange, false, "the upstream cannot be reached");
                return;
            }
            var request = opened.result();
            long timer = vertx.setTimer(config.upstream().readTimeout().toMillis(), t -> {
                if (!exchange.answered.get()) {
                    request.reset();
                    upstreamFailed(ctx, exchange, true, "the upstream did not answer in time");
                }
            });
            ctx.response().closeHandler(v -> request.reset());
            (body == null ? request.send() : request.send(body)).onComplete(sent -> {
                vertx.cancelTimer(timer);
                if (sent.failed()) {
                    upstreamFailed(ctx, exchange, false, "the upstream failed: " + sent.cause().getMessage());
                    return;
                }
                if (!exchange.answered.compareAndSet(false, true)) {
                    request.reset();
                    return;
                }
                Timer.builder("gateway.upstream.latency").tag("method", method.name()).register(registry)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                relay(ctx, exchange, sent.result());
            });
        });
    }

    private void relay(RoutingContext ctx, Exchange exchange, HttpClientResponse response) {
        HttpServerResponse out = ctx.response();
        GatewaySession session = exchange.session;
        out.setStatusCode(response.statusCode());
        for (Map.Entry<String, String> header : response.headers()) {
            if (!NOT_RELAYED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                out.headers().add(header.getKey(), header.getValue());
            }
        }
        if (exchange.initialize) {
            String upstreamSession = response.getHeader(SESSION_HEADER);
            if (response.statusCode() / 100 == 2) {
                session.upstreamSessionId(upstreamSession);
            } else {
                endSession(exchange);
            }
        }
        out.putHeader(SESSION_HEADER, session.id());
        if (exchange.endsSession || (response.statusCode() == 404 && exchange.sentUpstreamSession != null)) {
            endSession(exchange);
        }
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (mediaType.startsWith("text/event-stream")) {
            stream(exchange, response, out);
        } else if (mediaType.startsWith("application/json")) {
            response.body().onComplete(read -> {
                if (read.failed()) {
                    out.reset();
                    return;
                }
                Buffer answer = read.result();
                out.end(answer);
                recordAnswer(exchange, answer);
            });
        } else {
            response.body().onComplete(read -> {
                if (read.failed()) {
                    out.reset();
                } else {
                    out.end(read.result());
                }
            });
        }
    }

    /** Each chunk goes to the client as it comes; each whole event is recorded once. */
    private void stream(Exchange exchange, HttpClientResponse response, HttpServerResponse out) {
        out.setChunked(true);
        SseEvents events = new SseEvents(event -> recordEvent(exchange, event));
        response.handler(chunk -> {
            out.write(chunk);
            events.feed(chunk);
            if (out.writeQueueFull()) {
                response.pause();
                out.drainHandler(v -> response.resume());
            }
        });
        response.exceptionHandler(e -> {
            LOG.debugf("upstream stream of session %s broke: %s", exchange.session.id(), e.toString());
            events.end();
            out.reset();
        });
        response.endHandler(v -> {
            events.end();
            if (!out.ended() && !out.closed()) {
                out.end();
            }
        });
        out.write(Buffer.buffer());
    }

    private void recordAnswer(Exchange exchange, Buffer answer) {
        if (answer.length() == 0) {
            return;
        }
        try {
            JsonNode body = json.readTree(answer.getBytes());
            for (JsonNode message : JsonRpc.messages(body)) {
                record(exchange.session, exchange.caller, message, RecordedMessage.SERVER);
            }
        } catch (IOException e) {
            LOG.warnf("session %s: the upstream's JSON answer is not JSON; not recorded", exchange.session.id());
        }
    }

    private void recordEvent(Exchange exchange, SseEvent event) {
        if (event.data().isBlank()) {
            return;
        }
        // A replay after Last-Event-ID repeats an event's id and its data. The id alone is not
        // enough: the spec wants it unique across a session's streams, but servers number each
        // stream from the start (the Java SDK's does).
        if (event.id() != null && !event.id().isEmpty()
                && !exchange.session.firstSightOfEvent(event.id() + ":" + event.data().length() + ":" + event.data().hashCode())) {
            return;
        }
        try {
            JsonNode body = json.readTree(event.data());
            for (JsonNode message : JsonRpc.messages(body)) {
                record(exchange.session, exchange.caller, message, RecordedMessage.SERVER);
            }
        } catch (IOException e) {
            LOG.warnf("session %s: an SSE event of the upstream is not JSON; not recorded", exchange.session.id());
        }
    }

    private void record(GatewaySession session, GatewayCaller caller, JsonNode message, String sender) {
        if (!message.isObject()) {
            return;
        }
        LedgerSession ledgerSession = session.ledger();
        boolean client = RecordedMessage.CLIENT.equals(sender);
        long sequence = client ? session.nextClientSequence() : session.nextServerSequence();
        String participant = client ? ledgerSession.clientParticipantId() : ledgerSession.serverParticipantId();
        recorder.record(new RecordedMessage(session.id(), caller.authorization(), message, sender, participant,
                ledgerSession.serverSessionId(), ledgerSession.runId(), participant,
                session.id() + ":" + (client ? "c" : "s") + ":" + sequence));
    }

    /** The upstream could not be reached or did not answer in time: a JSON-RPC error per request, recorded. */
    private void upstreamFailed(RoutingContext ctx, Exchange exchange, boolean timedOut, String why) {
        if (!exchange.answered.compareAndSet(false, true)) {
            return;
        }
        LOG.warnf("provider %s, session %s: %s", exchange.provider.id(), exchange.session.id(), why);
        int status = timedOut ? 504 : 502;
        List<JsonNode> ids = exchange.requestIds;
        for (JsonNode id : ids) {
            record(exchange.session, exchange.caller, JsonRpc.error(json, id, JsonRpc.UPSTREAM_FAILED, why), RecordedMessage.SERVER);
        }
        if (exchange.initialize || exchange.endsSession) {
            endSession(exchange);
        }
        ctx.response().putHeader(SESSION_HEADER, exchange.session.id());
        answer(ctx, status, JsonRpc.error(json, ids.size() == 1 ? ids.get(0) : null, JsonRpc.UPSTREAM_FAILED, why));
    }

    private void endSession(Exchange exchange) {
        if (sessions.close(exchange.session)) {
            vertx.executeBlocking(() -> {
                ledger.end(exchange.caller, exchange.session.ledger());
                return null;
            }, false);
        }
    }

    private void endIdleSessions() {
        for (GatewaySession idle : sessions.takeIdle()) {
            LOG.infof("session %s idle longer than %s: ended", idle.id(), config.sessions().idleTimeout());
            ledger.end(idle.lastCaller(), idle.ledger());
        }
    }

    private Optional<GatewayCaller> authenticate(RoutingContext ctx) {
        Optional<GatewayCaller> caller = tokens.verify(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (caller.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            answer(ctx, 401, JsonRpc.error(json, null, JsonRpc.UNAUTHORIZED, "a valid bearer token of the ledger is required"));
        }
        return caller;
    }

    private Optional<Provider> provider(RoutingContext ctx, GatewayCaller caller, JsonNode id) {
        String providerId = ctx.pathParam("provider_id");
        Optional<Provider> provider = providers.find(caller, providerId);
        if (provider.isEmpty()) {
            answer(ctx, 404, JsonRpc.error(json, id, JsonRpc.NOT_FOUND, "no provider " + providerId));
        } else if (!Provider.BEST_EFFORT.equals(provider.get().recordingMode())) {
            // Serving an audit provider with best_effort recording would break its promise that
            // nothing passes unrecorded; until audit mode is built, it is not served at all.
            answer(ctx, 501, JsonRpc.error(json, id, JsonRpc.UNAVAILABLE,
                    "recording mode " + provider.get().recordingMode() + " (audit) is not served by this gateway yet"));
            return Optional.empty();
        }
        return provider;
    }

    /** The session the request names; 400 without one, 404 for one this gateway does not serve for the caller. */
    private Optional<GatewaySession> session(RoutingContext ctx, GatewayCaller caller, JsonNode id) {
        String sessionId = ctx.request().getHeader(SESSION_HEADER);
        if (sessionId == null || sessionId.isBlank()) {
            answer(ctx, 400, JsonRpc.error(json, id, JsonRpc.INVALID_REQUEST, "Mcp-Session-Id is required after initialize"));
            return Optional.empty();
        }
        Optional<GatewaySession> session = sessions.find(sessionId, caller, ctx.pathParam("provider_id"));
        if (session.isEmpty()) {
            answer(ctx, 404, JsonRpc.error(json, id, JsonRpc.NOT_FOUND, "no session " + sessionId + "; initialize again"));
        }
        return session;
    }

    /** Whether an Accept header admits a media type (a wildcard does; no header admits nothing, as the transport requires it). */
    private static boolean accepts(String accept, String type) {
        if (accept == null) {
            return false;
        }
        String family = type.substring(0, type.indexOf('/')) + "/*";
        for (String range : accept.split(",")) {
            String media = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (media.equals(type) || media.equals(family) || media.equals("*/*")) {
                return true;
            }
        }
        return false;
    }

    private void refused(RoutingContext ctx, Failure failure, JsonNode id) {
        if (failure.kind() == Failure.Kind.UNAVAILABLE) {
            ctx.response().putHeader("Retry-After", String.valueOf(failure.retryAfterSeconds()));
            answer(ctx, 503, JsonRpc.error(json, id, JsonRpc.UNAVAILABLE, failure.getMessage()));
        } else if (failure.kind() == Failure.Kind.INVALID_INPUT || failure.kind() == Failure.Kind.MALFORMED) {
            String message = failure.errors().isEmpty() ? failure.getMessage()
                    : failure.errors().get(0).field() + " " + failure.errors().get(0).message();
            answer(ctx, 400, JsonRpc.error(json, id, JsonRpc.INVALID_PARAMS, message));
        } else {
            LOG.warnf("gateway request refused: %s %s", failure.kind(), failure.getMessage());
            answer(ctx, 502, JsonRpc.error(json, id, JsonRpc.INTERNAL_ERROR, "the ledger cannot serve this request"));
        }
    }

    private void answer(RoutingContext ctx, int status, JsonNode body) {
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

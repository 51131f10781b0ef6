package dev.sessionledger.gateway.proxy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.peers.PeerFailures;
import dev.sessionledger.gateway.config.GatewayConfig;
import dev.sessionledger.gateway.recording.RecordedMessage;
import dev.sessionledger.gateway.session.GatewaySession;
import dev.sessionledger.gateway.session.GatewaySessions;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;

/**
 * Sends a request on to the provider's upstream and relays its answer to the client as its bytes
 * arrive, on the event loop: an SSE stream event by event, with back-pressure (the upstream is
 * paused while the client's socket is full). Each message of the answer is recorded: queued as it
 * passes (best_effort), or recorded before it is relayed (audit: a JSON answer or SSE event that
 * cannot be recorded is not relayed; the client gets 503, or, once a stream has begun, the stream
 * ends and the client resumes it with {@code Last-Event-ID}).
 */
@ApplicationScoped
class UpstreamRelay {

    private static final Logger LOG = Logger.getLogger(UpstreamRelay.class);
    static final String SESSION_HEADER = "Mcp-Session-Id";
    /** What a client sends that the upstream must see (the transport's own headers); nothing else goes, least of all Authorization. */
    private static final List<String> FORWARDED = List.of("Accept", "Content-Type", "MCP-Protocol-Version", "Last-Event-ID");
    /**
     * What of the upstream's answer is the connection's, not the message's, or is replaced by the
     * gateway, or speaks for the upstream's origin rather than the ledger's (cookies, CORS, what it runs on).
     */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "transfer-encoding", "content-length",
            "upgrade", "proxy-connection", "te", "trailer", "mcp-session-id", "set-cookie", "server", "x-powered-by",
            "strict-transport-security", "alt-svc");

    @Inject
    GatewayConfig config;

    @Inject
    GatewaySessions sessions;

    @Inject
    Traffic traffic;

    @Inject
    Answers answers;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    private HttpClient upstream;
    /** The upstream latency timer of each method the route serves, made once. */
    private Map<HttpMethod, Timer> latency;

    void start(@Observes StartupEvent event) {
        upstream = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.upstream().connectTimeout().toMillis())
                .setMaxPoolSize(200)
                .setKeepAlive(true));
        Map<HttpMethod, Timer> timers = new HashMap<>();
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.GET, HttpMethod.DELETE)) {
            timers.put(method, Timer.builder("gateway.upstream.latency").tag("method", method.name()).register(registry));
        }
        latency = Map.copyOf(timers);
    }

    void forward(Exchange exchange, Buffer body) {
        RequestOptions options;
        try {
            options = new RequestOptions().setMethod(exchange.method).setAbsoluteURI(exchange.provider.upstreamUrl());
        } catch (RuntimeException e) {
            failed(exchange, false, "the provider's upstream_url cannot be used");
            return;
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String name : FORWARDED) {
            String value = exchange.ctx.request().getHeader(name);
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
                failed(exchange, false, "the upstream cannot be reached");
                return;
            }
            HttpClientRequest request = opened.result();
            long timer = vertx.setTimer(config.upstream().readTimeout().toMillis(), t -> {
                if (!exchange.answered.get()) {
                    request.reset();
                    failed(exchange, true, "the upstream did not answer in time");
                }
            });
            exchange.ctx.response().closeHandler(v -> request.reset());
            (body == null ? request.send() : request.send(body)).onComplete(sent -> {
                vertx.cancelTimer(timer);
                if (sent.failed()) {
                    failed(exchange, false, "the upstream failed: " + sent.cause().getMessage());
                    return;
                }
                if (!exchange.answered.compareAndSet(false, true)) {
                    request.reset();
                    return;
                }
                latency.get(exchange.method).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                HttpClientResponse response = sent.result();
                if (exchange.initialize && response.statusCode() / 100 == 2) {
                    keepUpstreamSession(exchange, response);
                } else {
                    relay(exchange, response);
                }
            });
        });
    }

    /**
     * The upstream took initialize: its session id is stored in sessions-service before the client
     * hears of the session, so that the client's next request finds it on any replica.
     */
    private void keepUpstreamSession(Exchange exchange, HttpClientResponse response) {
        String upstreamSession = response.getHeader(SESSION_HEADER);
        if (upstreamSession == null) {
            relay(exchange, response);
            return;
        }
        response.pause();
        vertx.executeBlocking(() -> {
            sessions.upstreamOpened(exchange.session, exchange.caller, upstreamSession);
            return null;
        }, false).onComplete(kept -> {
            if (kept.succeeded()) {
                relay(exchange, response);
                response.resume();
                return;
            }
            response.request().reset();
            sessions.end(exchange.session, exchange.caller);
            Failure failure = kept.cause() instanceof Failure f ? f
                    : Failure.unavailable("The session cannot be recorded right now", PeerFailures.RETRY_AFTER_SECONDS);
            answers.refused(exchange.ctx, failure, exchange.singleId());
        });
    }

    private void relay(Exchange exchange, HttpClientResponse response) {
        HttpServerResponse out = exchange.ctx.response();
        GatewaySession session = exchange.session;
        out.setStatusCode(response.statusCode());
        for (Map.Entry<String, String> header : response.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_RELAYED.contains(name) && !name.startsWith("access-control-")) {
                out.headers().add(header.getKey(), header.getValue());
            }
        }
        out.putHeader(SESSION_HEADER, session.id());
        boolean ok = response.statusCode() / 100 == 2;
        if ((exchange.initialize && !ok) || (response.statusCode() == 404 && exchange.sentUpstreamSession != null)
                || (exchange.method == HttpMethod.DELETE && ok)) {
            sessions.end(session, exchange.caller);
        }
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (mediaType.startsWith("text/event-stream")) {
            if (exchange.audited()) {
                streamRecordedFirst(exchange, response, out);
            } else {
                stream(exchange, response, out);
            }
        } else if (mediaType.startsWith("application/json")) {
            response.body().onComplete(read -> {
                if (read.failed()) {
                    out.reset();
                    return;
                }
                Buffer answer = read.result();
                List<RecordedMessage> records = traffic.fromServer(session, exchange.caller, answer);
                if (!exchange.audited()) {
                    out.end(answer);
                    traffic.queue(records);
                    return;
                }
                recordNow(records).onComplete(recorded -> {
                    if (recorded.succeeded()) {
                        out.end(answer);
                    } else {
                        notRecorded(exchange, recorded.cause());
                    }
                });
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

    /** best_effort: each chunk goes to the client as it comes; each whole event is recorded once. */
    private void stream(Exchange exchange, HttpClientResponse response, HttpServerResponse out) {
        out.setChunked(true);
        SseEvents events = SseEvents.observing(event -> traffic.queue(fromEvent(exchange, event)));
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

    /**
     * audit: the events a chunk completes are recorded, in one batch, before their bytes go to the
     * client; the upstream is paused meanwhile. The answer's head goes with the first event, so
     * that an event that cannot be recorded before any has been relayed is still a 503.
     */
    private void streamRecordedFirst(Exchange exchange, HttpClientResponse response, HttpServerResponse out) {
        out.setChunked(true);
        List<SseEvent> complete = new ArrayList<>();
        SseEvents events = SseEvents.keepingBytes(complete::add);
        response.handler(chunk -> {
            try {
                events.feed(chunk);
            } catch (IllegalStateException e) {
                LOG.warnf("session %s: %s; stream ended", exchange.session.id(), e.getMessage());
                response.request().reset();
                out.reset();
                return;
            }
            if (complete.isEmpty()) {
                return;
            }
            List<SseEvent> batch = List.copyOf(complete);
            complete.clear();
            List<RecordedMessage> records = new ArrayList<>();
            batch.forEach(event -> records.addAll(fromEvent(exchange, event)));
            response.pause();
            recordNow(records).onComplete(recorded -> {
                if (recorded.failed()) {
                    response.request().reset();
                    if (out.headWritten()) {
                        out.reset();
                    } else {
                        notRecorded(exchange, recorded.cause());
                    }
                    return;
                }
                batch.forEach(event -> out.write(event.bytes()));
                if (out.writeQueueFull()) {
                    out.drainHandler(v -> response.resume());
                } else {
                    response.resume();
                }
            });
        });
        response.exceptionHandler(e -> {
            LOG.debugf("upstream stream of session %s broke: %s", exchange.session.id(), e.toString());
            events.end();
            out.reset();
        });
        response.endHandler(v -> {
            Buffer rest = events.end();
            if (!out.ended() && !out.closed()) {
                out.end(rest);
            }
        });
    }

    /** The server messages of an event; none for a replay after Last-Event-ID ({@link Traffic} knows it). */
    private List<RecordedMessage> fromEvent(Exchange exchange, SseEvent event) {
        if (event.data() == null || event.data().isBlank()) {
            return List.of();
        }
        return traffic.fromServer(exchange.session, exchange.caller, event.data(), event.id());
    }

    private Future<Void> recordNow(List<RecordedMessage> records) {
        if (records.isEmpty()) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            traffic.recordNow(records);
            return null;
        }, true);
    }

    private void notRecorded(Exchange exchange, Throwable cause) {
        Failure failure = cause instanceof Failure f ? f
                : Failure.unavailable("The answer cannot be recorded right now, so it was not passed on",
                        PeerFailures.RETRY_AFTER_SECONDS);
        answers.refused(exchange.ctx, failure, exchange.singleId());
    }

    /** The upstream could not be reached or did not answer in time: a JSON-RPC error per request, recorded. */
    void failed(Exchange exchange, boolean timedOut, String why) {
        if (!exchange.answered.compareAndSet(false, true)) {
            return;
        }
        LOG.warnf("provider %s, session %s: %s", exchange.provider.id(), exchange.session.id(), why);
        List<RecordedMessage> errors = new ArrayList<>();
        for (JsonNode id : exchange.requestIds) {
            errors.add(traffic.fromGateway(exchange.session, exchange.caller,
                    answers.error(id, JsonRpc.UPSTREAM_FAILED, why)));
        }
        traffic.queue(errors);
        if (exchange.initialize || exchange.method == HttpMethod.DELETE) {
            sessions.end(exchange.session, exchange.caller);
        }
        exchange.ctx.response().putHeader(SESSION_HEADER, exchange.session.id());
        answers.error(exchange.ctx, timedOut ? 504 : 502, exchange.singleId(), JsonRpc.UPSTREAM_FAILED, why);
    }
}

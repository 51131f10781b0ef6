package dev.sessionledger.gateway.proxy;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import dev.sessionledger.gateway.providers.Provider;
import dev.sessionledger.gateway.providers.ProviderDirectory;
import dev.sessionledger.gateway.recording.RecordedMessage;
import dev.sessionledger.gateway.session.GatewaySession;
import dev.sessionledger.gateway.session.GatewaySessions;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code /mcp/{provider_id}}: MCP's Streamable HTTP transport passed through to the provider's
 * upstream server, with every JSON-RPC message recorded on the way.
 *
 * <p>A plain Vert.x route rather than a JAX-RS resource: {@link UpstreamRelay} relays the upstream's
 * answer with the Vert.x HTTP client as its bytes arrive, with no JAX-RS layer that would buffer a
 * body or re-frame SSE events. A request of a session this replica serves, with a token and a
 * provider it knows, passes on the event loop; what must block (verifying a new token, asking
 * sessions-service, recording before forwarding in audit mode) runs on a worker thread before the
 * upstream call. Every refusal comes before anything reaches the upstream, and records nothing.
 */
@ApplicationScoped
public class McpRoute {

    private static final Logger LOG = Logger.getLogger(McpRoute.class);
    private static final String PATH = "/mcp/:provider_id";

    @Inject
    BearerTokens tokens;

    @Inject
    ProviderDirectory providers;

    @Inject
    GatewaySessions sessions;

    @Inject
    Traffic traffic;

    @Inject
    UpstreamRelay relay;

    @Inject
    Answers answers;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "sessionledger.http.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, PATH)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()))
                .failureHandler(this::bodyRefused)
                .handler(this::post);
        router.route(HttpMethod.GET, PATH).blockingHandler(this::get, false);
        router.route(HttpMethod.DELETE, PATH).blockingHandler(this::delete, false);
        registry.gauge("gateway.sessions.open", sessions, GatewaySessions::open);
    }

    /** A POST as read: who sent it, its body, the ids of its requests, and whether it opens a session. */
    private record Post(GatewayCaller caller, JsonNode body, List<JsonNode> ids, boolean initialize) {

        JsonNode singleId() {
            return JsonRpc.singleId(ids);
        }
    }

    /**
     * On the event loop: a request of a session this replica serves, with a token and provider it
     * knows, in best_effort mode, is passed on at once; anything that needs to ask sessions-service,
     * verify a token or record before forwarding continues on a worker thread.
     */
    private void post(RoutingContext ctx) {
        Optional<GatewayCaller> known = tokens.known(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (known.isEmpty()) {
            onWorker(ctx, () -> authenticate(ctx).flatMap(caller -> read(ctx, caller)).ifPresent(post -> pass(ctx, post)));
            return;
        }
        Optional<Post> read = read(ctx, known.get());
        if (read.isEmpty()) {
            return;
        }
        Post post = read.get();
        if (!post.initialize()) {
            String providerId = ctx.pathParam("provider_id");
            Optional<Provider> provider = providers.known(post.caller(), providerId);
            Optional<GatewaySession> session = provider.isEmpty() ? Optional.empty()
                    : sessions.known(ctx.request().getHeader(UpstreamRelay.SESSION_HEADER), post.caller(), providerId);
            if (session.isPresent() && !session.get().ledger().audited()) {
                traffic.queue(traffic.fromClient(session.get(), post.caller(), post.body()));
                relay.forward(new Exchange(ctx, HttpMethod.POST, post.caller(), provider.get(), session.get(), post.ids(),
                        false), ctx.body().buffer());
                return;
            }
        }
        onWorker(ctx, () -> pass(ctx, post));
    }

    /** The body checked as the transport requires; empty when it was refused (and answered). */
    private Optional<Post> read(RoutingContext ctx, GatewayCaller caller) {
        if (!isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            answers.error(ctx, 415, null, JsonRpc.INVALID_REQUEST, "Content-Type must be application/json");
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = ctx.body().buffer() == null ? null : json.readTree(ctx.body().buffer().getBytes());
        } catch (JsonProcessingException e) {
            answers.error(ctx, 400, null, JsonRpc.PARSE_ERROR, "the body is not JSON");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            answers.error(ctx, 400, null, JsonRpc.PARSE_ERROR, "the body cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        String fault = JsonRpc.fault(body);
        if (fault != null) {
            answers.error(ctx, 400, null, JsonRpc.INVALID_REQUEST, fault);
            return Optional.empty();
        }
        List<JsonNode> ids = JsonRpc.requestIds(body);
        JsonNode id = JsonRpc.singleId(ids);
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (!accepts(accept, "application/json") || !accepts(accept, "text/event-stream")) {
            answers.error(ctx, 406, id, JsonRpc.INVALID_REQUEST, "Accept must list both application/json and text/event-stream");
            return Optional.empty();
        }
        boolean initialize = ctx.request().getHeader(UpstreamRelay.SESSION_HEADER) == null && JsonRpc.isInitialize(body);
        if (initialize && body.path("params").path("clientInfo").path("name").asText("").isBlank()) {
            answers.error(ctx, 400, id, JsonRpc.INVALID_PARAMS, "initialize needs params.clientInfo.name");
            return Optional.empty();
        }
        return Optional.of(new Post(caller, body, ids, initialize));
    }

    /** On a worker thread: the provider and session looked up (or the session opened), the client's messages recorded, the request forwarded. */
    private void pass(RoutingContext ctx, Post post) {
        GatewayCaller caller = post.caller();
        GatewaySession session = null;
        try {
            Optional<Provider> provider = provider(ctx, caller, post.singleId());
            if (provider.isEmpty()) {
                return;
            }
            if (post.initialize()) {
                session = sessions.open(caller, provider.get(), post.body());
            } else {
                Optional<GatewaySession> found = session(ctx, caller, post.singleId());
                if (found.isEmpty()) {
                    return;
                }
                session = found.get();
            }
            List<RecordedMessage> records = traffic.fromClient(session, caller, post.body());
            if (session.ledger().audited()) {
                traffic.recordNow(records);
            } else {
                traffic.queue(records);
            }
            relay.forward(new Exchange(ctx, HttpMethod.POST, caller, provider.get(), session, post.ids(), post.initialize()),
                    ctx.body().buffer());
        } catch (Failure failure) {
            if (post.initialize() && session != null) {
                // Opened, but its initialize could not be recorded (audit): nothing reached the upstream.
                sessions.end(session, caller);
            }
            answers.refused(ctx, failure, post.singleId());
        }
    }

    /** Runs what may block on a worker thread; what escapes it is answered, never left hanging. */
    private void onWorker(RoutingContext ctx, Runnable work) {
        ctx.vertx().executeBlocking(() -> {
            work.run();
            return null;
        }, false).onFailure(e -> {
            LOG.errorf(e, "MCP request failed");
            answers.error(ctx, 502, null, JsonRpc.INTERNAL_ERROR, "the gateway cannot serve this request");
        });
    }

    /** The GET stream: the client must take SSE. */
    private void get(RoutingContext ctx) {
        if (authenticate(ctx).isEmpty()) {
            return;
        }
        if (!accepts(ctx.request().getHeader(HttpHeaders.ACCEPT), "text/event-stream")) {
            answers.error(ctx, 406, null, JsonRpc.INVALID_REQUEST, "Accept must list text/event-stream");
            return;
        }
        withinSession(ctx, HttpMethod.GET);
    }

    private void delete(RoutingContext ctx) {
        if (authenticate(ctx).isPresent()) {
            withinSession(ctx, HttpMethod.DELETE);
        }
    }

    /** A bodiless request of an open session: the GET stream, or the DELETE that ends it. */
    private void withinSession(RoutingContext ctx, HttpMethod method) {
        GatewayCaller caller = ctx.get(GatewayCaller.class.getName());
        try {
            Optional<Provider> provider = provider(ctx, caller, null);
            if (provider.isEmpty()) {
                return;
            }
            Optional<GatewaySession> session = session(ctx, caller, null);
            if (session.isPresent()) {
                relay.forward(new Exchange(ctx, method, caller, provider.get(), session.get(), List.of(), false), null);
            }
        } catch (Failure failure) {
            answers.refused(ctx, failure, null);
        }
    }

    /** A body over the limit, or a body that cannot be read: the transport's answer, before anything else. */
    private void bodyRefused(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            answers.error(ctx, 413, null, JsonRpc.INVALID_REQUEST, "the body is larger than " + maxBodySize.asLongValue() + " bytes");
        } else if (ctx.statusCode() == 400) {
            answers.error(ctx, 400, null, JsonRpc.PARSE_ERROR, "the body cannot be read");
        } else {
            ctx.next();
        }
    }

    private Optional<GatewayCaller> authenticate(RoutingContext ctx) {
        Optional<GatewayCaller> caller = tokens.verify(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (caller.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            answers.error(ctx, 401, null, JsonRpc.UNAUTHORIZED, "a valid bearer token of the ledger is required");
        } else {
            ctx.put(GatewayCaller.class.getName(), caller.get());
        }
        return caller;
    }

    private Optional<Provider> provider(RoutingContext ctx, GatewayCaller caller, JsonNode id) {
        String providerId = ctx.pathParam("provider_id");
        Optional<Provider> provider = providers.find(caller, providerId);
        if (provider.isEmpty()) {
            answers.error(ctx, 404, id, JsonRpc.NOT_FOUND, "no provider " + providerId);
        }
        return provider;
    }

    /** The session the request names; 400 without one, 404 for one the caller's tenant does not have open for this provider. */
    private Optional<GatewaySession> session(RoutingContext ctx, GatewayCaller caller, JsonNode id) {
        String sessionId = ctx.request().getHeader(UpstreamRelay.SESSION_HEADER);
        if (sessionId == null || sessionId.isBlank()) {
            answers.error(ctx, 400, id, JsonRpc.INVALID_REQUEST, "Mcp-Session-Id is required after initialize");
            return Optional.empty();
        }
        Optional<GatewaySession> session = sessions.find(sessionId, caller, ctx.pathParam("provider_id"));
        if (session.isEmpty()) {
            answers.error(ctx, 404, id, JsonRpc.NOT_FOUND, "no session " + sessionId + "; initialize again");
        }
        return session;
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals("application/json");
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
}

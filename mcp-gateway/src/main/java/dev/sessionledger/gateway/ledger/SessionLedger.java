package dev.sessionledger.gateway.ledger;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.peers.PeerFailures;
import dev.sessionledger.gateway.caller.GatewayCaller;
import dev.sessionledger.gateway.config.GatewayConfig;
import dev.sessionledger.gateway.providers.Provider;

/**
 * A session's life in sessions-service: opened on {@code initialize} (the session, the client's
 * connection and participant, the server session and the provider's participant, a run, in one
 * call and one transaction there), read by any replica that is asked to serve it, touched as
 * traffic passes, ended. The caller's own token goes with each call, so sessions-service applies
 * its tenant.
 */
@ApplicationScoped
public class SessionLedger {

    private static final Logger LOG = Logger.getLogger(SessionLedger.class);
    private static final String PEER = "sessions-service";

    @Inject
    @RestClient
    LedgerRestClient client;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    /** @param initialize the client's {@code initialize} request, as it sent it */
    public LedgerSession open(GatewayCaller caller, Provider provider, JsonNode initialize) {
        ObjectNode body = json.createObjectNode();
        body.put("provider_id", provider.id());
        body.put("idle_timeout_seconds", Math.max(1, config.sessions().idleTimeout().toSeconds()));
        ObjectNode init = body.putObject("initialize");
        init.put("method", "initialize");
        ObjectNode params = init.putObject("params");
        JsonNode given = initialize.path("params");
        if (given.hasNonNull("protocolVersion")) {
            params.set("protocolVersion", given.get("protocolVersion"));
        }
        params.set("clientInfo", given.path("clientInfo"));
        return PeerFailures.call(PEER, "The session cannot be recorded",
                () -> session(client.open(caller.authorization(), body), "session").orElseThrow(
                        () -> Failure.notFound("provider", provider.id())));
    }

    /** The session, when sessions-service has it for the caller's tenant. */
    public Optional<LedgerSession> find(GatewayCaller caller, String sessionId) {
        return PeerFailures.call(PEER, "The session cannot be looked up",
                () -> session(client.get(caller.authorization(), sessionId), "session"));
    }

    /**
     * Traffic passed; the upstream's session id is kept when given. The answer says whether the
     * session is still open (it may have been ended elsewhere); empty when it is gone.
     */
    public Optional<LedgerSession> touch(GatewayCaller caller, String sessionId, String upstreamSessionId) {
        ObjectNode body = json.createObjectNode();
        if (upstreamSessionId != null) {
            body.put("upstream_session_id", upstreamSessionId);
        }
        return PeerFailures.call(PEER, "The session cannot be recorded",
                () -> session(client.touch(caller.authorization(), sessionId, body), "upstream session"));
    }

    /** Disconnects the client and ends the session; a session already ended stays so. Never throws. */
    public void end(GatewayCaller caller, String sessionId) {
        try {
            PeerFailures.call(PEER, "The session's end cannot be recorded",
                    () -> session(client.end(caller.authorization(), sessionId), "session"));
        } catch (Failure e) {
            // sessions-service ends it when its idle timeout passes.
            LOG.warnf("session %s could not be ended in sessions-service now: %s", sessionId, e.getMessage());
        }
    }

    /** A session answer: the session, empty for a 404, a refusal for another 4xx, a failure otherwise. */
    private static Optional<LedgerSession> session(Response response, String what) {
        try (response) {
            int status = response.getStatus();
            if (status == 200 || status == 201) {
                JsonNode s = response.readEntity(JsonNode.class);
                return Optional.of(new LedgerSession(s.path("session_id").asText(), s.path("provider_id").asText(),
                        s.path("connection_id").asText(), s.path("client_participant_id").asText(),
                        s.path("server_session_id").asText(), s.path("server_participant_id").asText(),
                        s.path("provider_run_id").asText(), s.path("recording_mode").asText(),
                        s.path("upstream_session_id").isTextual() ? s.path("upstream_session_id").asText() : null,
                        "active".equals(s.path("status").asText())));
            }
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 401) {
                // The token expired between the gateway's check and this call.
                throw Failure.of(Failure.Kind.UNAUTHENTICATED, "the bearer token is no longer valid");
            }
            if (status >= 400 && status < 500) {
                JsonNode error = response.hasEntity() ? response.readEntity(JsonNode.class) : null;
                String message = error == null ? "refused" : error.path("message").asText("refused");
                throw Failure.invalid(what, message);
            }
            throw new IllegalStateException("sessions-service answered " + status + " for the " + what);
        }
    }
}

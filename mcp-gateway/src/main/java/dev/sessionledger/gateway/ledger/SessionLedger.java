package dev.sessionledger.gateway.ledger;

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
import dev.sessionledger.gateway.providers.Provider;

/**
 * Writes an MCP session's life into sessions-service: on {@code initialize} the session, the client's
 * connection (its participant), the server session (the provider's participant) and a run; at the end,
 * the connection's disconnect and the session's end. The caller's own token goes with each call, so
 * sessions-service applies its tenant.
 */
@ApplicationScoped
public class SessionLedger {

    private static final Logger LOG = Logger.getLogger(SessionLedger.class);
    private static final String PEER = "sessions-service";

    @Inject
    @RestClient
    LedgerRestClient client;

    @Inject
    ObjectMapper json;

    /** @param initialize the client's {@code initialize} request, as it sent it */
    public LedgerSession open(GatewayCaller caller, Provider provider, JsonNode initialize) {
        return PeerFailures.call(PEER, "The session cannot be recorded", () -> {
            String auth = caller.authorization();
            ObjectNode metadata = json.createObjectNode();
            metadata.putObject("metadata").put("gateway_provider_id", provider.id());
            String session = id(client.createSession(auth, metadata), "session");
            try {
                return parts(auth, provider, initialize, session);
            } catch (RuntimeException e) {
                // Half a session (one without its connection or run) must not stay open.
                closeQuietly(auth, session);
                throw e;
            }
        });
    }

    /** The connection, server session and run of a session just created. */
    private LedgerSession parts(String auth, Provider provider, JsonNode initialize, String session) {
        ObjectNode connection = json.createObjectNode();
        connection.put("transport", "streamable_http");
        ObjectNode init = connection.putObject("initialize");
        init.put("method", "initialize");
        ObjectNode params = init.putObject("params");
        JsonNode given = initialize.path("params");
        if (given.hasNonNull("protocolVersion")) {
            params.set("protocolVersion", given.get("protocolVersion"));
        }
        params.set("clientInfo", given.path("clientInfo"));
        JsonNode connected = body(client.connect(auth, session, connection), "connection");

        ObjectNode attach = json.createObjectNode();
        attach.put("provider_id", provider.id());
        JsonNode attached = body(client.attachProvider(auth, session, attach), "server session");
        String serverSession = attached.path("id").asText();
        String run = id(client.startRun(auth, session, serverSession), "run");
        return new LedgerSession(session, connected.path("id").asText(), connected.path("participant_id").asText(),
                serverSession, attached.path("participant_id").asText(), run);
    }

    private void closeQuietly(String auth, String session) {
        try {
            close(client.end(auth, session));
        } catch (RuntimeException e) {
            LOG.warnf("session %s, opened without its connection, could not be ended: %s", session, e.toString());
        }
    }

    /** Disconnects the client and ends the session; a session already ended stays so. */
    public void end(GatewayCaller caller, LedgerSession session) {
        try {
            PeerFailures.call(PEER, "The session's end cannot be recorded", () -> {
                close(client.disconnect(caller.authorization(), session.sessionId(), session.connectionId()));
                close(client.end(caller.authorization(), session.sessionId()));
                return null;
            });
        } catch (Failure e) {
            LOG.warnf("session %s could not be ended in sessions-service: %s", session.sessionId(), e.getMessage());
        }
    }

    private static void close(Response response) {
        try (response) {
            if (response.getStatus() >= 500) {
                throw new IllegalStateException("sessions-service answered " + response.getStatus());
            }
        }
    }

    private static String id(Response response, String what) {
        return body(response, what).path("id").asText();
    }

    private static JsonNode body(Response response, String what) {
        try (response) {
            int status = response.getStatus();
            if (status == 200 || status == 201) {
                return response.readEntity(JsonNode.class);
            }
            if (status >= 400 && status < 500) {
                JsonNode error = response.hasEntity() ? response.readEntity(JsonNode.class) : null;
                String message = error == null ? "refused" : error.path("message").asText("refused");
                throw Failure.invalid(what, message);
            }
            throw new IllegalStateException("sessions-service answered " + status + " creating the " + what);
        }
    }
}

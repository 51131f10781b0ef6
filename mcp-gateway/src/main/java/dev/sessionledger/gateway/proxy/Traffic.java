package dev.sessionledger.gateway.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.auth.Sha256;
import dev.sessionledger.gateway.caller.GatewayCaller;
import dev.sessionledger.gateway.ledger.LedgerSession;
import dev.sessionledger.gateway.recording.MessageRecorder;
import dev.sessionledger.gateway.recording.RecordedMessage;
import dev.sessionledger.gateway.session.GatewaySession;

import io.vertx.core.buffer.Buffer;

/**
 * The messages passing through, as records: with the session's server session, run and the
 * sending participant, and an idempotency key that makes a retried batch store nothing twice: the
 * session, the direction, this replica and the message's sequence here; for a server message that
 * came in an SSE event with an id, the event itself (its id and a digest of its data), so an event
 * replayed after {@code Last-Event-ID}, through this replica or another, is stored once.
 */
@ApplicationScoped
class Traffic {

    private static final Logger LOG = Logger.getLogger(Traffic.class);

    /** This process among the gateway's replicas: sequences are counted per replica. */
    private final String replica = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    MessageRecorder recorder;

    @Inject
    ObjectMapper json;

    /** The client's messages of a request body. */
    List<RecordedMessage> fromClient(GatewaySession session, GatewayCaller caller, JsonNode body) {
        List<RecordedMessage> records = new ArrayList<>();
        for (JsonNode message : JsonRpc.messages(body)) {
            if (message.isObject()) {
                records.add(record(session, caller, message, RecordedMessage.CLIENT,
                        session.id() + ":c:" + replica + ":" + session.nextClientSequence()));
            }
        }
        return records;
    }

    /**
     * The server's messages of a JSON answer or an SSE event's data; none when it is not JSON
     * (logged), and none for an event this session recorded before (a replay after
     * {@code Last-Event-ID}). An event is known by its id and a digest of its data: the id alone is
     * not enough, since the spec wants it unique across a session's streams but servers number each
     * stream from the start (the Java SDK's does).
     */
    List<RecordedMessage> fromServer(GatewaySession session, GatewayCaller caller, String text, String eventId) {
        String event = eventId == null || eventId.isEmpty() ? null : session.id() + ":s:e:" + digest(eventId, text);
        if (event != null && !session.firstSightOfEvent(event)) {
            return List.of();
        }
        JsonNode body;
        try {
            body = json.readTree(text);
        } catch (IOException e) {
            LOG.warnf("session %s: a message of the upstream is not JSON; not recorded", session.id());
            return List.of();
        }
        List<RecordedMessage> records = new ArrayList<>();
        int index = 0;
        for (JsonNode message : JsonRpc.messages(body)) {
            if (message.isObject()) {
                String key = event != null ? event + ":" + index++
                        : session.id() + ":s:" + replica + ":" + session.nextServerSequence();
                records.add(record(session, caller, message, RecordedMessage.SERVER, key));
            }
        }
        return records;
    }

    List<RecordedMessage> fromServer(GatewaySession session, GatewayCaller caller, Buffer answer) {
        return answer.length() == 0 ? List.of() : fromServer(session, caller, answer.toString(StandardCharsets.UTF_8), null);
    }

    /** A message the gateway itself answers for the upstream (it failed or did not answer). */
    RecordedMessage fromGateway(GatewaySession session, GatewayCaller caller, JsonNode error) {
        return record(session, caller, error, RecordedMessage.SERVER,
                session.id() + ":s:" + replica + ":" + session.nextServerSequence());
    }

    /** Queues messages to be recorded (best_effort); never blocks. */
    void queue(List<RecordedMessage> records) {
        records.forEach(recorder::record);
    }

    /** Records messages durably before returning (audit); a {@code Failure} (unavailable) when they cannot be. Blocks. */
    void recordNow(List<RecordedMessage> records) {
        recorder.recordNow(records);
    }

    private static RecordedMessage record(GatewaySession session, GatewayCaller caller, JsonNode message, String sender,
            String key) {
        LedgerSession ledger = session.ledger();
        String participant = RecordedMessage.CLIENT.equals(sender) ? ledger.clientParticipantId() : ledger.serverParticipantId();
        return new RecordedMessage(session.id(), caller.authorization(), message, sender, participant,
                ledger.serverSessionId(), ledger.runId(), participant, key, System.nanoTime());
    }

    private static String digest(String eventId, String data) {
        return HexFormat.of().formatHex(Sha256.of(eventId, "\n", data), 0, 16);
    }
}

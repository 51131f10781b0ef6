package dev.sessionledger.sessions.gateway;

import static dev.sessionledger.commons.ids.IdPrefix.CONNECTION;
import static dev.sessionledger.commons.ids.IdPrefix.PARTICIPANT;
import static dev.sessionledger.commons.ids.IdPrefix.PROVIDER;
import static dev.sessionledger.commons.ids.IdPrefix.PROVIDER_RUN;
import static dev.sessionledger.commons.ids.IdPrefix.SESSION;
import static dev.sessionledger.commons.ids.IdPrefix.SESSION_PROVIDER;

import java.time.Instant;

/**
 * What the gateway keeps of a session it serves: everything its messages are recorded under, the
 * upstream's session id, and whether it is still open ({@code active}) or {@code ended}.
 */
public record GatewaySessionView(String object, String sessionId, String status, String providerId,
        String connectionId, String clientParticipantId, String serverSessionId, String serverParticipantId,
        String providerRunId, String recordingMode, String upstreamSessionId, int idleTimeoutSeconds,
        Instant idleDeadline, Instant createdAt, Instant endedAt) {

    static GatewaySessionView of(GatewaySession s) {
        return new GatewaySessionView("gateway_session", SESSION.format(s.sessionId), s.ended() ? "ended" : "active",
                PROVIDER.format(s.providerId), CONNECTION.format(s.connectionId), PARTICIPANT.format(s.clientParticipantId),
                SESSION_PROVIDER.format(s.serverSessionId), PARTICIPANT.format(s.serverParticipantId),
                PROVIDER_RUN.format(s.providerRunId), s.recordingMode, s.upstreamSessionId, s.idleTimeoutSeconds,
                s.idleDeadline, s.createdAt, s.endedAt);
    }
}

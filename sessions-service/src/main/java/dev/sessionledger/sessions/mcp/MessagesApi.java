package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * messages-service's internal reads: who sent messages, reached only through {@link MessageSendersClient},
 * and how many messages sessions hold, only through {@link MessageTotalsClient}.
 */
@RegisterRestClient(configKey = "messages")
@Path("/internal/mcp/messages")
interface MessagesApi {

    @GET
    @Path("/senders")
    Senders senders(@HeaderParam("Authorization") String authorization, @QueryParam("message_id") List<String> messageIds);

    @GET
    @Path("/totals")
    SessionTotals totals(@HeaderParam("Authorization") String authorization,
            @QueryParam("session_id") List<String> sessionIds);

    /** The lookup's answer: one entry per message of the caller's tenant that exists. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Senders(List<Sender> items) {
    }

    /** Who sent one message. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sender(String messageId, String sessionId, String serverSessionId, String senderType, String senderId,
            String participantId) {
    }

    /** The totals' answer: one entry per session of the caller's tenant that holds messages. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionTotals(List<Totals> items) {
    }

    /** How many messages one session holds, and when its first and last were sent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Totals(String sessionId, long messageCount, long clientMessageCount, long serverMessageCount,
            long errorCount, Instant firstMessageAt, Instant lastMessageAt) {
    }
}

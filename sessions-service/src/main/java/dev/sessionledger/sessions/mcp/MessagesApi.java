package dev.sessionledger.sessions.mcp;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** messages-service's internal lookup of who sent messages; reached only through {@link MessageSendersClient}. */
@RegisterRestClient(configKey = "messages")
@Path("/internal/mcp/messages/senders")
interface MessagesApi {

    @GET
    Senders senders(@HeaderParam("Authorization") String authorization, @QueryParam("message_id") List<String> messageIds);

    /** The lookup's answer: one entry per message of the caller's tenant that exists. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Senders(List<Sender> items) {
    }

    /** Who sent one message. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sender(String messageId, String sessionId, String serverSessionId, String senderType, String senderId,
            String participantId) {
    }
}

package dev.sessionledger.messages.senders;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialEnvelope;
import dev.sessionledger.messages.message.MessageRows.SenderRow;
import dev.sessionledger.messages.message.SessionMessageService;

/** Internal, for sessions-service only: the senders of given messages of the caller's tenant. */
@ApiErrors(MetorialEnvelope.class)
@Path("/internal/mcp/messages/senders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class MessageSenderResource {

    @Inject
    SessionMessageService service;

    @Inject
    Caller caller;

    /** The list answer: one item per known message; unknown and malformed ids are absent. */
    public record MessageSenders(List<MessageSenderView> items) {
    }

    @GET
    @Operation(summary = "Senders of messages", description = "1 to 100 message_id values.")
    public MessageSenders senders(@BeanParam MessageSenderParams messages) {
        return new MessageSenders(service.senders(caller.tenant(), messages.toIds()).stream()
                .map(MessageSenderResource::toView)
                .toList());
    }

    private static MessageSenderView toView(SenderRow message) {
        return new MessageSenderView(
                IdPrefix.MESSAGE.format(message.id()),
                IdPrefix.SESSION.format(message.sessionId()),
                IdPrefix.SESSION_PROVIDER.format(message.serverSessionId()),
                message.senderType(),
                message.senderId(),
                IdPrefix.PARTICIPANT.format(message.participantId()));
    }
}

package dev.sessionledger.messages.senders;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.metorial.MetorialEnvelope;
import dev.sessionledger.commons.params.QueryStrings;
import dev.sessionledger.messages.mcp.SessionMessage;
import dev.sessionledger.messages.mcp.SessionMessageMapper;
import dev.sessionledger.messages.mcp.SessionMessageService;

/** Internal, for sessions-service only: the senders of given messages of the caller's tenant. */
@ApiErrors(MetorialEnvelope.class)
@Path("/internal/mcp/messages/senders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class MessageSenderResource {

    static final String PARAMETER = "message_id";
    static final int MAX_IDS = 100;

    @Inject
    SessionMessageService service;

    @Inject
    Caller caller;

    /** The list answer: one item per known message; unknown and malformed ids are absent. */
    public record MessageSenders(List<MessageSenderView> items) {
    }

    @GET
    @Operation(summary = "Senders of messages", description = "1 to 100 message_id values.")
    public MessageSenders senders(@Context UriInfo uri) {
        List<String> requested = QueryStrings.multi(uri.getQueryParameters(), PARAMETER, MAX_IDS);
        if (requested.isEmpty()) {
            throw Failure.invalid(PARAMETER, "must name 1 to " + MAX_IDS + " messages");
        }
        List<UUID> ids = requested.stream()
                .map(text -> PrefixedId.parse(SessionMessageMapper.ID_PREFIX, text))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        return new MessageSenders(service.findAll(caller.tenant(), ids).stream()
                .map(MessageSenderResource::toView)
                .toList());
    }

    private static MessageSenderView toView(SessionMessage message) {
        return new MessageSenderView(
                PrefixedId.format(SessionMessageMapper.ID_PREFIX, message.id),
                PrefixedId.format(SessionMessageMapper.SESSION_PREFIX, message.sessionId),
                SessionMessageMapper.format(SessionMessageMapper.SERVER_SESSION_PREFIX, message.serverSessionId),
                message.senderType,
                message.senderId,
                SessionMessageMapper.format(SessionMessageMapper.PARTICIPANT_PREFIX, message.participantId));
    }
}

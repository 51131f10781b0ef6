package dev.sessionledger.messages.totals;

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
import dev.sessionledger.messages.message.MessageRows.TotalsRow;
import dev.sessionledger.messages.message.SessionMessageService;

/** Internal, for sessions-service only: the message totals of given sessions of the caller's tenant. */
@ApiErrors(MetorialEnvelope.class)
@Path("/internal/mcp/messages/totals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class MessageTotalsResource {

    @Inject
    SessionMessageService service;

    @Inject
    Caller caller;

    /** The list answer: one item per session holding messages; a session without any, or unknown, is absent. */
    public record MessageTotals(List<MessageTotalsView> items) {
    }

    @GET
    @Operation(summary = "Message totals of sessions", description = "1 to 100 session_id values.")
    public MessageTotals totals(@BeanParam MessageTotalsParams sessions) {
        return new MessageTotals(service.totals(caller.tenant(), sessions.toIds()).stream()
                .map(MessageTotalsResource::toView)
                .toList());
    }

    private static MessageTotalsView toView(TotalsRow totals) {
        return new MessageTotalsView(
                IdPrefix.SESSION.format(totals.sessionId()),
                totals.messageCount(),
                totals.clientMessageCount(),
                totals.serverMessageCount(),
                totals.errorCount(),
                totals.firstMessageAt(),
                totals.lastMessageAt());
    }
}

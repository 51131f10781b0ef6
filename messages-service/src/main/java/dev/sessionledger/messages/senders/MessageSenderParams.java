package dev.sessionledger.messages.senders;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.params.QueryStrings;

/** The messages whose senders are asked for, declared for the endpoint ({@code @BeanParam}). */
public class MessageSenderParams {

    static final String MESSAGE_ID = "message_id";
    static final int MAX_IDS = 100;

    @QueryParam(MESSAGE_ID)
    @Parameter(description = "The messages, by id: 1 to 100 values, repeated or in the qs array forms. "
            + "A malformed id names no message and is ignored.", required = true,
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, minItems = 1, maxItems = MAX_IDS))
    public List<String> messageId;

    /**
     * The distinct ids named; a malformed one names no message and is left out.
     *
     * @throws Failure invalid input when no message, or more than {@link #MAX_IDS}, are named
     */
    public List<UUID> toIds() {
        List<String> requested = QueryStrings.multi(MESSAGE_ID, messageId, MAX_IDS);
        if (requested.isEmpty()) {
            throw Failure.invalid(MESSAGE_ID, "must name 1 to " + MAX_IDS + " messages");
        }
        return requested.stream().map(IdPrefix.MESSAGE::parse).flatMap(Optional::stream).distinct().toList();
    }
}

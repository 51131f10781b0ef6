package dev.sessionledger.messages.totals;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.params.QueryStrings;

/** The sessions whose message totals are asked for, declared for the endpoint ({@code @BeanParam}). */
public class MessageTotalsParams {

    static final String SESSION_ID = "session_id";
    static final int MAX_IDS = 100;

    @QueryParam(SESSION_ID)
    @Parameter(description = "The sessions, by id: 1 to 100 values, repeated or in the qs array forms. "
            + "A malformed id is a 400; an unknown one is simply absent from the answer.", required = true,
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, minItems = 1, maxItems = MAX_IDS))
    public List<String> sessionId;

    /**
     * The distinct sessions named.
     *
     * @throws Failure invalid input when none, more than {@link #MAX_IDS}, or a malformed one are named
     */
    public List<UUID> toIds() {
        List<String> requested = QueryStrings.multi(SESSION_ID, sessionId, MAX_IDS);
        if (requested.isEmpty()) {
            throw Failure.invalid(SESSION_ID, "must name 1 to " + MAX_IDS + " sessions");
        }
        return IdPrefix.SESSION.inputs(SESSION_ID, requested).stream().distinct().toList();
    }
}

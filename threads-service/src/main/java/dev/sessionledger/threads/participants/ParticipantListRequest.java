package dev.sessionledger.threads.participants;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.threads.query.SortKey;

/**
 * A validated {@code GET /api/thread-participants} request.
 *
 * @param after  the cursor of the row the page follows, or null
 * @param before the cursor of the row the page precedes, or null (never both)
 * @param equals the shorthands ({@code user_id} ...) as field equalities
 * @param filter the compiled {@code filter}, {@link Sql#TRUE} when absent
 * @param sort   the sort keys, always ending with {@code id}
 */
public record ParticipantListRequest(int limit, String after, String before, List<UUID> ids, UUID threadId,
        Map<ParticipantField, String> equals, Sql filter, List<SortKey> sort) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_IDS = 100;

    /** A whole thread, as is: its total is the count the database keeps, not a scan of its rows. */
    boolean wholeThread() {
        return threadId != null && !narrowed();
    }

    /** Whether anything beyond the tenant and the thread picks the rows: ids, shorthands or a filter. */
    boolean narrowed() {
        return !ids.isEmpty() || !equals.isEmpty() || filter != Sql.TRUE;
    }
}

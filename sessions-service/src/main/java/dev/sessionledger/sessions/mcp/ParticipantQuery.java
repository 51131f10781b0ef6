package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The filters of a participants list, read and checked; each list is "any of", an empty one no filter. */
public record ParticipantQuery(
        List<String> types,
        List<UUID> ids,
        List<UUID> sessionIds,
        List<UUID> connectionIds,
        List<UUID> messageIds,
        Range createdAt,
        Range updatedAt) {

    /** A time range; each bound is optional and every given bound applies. */
    public record Range(Instant gt, Instant gte, Instant lt, Instant lte) {
    }
}

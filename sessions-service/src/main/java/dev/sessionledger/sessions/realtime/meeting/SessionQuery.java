package dev.sessionledger.sessions.realtime.meeting;

import java.time.Instant;
import java.util.UUID;

import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.sessions.realtime.PageRequest;

/** The filters and order of the session list, checked. */
public record SessionQuery(String associatedId, String status, Instant startTime, Instant endTime, String search,
        Integer minParticipants, Integer maxParticipants, String sortBy, PageRequest page) {

    public static final String SORT_CREATED = "createdAt";
    public static final String SORT_MINUTES = "minutesConsumed";

    /** The search text as a session id, when it is one. */
    public UUID searchId() {
        return Uuids.parse(search).orElse(null);
    }
}

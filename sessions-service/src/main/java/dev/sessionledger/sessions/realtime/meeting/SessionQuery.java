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

    /** Whether any filter narrows the list: only the whole app's list has a kept total. */
    public boolean filtered() {
        return associatedId != null || status != null || startTime != null || endTime != null || search != null
                || minParticipants != null || maxParticipants != null;
    }

    /**
     * Whether a filter's selectivity depends on its value: a time range may hold a few sessions or all
     * of them, a status or a participant count be rare or common. One generic plan then cannot serve
     * every value (a wide range read through {@code rtk_session_app_started_idx} and sorted, live
     * sessions by minutes read through {@code rtk_session_app_minutes_idx} past every ended one), so
     * the list plans for its values. The meeting and search filters plan the same either way.
     */
    public boolean plannedForValues() {
        return status != null || startTime != null || endTime != null || minParticipants != null
                || maxParticipants != null;
    }

    /** The search text as a session id, when it is one. */
    public UUID searchId() {
        return Uuids.parse(search).orElse(null);
    }
}

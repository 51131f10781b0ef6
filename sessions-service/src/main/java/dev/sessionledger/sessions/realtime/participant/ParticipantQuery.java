package dev.sessionledger.sessions.realtime.participant;

import dev.sessionledger.sessions.realtime.PageRequest;

/**
 * What a page of a session's participants shows: peers narrowed by {@code search}, sorted by
 * {@code sortBy}, each peer on its own or each person over all their stays ({@code consolidated}).
 */
public record ParticipantQuery(String search, String sortBy, boolean withEvents, boolean consolidated,
        PageRequest page) {

    public static final String SORT_JOINED = "joinedAt";
    public static final String SORT_DURATION = "duration";
    public static final String VIEW_RAW = "raw";
    public static final String VIEW_CONSOLIDATED = "consolidated";
}

package dev.sessionledger.threads.participants;

import java.util.List;

/** The list envelope: {@code {"data":[...],"pageInfo":{...}}}. */
public record ParticipantPage(List<ThreadParticipantView> data, PageInfo pageInfo) {

    /** Where the page sits in the whole result. */
    public record PageInfo(long total, boolean hasNextPage, boolean hasPreviousPage, String startCursor,
            String endCursor) {
    }
}

package dev.sessionledger.threads.participants;

import java.util.List;

/** The list envelope: {@code {"data":[...],"pageInfo":{...}}}. */
public record ParticipantPage(List<ThreadParticipantView> data, PageInfo pageInfo) {

    /** Where the page sits in the whole result. */
    public record PageInfo(long total, boolean hasNextPage, boolean hasPreviousPage, String startCursor,
            String endCursor) {
    }

    public static ParticipantPage of(ParticipantSlice slice) {
        return new ParticipantPage(slice.rows().stream().map(ThreadParticipantView::of).toList(),
                new PageInfo(slice.total(), slice.hasNextPage(), slice.hasPreviousPage(), slice.startCursor(),
                        slice.endCursor()));
    }
}

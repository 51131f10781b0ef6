package dev.sessionledger.threads.participants;

import java.util.List;

/** One page of a keyset read and where it sits in the whole result. */
public record ParticipantSlice(List<ParticipantRow> rows, long total, boolean hasNextPage,
        boolean hasPreviousPage, String startCursor, String endCursor) {
}

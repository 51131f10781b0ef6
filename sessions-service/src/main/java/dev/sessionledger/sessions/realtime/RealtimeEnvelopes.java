package dev.sessionledger.sessions.realtime;

/** RealtimeKit's success envelopes, around every feature's objects. */
public final class RealtimeEnvelopes {

    private RealtimeEnvelopes() {
    }

    /** {@code {"success":true,"data":...}}. */
    public record Envelope<T>(boolean success, T data) {
        public static <T> Envelope<T> of(T data) {
            return new Envelope<>(true, data);
        }
    }

    /** A page of a list: offsets are zero-based and inclusive. */
    public record ListEnvelope<T>(boolean success, T data, Paging paging) {
    }

    public record Paging(long startOffset, long endOffset, long totalCount) {
    }
}

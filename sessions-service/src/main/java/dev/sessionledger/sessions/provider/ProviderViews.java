package dev.sessionledger.sessions.provider;

import java.time.Instant;
import java.util.Map;

/** The objects the provider registry shows, in Metorial's snake_case shapes. */
public final class ProviderViews {

    private ProviderViews() {
    }

    /** Metorial-style provider object: never its upstream headers. */
    public record ProviderView(String object, String id, String name, String upstreamUrl, String recordingMode,
            Instant createdAt, Instant updatedAt) {
    }

    /** What the gateway needs to forward to a provider, headers opened: the internal read only. */
    public record UpstreamView(String id, String upstreamUrl, Map<String, String> upstreamHeaders, String recordingMode) {

        @Override
        public String toString() {
            return "UpstreamView[id=" + id + ", upstreamUrl=" + upstreamUrl + ", upstreamHeaders="
                    + ProviderRequests.redacted(upstreamHeaders) + ", recordingMode=" + recordingMode + "]";
        }
    }
}

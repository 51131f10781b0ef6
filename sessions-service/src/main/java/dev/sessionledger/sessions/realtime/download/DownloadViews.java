package dev.sessionledger.sessions.realtime.download;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** RealtimeKit's download objects: a signed link and when it expires, named as the published API names them. */
public final class DownloadViews {

    private DownloadViews() {
    }

    public record ChatDownload(String chatDownloadUrl, Instant chatDownloadUrlExpiry) {
    }

    public record TranscriptDownload(@JsonProperty("sessionId") UUID sessionId, String transcriptDownloadUrl,
            Instant transcriptDownloadUrlExpiry) {
    }

    public record SummaryDownload(@JsonProperty("sessionId") UUID sessionId,
            @JsonProperty("summaryDownloadUrl") String summaryDownloadUrl,
            @JsonProperty("summaryDownloadUrlExpiry") Instant summaryDownloadUrlExpiry) {
    }
}

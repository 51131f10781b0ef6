package dev.sessionledger.sessions.realtime.peerreport;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.sessionledger.commons.validation.FreeFormJson;
import dev.sessionledger.sessions.realtime.RealtimeBounds;

/** {@code PUT /sessions/peer-report/{peer_id}}: replaces the peer's report; an absent part is stored empty. */
public record PeerReportBody(
        @Schema(description = PeerReportBody.REPORT) @FreeFormJson(maxKeys = RealtimeBounds.REPORT_KEYS,
                maxText = RealtimeBounds.REPORT_TEXT) Map<String, Object> metadata,
        @Schema(description = PeerReportBody.REPORT) @FreeFormJson(maxKeys = RealtimeBounds.REPORT_KEYS,
                maxText = RealtimeBounds.REPORT_TEXT) Map<String, Object> quality) {

    static final String REPORT = "A JSON object of at most " + RealtimeBounds.REPORT_KEYS + " keys and "
            + RealtimeBounds.REPORT_TEXT + " characters over every key and string";
}

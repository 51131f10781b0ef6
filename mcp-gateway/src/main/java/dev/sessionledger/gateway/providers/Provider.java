package dev.sessionledger.gateway.providers;

import java.util.Map;

/**
 * A registered MCP server as sessions-service describes it to the gateway: where it is, the
 * headers it wants (its own credentials: sent upstream, never logged or recorded) and how its
 * traffic is recorded.
 */
public record Provider(String id, String upstreamUrl, Map<String, String> upstreamHeaders, String recordingMode) {

    public static final String BEST_EFFORT = "best_effort";

    public Provider {
        upstreamHeaders = upstreamHeaders == null ? Map.of() : Map.copyOf(upstreamHeaders);
        recordingMode = recordingMode == null ? BEST_EFFORT : recordingMode;
    }

    /** Never the headers: they are the upstream's credentials. */
    @Override
    public String toString() {
        return "Provider[" + id + " " + upstreamUrl + " " + recordingMode + "]";
    }
}

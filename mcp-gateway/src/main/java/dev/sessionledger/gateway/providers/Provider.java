package dev.sessionledger.gateway.providers;

import java.util.Map;

/**
 * A registered MCP server as sessions-service describes it to the gateway: where it is, the
 * headers it wants (its own credentials: sent upstream, never logged or recorded). How its traffic
 * is recorded is the session's ({@code LedgerSession#recordingMode}): fixed when the session opens.
 */
public record Provider(String id, String upstreamUrl, Map<String, String> upstreamHeaders) {

    public Provider {
        upstreamHeaders = upstreamHeaders == null ? Map.of() : Map.copyOf(upstreamHeaders);
    }

    /** Never the headers: they are the upstream's credentials. */
    @Override
    public String toString() {
        return "Provider[" + id + " " + upstreamUrl + "]";
    }
}

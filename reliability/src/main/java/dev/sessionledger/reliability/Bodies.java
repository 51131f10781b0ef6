package dev.sessionledger.reliability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A valid body for every write of the API, each carrying a marker that SQL finds again. */
public final class Bodies {

    private Bodies() {
    }

    /** {@code POST /sessions}. */
    public static ObjectNode session(String marker) {
        ObjectNode body = Json.object();
        body.putObject("metadata").put("rel", marker);
        return body;
    }

    /** {@code POST /sessions/{id}/connections}: the client's MCP initialize request. */
    public static ObjectNode connection(String tag) {
        ObjectNode body = Json.object().put("transport", "streamable_http");
        ObjectNode initialize = body.putObject("initialize").put("method", "initialize");
        ObjectNode params = initialize.putObject("params").put("protocolVersion", "2025-06-18");
        params.putObject("clientInfo").put("name", "rel-client-" + tag).put("title", "Fault suite").put("version", "1.0");
        return body;
    }

    /** {@code POST /sessions/{id}/providers}. */
    public static ObjectNode provider(String tag) {
        return Json.object().put("provider_id", "pro_rel" + Math.abs(tag.hashCode())).put("name", "provider " + tag);
    }

    /**
     * {@code POST /sessions/{id}/messages}: {@code count} messages keyed {@code <marker>-<j>}, requests
     * and the responses to them in turn, each carrying its key in the payload.
     */
    public static ObjectNode messages(String serverSession, String providerRun, String marker, int count) {
        ObjectNode body = Json.object();
        ArrayNode messages = body.putArray("messages");
        for (int j = 0; j < count; j++) {
            String key = messageKey(marker, j);
            ObjectNode m = messages.addObject();
            ObjectNode payload = m.putObject("payload").put("jsonrpc", "2.0");
            if (j % 2 == 0) {
                payload.put("id", j).put("method", "tools/call").putObject("params").put("marker", key);
                m.putObject("sender").put("type", "client").put("id", "rel-client");
            } else {
                payload.put("id", j - 1).putObject("result").put("marker", key);
                m.putObject("sender").put("type", "server").put("id", "rel-server");
            }
            m.put("server_session_id", serverSession);
            if (providerRun != null) {
                m.put("provider_run_id", providerRun);
            }
            m.put("idempotency_key", key);
        }
        return body;
    }

    public static String messageKey(String marker, int j) {
        return marker + "-" + j;
    }

    /** SQL for the marker a message's payload carries, as {@link #messages} writes it. */
    public static final String MESSAGE_MARKER_SQL = "coalesce(payload->'params'->>'marker', payload->'result'->>'marker')";

    /** RealtimeKit {@code POST /sessions} with a client-chosen id. */
    public static ObjectNode meeting(String id, String marker) {
        ObjectNode body = Json.object().put("id", id).put("associated_id", "rel-meeting")
                .put("meeting_display_name", "Fault suite " + marker);
        body.putObject("meta").put("rel", marker);
        return body;
    }

    /** RealtimeKit {@code POST /sessions/{id}/participants} with a client-chosen peer id. */
    public static ObjectNode join(String peerId, String tag) {
        return Json.object().put("peer_id", peerId).put("display_name", "Peer " + tag).put("user_id", "user-" + tag);
    }

    /** RealtimeKit {@code POST /sessions/{id}/chat}: one text message per id, its payload {@code <marker> <id>}. */
    public static ObjectNode chat(String peer, String marker, String... ids) {
        ObjectNode body = Json.object();
        ArrayNode messages = body.putArray("messages");
        for (String id : ids) {
            messages.addObject().put("id", id).put("participant_id", peer).put("payload_type", "text")
                    .put("payload", marker + " " + id);
        }
        return body;
    }

    /** RealtimeKit {@code POST /sessions/{id}/transcript}: one segment per id. */
    public static ObjectNode transcript(String peer, String... ids) {
        ObjectNode body = Json.object();
        ArrayNode segments = body.putArray("segments");
        long start = 0;
        for (String id : ids) {
            segments.addObject().put("id", id).put("participant_id", peer).put("start_ms", start)
                    .put("end_ms", start + 1500).put("text", "We agreed to ship the release on Friday after the review.");
            start += 2000;
        }
        return body;
    }

    /** RealtimeKit {@code PUT /sessions/peer-report/{peer_id}}. */
    public static ObjectNode peerReport(String tag) {
        ObjectNode body = Json.object();
        body.putObject("metadata").put("os", "linux").put("tag", tag);
        body.putObject("quality").put("mos", 4.2).put("packet_loss", 0.01);
        return body;
    }

    /** {@code POST /api/threads}. */
    public static ObjectNode thread(String title) {
        ObjectNode body = Json.object().put("title", title);
        body.putObject("metadata").put("rel", "fault-suite");
        return body;
    }

    /** {@code POST /api/thread-participants} for an agent. */
    public static ObjectNode threadParticipant(String thread, String agentId) {
        return Json.object().put("threadId", thread).put("agentId", agentId);
    }

    /** {@code PATCH /api/thread-participants/{id}}. */
    public static ObjectNode participantUpdate(String messageId) {
        return Json.object().put("lastReadMessageId", messageId);
    }
}

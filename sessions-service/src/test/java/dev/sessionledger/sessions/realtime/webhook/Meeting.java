package dev.sessionledger.sessions.realtime.webhook;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One meeting as RealtimeKit reports it, every delivery in the order it happened: a start, three
 * peers joining, two leaving, a recording and a livestream, the end (which the third peer is still
 * inside at), then the chat, the transcript and the summary. Bodies are shaped as RealtimeKit's webhook documentation shows.
 */
final class Meeting {

    final UUID session = UUID.randomUUID();
    final String meetingId = "room-" + UUID.randomUUID().toString().substring(0, 8);
    final UUID ada = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final UUID cy = UUID.randomUUID();

    Map<String, Object> meeting(String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", meetingId);
        m.put("sessionId", session.toString());
        m.put("title", "Webhook review");
        m.put("status", status);
        m.put("createdAt", at(-5).toString());
        m.put("startedAt", at(0).toString());
        m.put("organizedBy", Map.of("id", "org-1", "name", "Acme"));
        return m;
    }

    Map<String, Object> started() {
        return Map.of("event", "meeting.started", "meeting", meeting("LIVE"));
    }

    Map<String, Object> joined(UUID peer, String name, int minute) {
        return Map.of("event", "meeting.participantJoined", "meeting", meeting("LIVE"), "participant",
                Map.of("peerId", peer.toString(), "userDisplayName", name, "customParticipantId", "cp-" + name,
                        "joinedAt", at(minute).toString()));
    }

    Map<String, Object> left(UUID peer, String name, int joinedMinute, int leftMinute) {
        return Map.of("event", "meeting.participantLeft", "meeting", meeting("LIVE"), "participant",
                Map.of("peerId", peer.toString(), "userDisplayName", name, "customParticipantId", "cp-" + name,
                        "joinedAt", at(joinedMinute).toString(), "leftAt", at(leftMinute).toString()));
    }

    Map<String, Object> ended() {
        Map<String, Object> m = meeting("ENDED");
        m.put("endedAt", at(30).toString());
        return Map.of("event", "meeting.ended", "meeting", m, "reason", "ALL_PARTICIPANTS_LEFT");
    }

    Map<String, Object> file(String event, String field, String url) {
        return Map.of("event", event, "meeting", meeting("ENDED"), field, url, field + "Expiry",
                at(90).toString());
    }

    Map<String, Object> recording(String status) {
        return Map.of("event", "recording.statusUpdate", "meeting", meeting("LIVE"), "recording",
                Map.of("id", "rec-1", "recordingId", "rec-1", "status", status, "outputFileName", "rec-1.mp4"));
    }

    Map<String, Object> livestream(String status) {
        return Map.of("event", "livestreaming.statusUpdate", "meeting", meeting("LIVE"), "livestreamId", "ls-1",
                "streamId", "ls-1", "status", status);
    }

    String chatCsv() {
        return "id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\n"
                + UUID.nameUUIDFromBytes((session + "m1").getBytes()) + "," + ada + "," + session + "," + meetingId
                + ",ada,false,false,TEXT_MESSAGE,\"Hello, all\"," + at(3) + "\n"
                + UUID.nameUUIDFromBytes((session + "m2").getBytes()) + "," + bob + "," + session + "," + meetingId
                + ",bob,true,true,TEXT_MESSAGE,\"Line one\nline \"\"two\"\"\"," + at(4) + "\n";
    }

    String transcriptJson() {
        return "[{\"startTime\":60000,\"endTime\":64000,\"sentence\":\"Welcome to the review.\",\"peerData\":{\"id\":\""
                + ada + "\",\"userId\":null,\"displayName\":\"ada\",\"cpi\":\"cp-ada\",\"joinedAt\":\"" + at(1)
                + "\",\"leftAt\":\"" + at(20) + "\"}},"
                + "{\"startTime\":180000,\"endTime\":185000,\"sentence\":\"Webhooks fill the ledger.\",\"peerData\":"
                + "{\"id\":\"" + bob + "\",\"userId\":null,\"displayName\":\"bob\",\"cpi\":\"cp-bob\",\"joinedAt\":\""
                + at(2) + "\",\"leftAt\":\"" + at(25) + "\"}}]";
    }

    String summary() {
        return "The team reviewed webhooks: they fill the ledger from real meetings.";
    }

    /** Every delivery in the order it happened; files are served by {@code files}. */
    List<Map<String, Object>> deliveries(FileServer files) {
        String prefix = "/" + session;
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(started());
        all.add(joined(ada, "ada", 1));
        all.add(joined(bob, "bob", 2));
        all.add(recording("RECORDING"));
        all.add(livestream("LIVE"));
        all.add(joined(cy, "cy", 5));
        all.add(left(ada, "ada", 1, 20));
        all.add(left(bob, "bob", 2, 25));
        all.add(ended());
        all.add(recording("UPLOADED"));
        all.add(livestream("OFFLINE"));
        all.add(file("meeting.chatSynced", "chatDownloadUrl", files.put(prefix + "/chat.csv", chatCsv())));
        all.add(file("meeting.transcript", "transcriptDownloadUrl",
                files.put(prefix + "/transcript.json", transcriptJson())));
        all.add(file("meeting.summary", "summaryDownloadUrl", files.put(prefix + "/summary.md", summary())));
        return all;
    }
}

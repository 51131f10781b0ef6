package dev.sessionledger.sessions.realtime.webhook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.sessions.realtime.RealtimeBounds;
import dev.sessionledger.sessions.realtime.recording.RecordingRepository.ChatRow;
import dev.sessionledger.sessions.realtime.recording.RecordingRepository.SegmentRow;
import dev.sessionledger.sessions.realtime.webhook.ImportedFile.NamedPeer;

/**
 * Reads RealtimeKit's files into rows: the chat CSV ({@code id, participantId, sessionId, meetingId,
 * displayName, pinned, isEdited, payloadType, payload, createdAt}), the transcript as JSON
 * ({@code [{startTime, endTime, sentence, peerData{id, userId, displayName, cpi, joinedAt, leftAt}}]})
 * or CSV ({@code startMs, peerId, userId, customParticipantId, name, text}), and the summary's
 * text. Rows get ids their content decides, so a file read twice stores nothing twice. A file that
 * does not read is refused whole, with the row and column at fault.
 */
public final class FileReader {

    /** The most rows one file may hold. */
    static final int MAX_ROWS = 100_000;

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema HEADED = CsvSchema.emptySchema().withHeader();

    private FileReader() {
    }

    /** A file that does not read as its kind. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    public static ImportedFile chat(byte[] file, UUID sessionId) throws Unreadable {
        List<ChatRow> rows = new ArrayList<>();
        Map<UUID, NamedPeer> peers = new TreeMap<>();
        int line = 1;
        for (Map<String, String> row : csv(file)) {
            line++;
            UUID peer = uuid(row, "participantId", line);
            Instant at = instant(row.get("createdAt"), "createdAt", line);
            String name = text(row, "displayName", RealtimeBounds.NAME, line);
            String payload = row.get("payload") == null ? "" : row.get("payload");
            if (payload.length() > RealtimeBounds.TEXT) {
                throw new Unreadable("row " + line + ": payload is longer than " + RealtimeBounds.TEXT + " characters");
            }
            String id = row.get("id");
            UUID messageId = id == null || id.isBlank() ? named(sessionId, peer, at, payload)
                    : Uuids.parse(id).orElseGet(() -> named(sessionId, id));
            rows.add(new ChatRow(messageId, peer, kind(row.get("payloadType")), payload,
                    "true".equalsIgnoreCase(row.get("pinned")), "true".equalsIgnoreCase(row.get("isEdited")), at));
            peers.merge(peer, new NamedPeer(peer, name != null ? name : "Participant", null, null, at, 0, null),
                    FileReader::earlier);
        }
        return ImportedFile.ofChat(rows, List.copyOf(peers.values()));
    }

    /** A CSV transcript names its peers without their join, which is then taken to be their first sentence. */
    public static ImportedFile transcript(byte[] file, UUID sessionId) throws Unreadable {
        String text = utf8(file).strip();
        return text.startsWith("[") ? transcriptJson(text, sessionId) : transcriptCsv(file, sessionId);
    }

    public static ImportedFile summary(byte[] file) throws Unreadable {
        String text = utf8(file).strip();
        if (text.isEmpty()) {
            throw new Unreadable("the summary is empty");
        }
        return ImportedFile.ofSummary(text);
    }

    private static ImportedFile transcriptJson(String text, UUID sessionId) throws Unreadable {
        JsonNode array;
        try {
            array = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new Unreadable("the transcript is not JSON");
        }
        if (array.size() > MAX_ROWS) {
            throw new Unreadable("the transcript has more than " + MAX_ROWS + " sentences");
        }
        List<SegmentRow> rows = new ArrayList<>();
        Map<UUID, NamedPeer> peers = new TreeMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode s = array.get(i);
            String where = "sentence " + i + ": ";
            JsonNode peerData = s.path("peerData");
            UUID peer = Uuids.parse(peerData.path("id").asText(null))
                    .orElseThrow(() -> new Unreadable(where + "peerData.id is not a UUID"));
            if (!s.path("startTime").canConvertToLong() || s.path("startTime").asLong() < 0) {
                throw new Unreadable(where + "startTime is not a number of milliseconds");
            }
            long start = s.path("startTime").asLong();
            long end = s.path("endTime").canConvertToLong() ? Math.max(start, s.path("endTime").asLong()) : start;
            String sentence = s.path("sentence").asText("");
            if (sentence.length() > RealtimeBounds.TEXT) {
                throw new Unreadable(where + "sentence is longer than " + RealtimeBounds.TEXT + " characters");
            }
            rows.add(new SegmentRow(named(sessionId, peer, start, end, sentence), peer, start, end, sentence));
            Instant joined = instantOrNull(peerData.path("joinedAt").asText(null), where + "peerData.joinedAt");
            Instant left = instantOrNull(peerData.path("leftAt").asText(null), where + "peerData.leftAt");
            if (joined != null) {
                String name = peerData.path("displayName").asText("Participant");
                peers.merge(peer, new NamedPeer(peer, cut(name, RealtimeBounds.NAME),
                        cut(peerData.path("cpi").asText(null), RealtimeBounds.REFERENCE),
                        cut(peerData.path("userId").asText(null), RealtimeBounds.REFERENCE), joined, 0,
                        left == null || left.isBefore(joined) ? null : left), FileReader::earlier);
            }
        }
        return ImportedFile.ofTranscript(rows, List.copyOf(peers.values()));
    }

    private static ImportedFile transcriptCsv(byte[] file, UUID sessionId) throws Unreadable {
        List<SegmentRow> rows = new ArrayList<>();
        Map<UUID, NamedPeer> peers = new TreeMap<>();
        int line = 1;
        for (Map<String, String> row : csv(file)) {
            line++;
            UUID peer = uuid(row, "peerId", line);
            long start;
            try {
                start = Long.parseLong(row.getOrDefault("startMs", "").strip());
            } catch (NumberFormatException e) {
                throw new Unreadable("row " + line + ": startMs is not a number of milliseconds");
            }
            if (start < 0) {
                throw new Unreadable("row " + line + ": startMs is negative");
            }
            String sentence = row.get("text") == null ? "" : row.get("text");
            if (sentence.length() > RealtimeBounds.TEXT) {
                throw new Unreadable("row " + line + ": text is longer than " + RealtimeBounds.TEXT + " characters");
            }
            rows.add(new SegmentRow(named(sessionId, peer, start, start, sentence), peer, start, start, sentence));
            String name = text(row, "name", RealtimeBounds.NAME, line);
            peers.merge(peer, new NamedPeer(peer, name != null ? name : "Participant",
                    text(row, "customParticipantId", RealtimeBounds.REFERENCE, line),
                    text(row, "userId", RealtimeBounds.REFERENCE, line), null, start, null),
                    FileReader::earlier);
        }
        return ImportedFile.ofTranscript(rows, List.copyOf(peers.values()));
    }

    private static List<Map<String, String>> csv(byte[] file) throws Unreadable {
        utf8(file);
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(HEADED).readValues(file)) {
            while (it.hasNextValue()) {
                if (rows.size() == MAX_ROWS) {
                    throw new Unreadable("the file has more than " + MAX_ROWS + " rows");
                }
                rows.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("the file is not CSV with a header row: " + e.getMessage());
        }
        return rows;
    }

    /** Of two mentions of a peer, the earlier; ties go to the least name, so that the file's order does not matter. */
    private static NamedPeer earlier(NamedPeer a, NamedPeer b) {
        java.util.Comparator<NamedPeer> order = java.util.Comparator
                .comparing(NamedPeer::joinedAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparingLong(NamedPeer::offsetMs).thenComparing(NamedPeer::displayName);
        return order.compare(a, b) <= 0 ? a : b;
    }

    private static String kind(String payloadType) {
        String type = payloadType == null ? "" : payloadType.toLowerCase(Locale.ROOT);
        return type.contains("image") ? "image" : type.contains("file") ? "file" : "text";
    }

    private static UUID uuid(Map<String, String> row, String column, int line) throws Unreadable {
        return Uuids.parse(row.get(column))
                .orElseThrow(() -> new Unreadable("row " + line + ": " + column + " is not a UUID"));
    }

    private static String text(Map<String, String> row, String column, int max, int line) throws Unreadable {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new Unreadable("row " + line + ": " + column + " is longer than " + max + " characters");
        }
        return value.strip();
    }

    private static Instant instant(String text, String column, int line) throws Unreadable {
        Instant at = instantOrNull(text, "row " + line + ": " + column);
        if (at == null) {
            throw new Unreadable("row " + line + ": " + column + " is required");
        }
        return at;
    }

    private static Instant instantOrNull(String text, String where) throws Unreadable {
        if (text == null || text.isBlank() || "null".equals(text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Unreadable(where + " is not an ISO 8601 date-time");
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.isBlank() ? null : text.length() > max ? text.substring(0, max) : text;
    }

    /** The file as UTF-8, refused when it is not, or holds a NUL. */
    private static String utf8(byte[] file) throws Unreadable {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new Unreadable("the file holds a NUL character");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new Unreadable("the file is not UTF-8 text");
        }
    }

    private static UUID named(UUID sessionId, Object... parts) {
        StringBuilder key = new StringBuilder(sessionId.toString());
        for (Object part : parts) {
            key.append('\u001f').append(part);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }
}

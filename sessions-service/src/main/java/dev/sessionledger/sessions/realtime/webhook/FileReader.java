package dev.sessionledger.sessions.realtime.webhook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import dev.sessionledger.commons.params.Timestamps;
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
        for (Map<String, String> row : csv(utf8(file))) {
            line++;
            UUID peer = uuid(row, "participantId", line);
            Instant at = instant(row.get("createdAt"), "createdAt", line);
            String name = text(row, "displayName", RealtimeBounds.NAME, line);
            String payload = checked(row.get("payload") == null ? "" : row.get("payload"), RealtimeBounds.TEXT,
                    "row " + line + ": payload");
            String id = row.get("id");
            UUID messageId = id == null || id.isBlank() ? named(sessionId, peer, at, payload)
                    : Uuids.parse(id).orElseGet(() -> named(sessionId, id));
            rows.add(new ChatRow(messageId, peer, kind(row.get("payloadType")), payload,
                    "true".equalsIgnoreCase(row.get("pinned")), "true".equalsIgnoreCase(row.get("isEdited")), at));
            peers.merge(peer, new NamedPeer(peer, name(name), null, null, at, 0, null), FileReader::earlier);
        }
        return ImportedFile.ofChat(rows, List.copyOf(peers.values()));
    }

    /** A CSV transcript names its peers without their join, which is then taken to be their first sentence. */
    public static ImportedFile transcript(byte[] file, UUID sessionId) throws Unreadable {
        String text = utf8(file).strip();
        return text.startsWith("[") ? transcriptJson(text, sessionId) : transcriptCsv(text, sessionId);
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
            long start = offset(s.path("startTime"), where + "startTime");
            long end = s.path("endTime").isMissingNode() || s.path("endTime").isNull() ? start
                    : Math.max(start, offset(s.path("endTime"), where + "endTime"));
            String sentence = checked(s.path("sentence").asText(""), RealtimeBounds.TEXT, where + "sentence");
            rows.add(new SegmentRow(named(sessionId, peer, start, end, sentence), peer, start, end, sentence));
            Instant joined = instantOrNull(peerData.path("joinedAt").asText(null), where + "peerData.joinedAt");
            Instant left = instantOrNull(peerData.path("leftAt").asText(null), where + "peerData.leftAt");
            // A peer the transcript knows no join of joined, as far as it says, when it first spoke.
            peers.merge(peer, new NamedPeer(peer, name(peerData.path("displayName").asText(null)),
                    cut(checked(peerData.path("cpi").asText(null), Integer.MAX_VALUE, where + "peerData.cpi"),
                            RealtimeBounds.REFERENCE),
                    cut(checked(peerData.path("userId").asText(null), Integer.MAX_VALUE, where + "peerData.userId"),
                            RealtimeBounds.REFERENCE), joined, start,
                    joined == null || left == null || left.isBefore(joined) ? null : left), FileReader::earlier);
        }
        return ImportedFile.ofTranscript(rows, List.copyOf(peers.values()));
    }

    private static ImportedFile transcriptCsv(String file, UUID sessionId) throws Unreadable {
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
            if (start < 0 || start > MAX_OFFSET_MS) {
                throw new Unreadable("row " + line + ": startMs must be 0 to " + MAX_OFFSET_MS);
            }
            String sentence = checked(row.get("text") == null ? "" : row.get("text"), RealtimeBounds.TEXT,
                    "row " + line + ": text");
            rows.add(new SegmentRow(named(sessionId, peer, start, start, sentence), peer, start, start, sentence));
            String name = text(row, "name", RealtimeBounds.NAME, line);
            peers.merge(peer, new NamedPeer(peer, name(name),
                    text(row, "customParticipantId", RealtimeBounds.REFERENCE, line),
                    text(row, "userId", RealtimeBounds.REFERENCE, line), null, start, null),
                    FileReader::earlier);
        }
        return ImportedFile.ofTranscript(rows, List.copyOf(peers.values()));
    }

    /** The rows of a CSV with a header row, by column name; the text already checked by {@link #utf8}. */
    private static List<Map<String, String>> csv(String file) throws Unreadable {
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
        Comparator<NamedPeer> order = Comparator
                .comparing(NamedPeer::joinedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(NamedPeer::offsetMs).thenComparing(NamedPeer::displayName)
                .thenComparing(NamedPeer::customParticipantId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(NamedPeer::userId, Comparator.nullsLast(Comparator.naturalOrder()));
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
        return checked(value, max, "row " + line + ": " + column).strip();
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
            return Timestamps.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(where + " " + e.getMessage());
        }
    }

    /** The most a sentence may start after the session's start: 30 days. */
    static final long MAX_OFFSET_MS = 30L * 24 * 3_600_000;

    private static long offset(JsonNode node, String where) throws Unreadable {
        if (!node.canConvertToLong() || node.asLong() < 0 || node.asLong() > MAX_OFFSET_MS) {
            throw new Unreadable(where + " is not a number of milliseconds from 0 to " + MAX_OFFSET_MS);
        }
        return node.asLong();
    }

    /** Text as a file holds it: at most {@code max} characters and no NUL (null stays null). */
    private static String checked(String text, int max, String where) throws Unreadable {
        if (text == null) {
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            throw new Unreadable(where + " holds a NUL character");
        }
        if (text.length() > max) {
            throw new Unreadable(where + " is longer than " + max + " characters");
        }
        return text;
    }

    /** A display name, cut to its bound; none or a blank one is "Participant", as a join without one. */
    private static String name(String text) {
        String name = cut(text, RealtimeBounds.NAME);
        return name == null || name.isBlank() ? "Participant" : name.strip();
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

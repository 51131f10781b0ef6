package dev.sessionledger.sessions.realtime.download;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.sessionledger.sessions.realtime.recording.RecordingReader;

/** Writes a session's chat and transcript in the download formats, row by row as they stream from the database. */
@ApplicationScoped
public class ExportWriter {

    static final List<String> CHAT_COLUMNS = List.of("id", "participantId", "sessionId", "meetingId", "displayName",
            "pinned", "isEdited", "payloadType", "payload", "createdAt");
    static final List<String> TRANSCRIPT_COLUMNS = List.of("startMs", "peerId", "userId", "customParticipantId",
            "name", "text");

    private static final JsonFactory JSON = new JsonFactory();
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    @Inject
    RecordingReader reader;

    public void chatCsv(String tenant, UUID sessionId, OutputStream out) throws IOException {
        Writer w = writer(out);
        try (SequenceWriter rows = csv(w, CHAT_COLUMNS)) {
            reader.chat(tenant, sessionId, m -> rows.write(safe(m.id().toString(), m.participantId().toString(),
                    m.sessionId().toString(), m.meetingId(), m.displayName(), Boolean.toString(m.pinned()),
                    Boolean.toString(m.edited()), m.payloadType(), m.payload(), m.createdAt().toString())));
        }
        w.flush();
    }

    public void transcript(String tenant, UUID sessionId, DownloadFormat format, OutputStream out) throws IOException {
        Writer w = writer(out);
        switch (format) {
            case CSV -> {
                try (SequenceWriter rows = csv(w, TRANSCRIPT_COLUMNS)) {
                    reader.transcript(tenant, sessionId, t -> rows.write(safe(Long.toString(t.startMs()),
                            t.peerId().toString(), t.userId(), t.customParticipantId(), t.name(), t.text())));
                }
            }
            case SRT -> {
                int[] index = { 0 };
                reader.transcript(tenant, sessionId, t -> w.write(++index[0] + "\n" + clock(t.startMs(), ',')
                        + " --> " + clock(t.endMs(), ',') + "\n" + oneLine(t.name()) + ": " + oneLine(t.text())
                        + "\n\n"));
            }
            case VTT -> {
                w.write("WEBVTT\n\n");
                reader.transcript(tenant, sessionId, t -> w.write(clock(t.startMs(), '.') + " --> "
                        + clock(t.endMs(), '.') + "\n<v " + vttEscape(oneLine(t.name())) + ">"
                        + vttEscape(oneLine(t.text())) + "\n\n"));
            }
            case JSON -> json(tenant, sessionId, w);
            default -> throw new IllegalArgumentException("Unknown transcript format " + format);
        }
        w.flush();
    }

    private void json(String tenant, UUID sessionId, Writer w) throws IOException {
        JsonGenerator g = JSON.createGenerator(w);
        g.writeStartArray();
        reader.transcript(tenant, sessionId, t -> {
            g.writeStartObject();
            g.writeNumberField("startTime", t.startMs());
            g.writeNumberField("endTime", t.endMs());
            g.writeStringField("sentence", t.text());
            g.writeObjectFieldStart("peerData");
            g.writeStringField("id", t.peerId().toString());
            g.writeStringField("userId", t.userId());
            g.writeStringField("displayName", t.name());
            g.writeStringField("cpi", t.customParticipantId());
            g.writeStringField("joinedAt", Objects.toString(t.joinedAt(), null));
            g.writeStringField("leftAt", Objects.toString(t.leftAt(), null));
            g.writeEndObject();
            g.writeEndObject();
        });
        g.writeEndArray();
        g.flush();
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
    }

    /**
     * A CSV of the columns, header first, rows ended by CRLF as RFC 4180 has them; a field is quoted
     * only when it holds a comma, quote or line break. The writer is left open for the caller.
     */
    private static SequenceWriter csv(Writer w, List<String> columns) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        return CSV.writer(schema.build().withHeader().withLineSeparator("\r\n"))
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(w);
    }

    /**
     * A row's fields, a missing one as empty; one that a spreadsheet would run as a formula (it
     * starts with = + - @, a tab or a carriage return) is prefixed with an apostrophe, as OWASP
     * advises for CSV exports: participants write these texts, and the person opening the
     * download should not run them. The JSON downloads keep them as written.
     */
    static String[] safe(String... fields) {
        String[] row = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i] == null ? "" : fields[i];
            row[i] = !f.isEmpty() && FORMULA_STARTS.indexOf(f.charAt(0)) >= 0 ? "'" + f : f;
        }
        return row;
    }

    /** {@code HH:MM:SS,mmm} (SRT) or {@code HH:MM:SS.mmm} (WebVTT). */
    static String clock(long ms, char separator) {
        StringBuilder out = new StringBuilder(12);
        pad(out, ms / 3_600_000, 2).append(':');
        pad(out, ms / 60_000 % 60, 2).append(':');
        pad(out, ms / 1000 % 60, 2).append(separator);
        return pad(out, ms % 1000, 3).toString();
    }

    private static StringBuilder pad(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    /** A blank line would end a cue early. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String vttEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}

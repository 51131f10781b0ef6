package dev.sessionledger.sessions.realtime.download;

import dev.sessionledger.sessions.realtime.meeting.SessionRow;
import dev.sessionledger.sessions.realtime.summary.SummaryRow;
import dev.sessionledger.sessions.realtime.summary.TranscriptSummary;

/** Renders a stored summary as the plain text or markdown a download serves. */
public final class SummaryRenderer {

    private SummaryRenderer() {
    }

    public static String render(SummaryRow summary, SessionRow session, DownloadFormat format) {
        String period = session.startedAt() + " to " + (session.endedAt() == null ? "now (live)" : session.endedAt());
        StringBuilder out = new StringBuilder();
        if (format == DownloadFormat.MARKDOWN) {
            out.append("# Summary of ").append(markdown(session.meetingDisplayName())).append("\n\n");
            out.append("Session `").append(session.id()).append("`, ").append(period).append(".\n\n");
            if (summary.text() != null) {
                return out.append(summary.text()).append('\n').toString();
            }
            out.append("## Key points\n\n");
            for (TranscriptSummary.Highlight h : summary.highlights()) {
                out.append("- **").append(markdown(h.speaker())).append("** (")
                        .append(ExportWriter.clock(h.startMs(), '.'), 0, 8).append("): ")
                        .append(markdown(h.text())).append('\n');
            }
        } else {
            out.append("Summary of ").append(session.meetingDisplayName()).append('\n');
            out.append("Session ").append(session.id()).append(", ").append(period).append("\n\n");
            if (summary.text() != null) {
                return out.append(summary.text()).append('\n').toString();
            }
            for (TranscriptSummary.Highlight h : summary.highlights()) {
                out.append("- ").append(h.speaker()).append(": ").append(h.text()).append('\n');
            }
        }
        return out.toString();
    }

    /** Speakers and sentences are user text: their markdown characters are shown, not obeyed. */
    private static String markdown(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }
}

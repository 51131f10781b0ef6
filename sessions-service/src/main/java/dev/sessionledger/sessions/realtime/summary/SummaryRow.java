package dev.sessionledger.sessions.realtime.summary;

import java.util.List;

/**
 * A stored summary as a download renders it: its key sentences in transcript order, or the text
 * of a summary imported from RealtimeKit (null for a generated one).
 */
public record SummaryRow(List<TranscriptSummary.Highlight> highlights, String text) {
}

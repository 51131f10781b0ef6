package dev.sessionledger.sessions.realtime.summary;

import java.util.List;

/** A stored summary as a download renders it: its key sentences in transcript order. */
public record SummaryRow(List<TranscriptSummary.Highlight> highlights) {
}

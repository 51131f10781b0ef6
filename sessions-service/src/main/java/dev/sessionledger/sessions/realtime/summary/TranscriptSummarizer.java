package dev.sessionledger.sessions.realtime.summary;

import java.io.IOException;
import java.util.List;

import dev.sessionledger.sessions.realtime.recording.RecordingReader;

/**
 * Writes a summary from a transcript. Implementations are beans chosen by
 * {@code realtime.summary.backend}, so a language-model backend can replace the built-in one by configuration.
 */
public interface TranscriptSummarizer {

    /** The name {@code realtime.summary.backend} selects this summarizer by. */
    String name();

    /**
     * @param transcript    replays the transcript in time order each time it is read
     * @param maxSentences  the most sentences to keep
     * @return the key sentences in transcript order; empty only for an empty transcript
     */
    List<TranscriptSummary.Highlight> summarize(Transcript transcript, int maxSentences) throws IOException;

    /** A transcript that can be read more than once, one segment at a time. */
    @FunctionalInterface
    interface Transcript {
        void forEach(RecordingReader.RowSink<RecordingReader.TranscriptLine> sink) throws IOException;
    }
}

package dev.sessionledger.sessions.realtime.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.sessions.realtime.RealtimeConfig;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.meeting.RealtimeSessionRepository;
import dev.sessionledger.sessions.realtime.meeting.SessionRow;
import dev.sessionledger.sessions.realtime.recording.RecordingReader;
import io.quarkus.runtime.Startup;

/** Generates a session's summary from its transcript with the configured summarizer, and reads it back. */
@ApplicationScoped
@Startup
public class SummaryService {

    private final TranscriptSummarizer summarizer;
    private final int maxSentences;

    @Inject
    Clock clock;

    @Inject
    RealtimeSessionRepository sessions;

    @Inject
    TranscriptSummaryRepository summaries;

    @Inject
    RecordingReader reader;

    /** Fails start-up on an unknown backend rather than on the first summary. */
    @Inject
    public SummaryService(@Any Instance<TranscriptSummarizer> all, RealtimeConfig config) {
        String backend = config.summary().backend();
        summarizer = all.stream().filter(s -> s.name().equals(backend)).findFirst()
                .orElseThrow(() -> new IllegalStateException("realtime.summary.backend=" + backend
                        + " names no summarizer; known: " + all.stream().map(TranscriptSummarizer::name).toList()));
        maxSentences = config.summary().maxSentences();
    }

    /** Replaces the session's summary with a fresh one; a session without transcript is a 409. */
    @Transactional
    public Optional<TranscriptSummary> generate(RealtimeScope scope, UUID sessionId) {
        if (!sessions.exists(scope, sessionId)) {
            return Optional.empty();
        }
        List<TranscriptSummary.Highlight> highlights;
        try {
            highlights = summarizer.summarize(sink -> reader.transcript(scope.tenant(), sessionId, sink), maxSentences);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (highlights.isEmpty()) {
            throw Failure.conflict("Session " + sessionId + " has no transcript to summarize");
        }
        TranscriptSummary summary = new TranscriptSummary();
        summary.tenantId = scope.tenant();
        summary.sessionId = sessionId;
        summary.generator = summarizer.name();
        summary.highlights = highlights;
        summary.createdAt = Instant.now(clock);
        summaries.replace(summary);
        return Optional.of(summary);
    }

    /** The summary of a session the caller already found in its scope, if one was generated. */
    public Optional<SummaryRow> findOfFound(RealtimeScope scope, SessionRow session) {
        return summaries.findInTenant(scope.tenant(), session.id());
    }

    /** Whether a summary was generated for the session; an unknown session is a 404. */
    public boolean exists(RealtimeScope scope, UUID sessionId) {
        if (!sessions.exists(scope, sessionId)) {
            throw Failure.notFound("session", sessionId.toString());
        }
        return summaries.exists(scope.tenant(), sessionId);
    }
}

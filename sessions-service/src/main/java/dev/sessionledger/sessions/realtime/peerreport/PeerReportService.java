package dev.sessionledger.sessions.realtime.peerreport;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.participant.ParticipantService;

/** Stores peers' call statistics and reads them back, whole or narrowed by {@code filters}. */
@ApplicationScoped
public class PeerReportService {

    /** The parts of a report a caller may ask for; all but {@code quality_stats} are keys of its metadata. */
    static final List<String> FILTERS = List.of("device_info", "ip_information", "precall_network_information",
            "events", "quality_stats");

    @Inject
    Clock clock;

    @Inject
    ParticipantService participants;

    @Inject
    PeerReportRepository reports;

    /** A peer with its report narrowed to what was asked for. */
    public record PeerReportResult(ParticipantService.PeerWithEvents peer, Map<String, Object> metadata,
            Map<String, Object> quality) {
    }

    /** Replaces the peer's report in one statement, so that reports sent at once never collide on the key. */
    @Transactional
    public Optional<PeerReport> put(RealtimeScope scope, UUID peerId, PeerReportBody body) {
        if (body == null) {
            throw Failure.malformed("A JSON body is required");
        }
        if (participants.findPeer(scope, peerId, false).isEmpty()) {
            return Optional.empty();
        }
        PeerReport report = new PeerReport();
        report.tenantId = scope.tenant();
        report.peerId = peerId;
        report.metadata = body.metadata() == null ? Map.of() : body.metadata();
        report.quality = body.quality() == null ? Map.of() : body.quality();
        report.updatedAt = Instant.now(clock);
        reports.replace(report);
        return Optional.of(report);
    }

    /** @param filters the asked-for parts, empty for the whole report */
    public Optional<PeerReportResult> find(RealtimeScope scope, UUID peerId, Set<String> filters, boolean withEvents) {
        return participants.findPeer(scope, peerId, withEvents).map(peer -> {
            Optional<PeerReportRepository.Parts> report = reports.findInTenant(scope.tenant(), peerId);
            Map<String, Object> metadata = report.map(PeerReportRepository.Parts::metadata).orElse(Map.of());
            Map<String, Object> quality = report.map(PeerReportRepository.Parts::quality).orElse(Map.of());
            if (!filters.isEmpty()) {
                Map<String, Object> narrowed = new LinkedHashMap<>();
                metadata.forEach((key, value) -> {
                    if (filters.contains(key)) {
                        narrowed.put(key, value);
                    }
                });
                metadata = narrowed;
                quality = filters.contains("quality_stats") ? quality : Map.of();
            }
            return new PeerReportResult(peer, metadata, quality);
        });
    }
}

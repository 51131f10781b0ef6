package dev.sessionledger.sessions.realtime.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A meeting session and its peers as the facts of all its deliveries say, whatever order they came
 * in: every value is chosen from the set of facts by a rule that does not look at arrival (the
 * start's own time over any other, the earliest, the latest, the highest status), so any order of
 * the same deliveries projects the same meeting.
 */
public final class MeetingProjection {

    /** Statuses of recordings and livestreams in the order they pass through; a later one wins. */
    private static final List<String> STATUS_ORDER = List.of("INVOKED", "IDLE", "STARTING", "RECORDING", "LIVE",
            "PAUSED", "STOPPING", "STOPPED", "OFFLINE", "UPLOADING", "UPLOADED", "ERRORED");

    /**
     * Two deliveries of one kind that say the same times are told apart by everything else they
     * say, so that which one was stored first never decides.
     */
    private static final Comparator<Fact> BY_CONTENT = Comparator.comparing(Fact::title, nullsLast())
            .thenComparing(Fact::meetingId, nullsLast()).thenComparing(Fact::displayName, nullsLast())
            .thenComparing(Fact::customParticipantId, nullsLast()).thenComparing(Fact::userId, nullsLast())
            .thenComparing(Fact::joinedAt, nullsLast()).thenComparing(Fact::leftAt, nullsLast())
            .thenComparing(f -> String.valueOf(f.detail()));

    private static final Comparator<Fact> EARLIEST_JOIN = Comparator.comparing(Fact::joinedAt).thenComparing(BY_CONTENT);
    private static final Comparator<Fact> LATEST_LEAVE = Comparator.comparing(Fact::leftAt).reversed()
            .thenComparing(BY_CONTENT);

    private MeetingProjection() {
    }

    private static <T extends Comparable<? super T>> Comparator<T> nullsLast() {
        return Comparator.nullsLast(Comparator.naturalOrder());
    }

    /** The session's own fields. {@code endedAt} null: live. */
    public record SessionState(String meetingId, String title, Instant startedAt, Instant endedAt,
            Map<String, Object> meta) {
    }

    /** One peer as its join and leave say; {@code leftAt} null: still inside. */
    public record PeerState(UUID id, String displayName, String customParticipantId, String userId, Instant joinedAt,
            Instant leftAt) {
    }

    public record Meeting(SessionState session, List<PeerState> peers) {
    }

    /** @param facts every delivery of one session, this one's included (never empty) */
    public static Meeting of(List<Fact> facts) {
        Optional<Fact> started = earliest(facts, Delivery.STARTED);
        Optional<Fact> ended = earliest(facts, Delivery.ENDED);
        String meetingId = started.map(Fact::meetingId).filter(Objects::nonNull)
                .orElseGet(() -> least(facts.stream().map(Fact::meetingId)));
        String title = started.map(Fact::title).filter(Objects::nonNull)
                .orElseGet(() -> least(facts.stream().map(Fact::title)));
        List<PeerState> peers = peers(facts);
        Instant startedAt = started.map(Fact::startedAt).filter(Objects::nonNull)
                .orElseGet(() -> earliestOf(Stream.concat(facts.stream().map(Fact::startedAt),
                        peers.stream().map(PeerState::joinedAt)), facts));
        Instant endedAt = ended.map(f -> f.endedAt() != null ? f.endedAt()
                : latestOf(peers.stream().map(PeerState::leftAt), startedAt)).orElse(null);
        if (endedAt != null && endedAt.isBefore(startedAt)) {
            endedAt = startedAt;
        }
        List<PeerState> closed = new ArrayList<>();
        for (PeerState p : peers) {
            Instant leftAt = p.leftAt();
            if (leftAt == null && endedAt != null) {
                leftAt = endedAt.isBefore(p.joinedAt()) ? p.joinedAt() : endedAt;
            }
            closed.add(new PeerState(p.id(), p.displayName(), p.customParticipantId(), p.userId(), p.joinedAt(), leftAt));
        }
        String id = meetingId != null ? meetingId : "unknown";
        SessionState session = new SessionState(id, title != null ? title : id, startedAt, endedAt,
                meta(facts, ended));
        return new Meeting(session, closed);
    }

    /** Each peer from its join and its leave: the join's values over the leave's. */
    private static List<PeerState> peers(List<Fact> facts) {
        Map<UUID, Fact> joins = new TreeMap<>();
        Map<UUID, Fact> leaves = new TreeMap<>();
        for (Fact f : facts) {
            if (Delivery.JOINED.equals(f.event())) {
                joins.merge(f.peerId(), f, (a, b) -> EARLIEST_JOIN.compare(a, b) <= 0 ? a : b);
            } else if (Delivery.LEFT.equals(f.event())) {
                leaves.merge(f.peerId(), f, (a, b) -> LATEST_LEAVE.compare(a, b) <= 0 ? a : b);
            }
        }
        TreeMap<UUID, PeerState> peers = new TreeMap<>();
        for (UUID id : union(joins, leaves)) {
            Fact join = joins.get(id);
            Fact leave = leaves.get(id);
            Instant joinedAt = join != null ? join.joinedAt() : leave.joinedAt() != null ? leave.joinedAt() : leave.leftAt();
            Instant leftAt = leave == null ? null : leave.leftAt().isBefore(joinedAt) ? joinedAt : leave.leftAt();
            String name = first(join, leave, Fact::displayName);
            peers.put(id, new PeerState(id, name != null ? name : "Participant", first(join, leave,
                    Fact::customParticipantId), first(join, leave, Fact::userId), joinedAt, leftAt));
        }
        return List.copyOf(peers.values());
    }

    /** The end's reason, and the furthest status of every recording and livestream. */
    private static Map<String, Object> meta(List<Fact> facts, Optional<Fact> ended) {
        Map<String, Object> meta = new LinkedHashMap<>();
        ended.map(Fact::detail).map(d -> d.path("reason")).filter(JsonNode::isTextual)
                .ifPresent(r -> meta.put("end_reason", r.textValue()));
        Map<String, Object> recordings = furthest(facts, Delivery.RECORDING);
        if (!recordings.isEmpty()) {
            meta.put("recordings", recordings);
        }
        Map<String, Object> livestreams = furthest(facts, Delivery.LIVESTREAM);
        if (!livestreams.isEmpty()) {
            meta.put("livestreams", livestreams);
        }
        return meta;
    }

    /** Per recording (or livestream) id, the status object furthest along; ties go to the greater JSON text. */
    private static Map<String, Object> furthest(List<Fact> facts, String event) {
        Map<String, JsonNode> chosen = new TreeMap<>();
        Comparator<JsonNode> order = Comparator.<JsonNode>comparingInt(d -> rank(d.path("status").asText()))
                .thenComparing(JsonNode::toString);
        for (Fact f : facts) {
            if (event.equals(f.event()) && f.detail() != null) {
                chosen.merge(idOf(f.detail()), f.detail(), (a, b) -> order.compare(a, b) >= 0 ? a : b);
            }
        }
        return new LinkedHashMap<>(chosen);
    }

    private static String idOf(JsonNode detail) {
        for (String field : List.of("id", "recordingId", "livestreamId", "streamId")) {
            if (detail.path(field).isTextual()) {
                return detail.path(field).textValue();
            }
        }
        return "default";
    }

    private static int rank(String status) {
        int i = STATUS_ORDER.indexOf(status.toUpperCase(java.util.Locale.ROOT));
        return i < 0 ? -1 : i;
    }

    private static Optional<Fact> earliest(List<Fact> facts, String event) {
        return facts.stream().filter(f -> event.equals(f.event()))
                .min(Comparator.comparing(Fact::startedAt, MeetingProjection.<Instant>nullsLast())
                        .thenComparing(Fact::endedAt, MeetingProjection.<Instant>nullsLast())
                        .thenComparing(BY_CONTENT));
    }

    private static String least(Stream<String> values) {
        return values.filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The earliest instant named; with none, the earliest delivery (a meeting that says nothing of its times). */
    private static Instant earliestOf(Stream<Instant> instants, List<Fact> facts) {
        return instants.filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElseGet(() -> facts.stream().map(Fact::receivedAt).min(Comparator.naturalOrder()).orElseThrow());
    }

    private static Instant latestOf(Stream<Instant> instants, Instant fallback) {
        return instants.filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(fallback);
    }

    private static <T> T first(Fact join, Fact leave, Function<Fact, T> field) {
        T value = join == null ? null : field.apply(join);
        return value != null ? value : leave == null ? null : field.apply(leave);
    }

    private static List<UUID> union(Map<UUID, Fact> a, Map<UUID, Fact> b) {
        TreeMap<UUID, Boolean> all = new TreeMap<>();
        a.keySet().forEach(k -> all.put(k, true));
        b.keySet().forEach(k -> all.put(k, true));
        return List.copyOf(all.keySet());
    }
}

package dev.sessionledger.sessions.realtime.webhook;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.sessions.realtime.meeting.Durations;
import dev.sessionledger.sessions.realtime.meeting.PeerEvent;
import dev.sessionledger.sessions.realtime.webhook.MeetingProjection.PeerState;
import dev.sessionledger.sessions.realtime.webhook.MeetingProjection.SessionState;

/**
 * Writes a projected meeting over what is stored, set by set: the session in one upsert, the peers
 * it changes in one, the peers only files named (chat, transcript) in one, the events of the peers
 * that changed rebuilt in two.
 * Peer events get ids made from their peer, kind and time, so every rebuild writes the same rows.
 */
@ApplicationScoped
public class MeetingWriter {

    private static final String UPSERT_SESSION = """
            INSERT INTO rtk_session AS s (tenant_id, id, app_id, associated_id, meeting_display_name, type, status,
                                          meta, started_at, ended_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 'meeting', ?, CAST(? AS jsonb), ?, ?, ?, ?)
            ON CONFLICT (tenant_id, id) DO UPDATE SET
                associated_id = excluded.associated_id, meeting_display_name = excluded.meeting_display_name,
                status = excluded.status, meta = excluded.meta, started_at = excluded.started_at,
                ended_at = excluded.ended_at, created_at = excluded.created_at, updated_at = excluded.updated_at
            WHERE s.app_id = excluded.app_id
            """;

    private static final String UPSERT_PEERS = """
            INSERT INTO rtk_participant AS p (tenant_id, id, session_id, user_id, custom_participant_id, display_name,
                                              joined_at, left_at, duration_minutes, created_at, updated_at)
            SELECT ?, u.id::uuid, ?, u.user_id, u.cpi, u.name, u.joined::timestamptz, u.left_at::timestamptz,
                   u.minutes::numeric, u.joined::timestamptz, ?
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   AS u(id, user_id, cpi, name, joined, left_at, minutes)
             ORDER BY u.id
            ON CONFLICT (tenant_id, id) DO UPDATE SET
                user_id = excluded.user_id, custom_participant_id = excluded.custom_participant_id,
                display_name = excluded.display_name, joined_at = excluded.joined_at, left_at = excluded.left_at,
                duration_minutes = excluded.duration_minutes, created_at = excluded.created_at,
                updated_at = excluded.updated_at
            WHERE p.session_id = excluded.session_id
            """;

    /**
     * Peers a file names before (or without) their join: merged with what is known of them by rules
     * that do not depend on which file came first (earliest join, latest leave, least name).
     */
    private static final String MERGE_NAMED_PEERS = """
            INSERT INTO rtk_participant AS p (tenant_id, id, session_id, user_id, custom_participant_id, display_name,
                                              joined_at, left_at, duration_minutes, created_at, updated_at)
            SELECT ?, u.id::uuid, ?, u.user_id, u.cpi, u.name, u.joined::timestamptz, u.left_at::timestamptz,
                   round(extract(epoch FROM u.left_at::timestamptz - u.joined::timestamptz) / 60, 2),
                   u.joined::timestamptz, ?
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   AS u(id, user_id, cpi, name, joined, left_at)
             ORDER BY u.id
            ON CONFLICT (tenant_id, id) DO UPDATE SET
                user_id = least(p.user_id, excluded.user_id),
                custom_participant_id = least(p.custom_participant_id, excluded.custom_participant_id),
                display_name = least(p.display_name, excluded.display_name),
                joined_at = least(p.joined_at, excluded.joined_at),
                left_at = greatest(p.left_at, excluded.left_at),
                duration_minutes = round(extract(epoch FROM greatest(p.left_at, excluded.left_at)
                                                 - least(p.joined_at, excluded.joined_at)) / 60, 2),
                created_at = least(p.joined_at, excluded.joined_at), updated_at = excluded.updated_at
            WHERE p.session_id = excluded.session_id
            """;

    /**
     * Peers without a join or leave of their own leave when the session ends, or later if a file
     * says so: the later of the two, whichever was stored first.
     */
    private static final String CLOSE_OTHERS = """
            UPDATE rtk_participant p SET left_at = v.left_at,
                   duration_minutes = round(extract(epoch FROM v.left_at - p.joined_at) / 60, 2), updated_at = ?
              FROM (SELECT id, greatest(left_at, CAST(? AS timestamptz), joined_at) AS left_at
                      FROM rtk_participant
                     WHERE tenant_id = ? AND session_id = ? AND NOT (id = ANY(?::uuid[]))) v
             WHERE p.tenant_id = ? AND p.id = v.id AND p.left_at IS DISTINCT FROM v.left_at
            RETURNING p.id
            """;

    private static final String STORED_PEERS = """
            SELECT id, display_name, custom_participant_id, user_id, joined_at, left_at
              FROM rtk_participant WHERE tenant_id = ? AND session_id = ?
            """;

    private static final String OWN_PEERS =
            "SELECT id FROM rtk_participant WHERE tenant_id = ? AND session_id = ? AND id = ANY(?::uuid[])";

    private static final String PEERS_OF_SESSION =
            "SELECT id, joined_at, left_at, duration_minutes FROM rtk_participant WHERE tenant_id = ? AND session_id = ?"
                    + " AND id = ANY(?::uuid[])";

    private static final String DELETE_EVENTS = "DELETE FROM rtk_peer_event WHERE tenant_id = ? AND peer_id = ANY(?::uuid[])";

    private static final String INSERT_EVENTS = """
            INSERT INTO rtk_peer_event (tenant_id, id, session_id, peer_id, event_name, minutes_consumed, created_at)
            SELECT ?, u.id::uuid, ?, u.peer::uuid, u.name, u.minutes::numeric, u.at::timestamptz
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(id, peer, name, minutes, at)
             ORDER BY u.id
            """;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** @return false when the session id is another app's, which nothing of this delivery may change */
    public boolean upsertSession(String tenant, String app, UUID sessionId, SessionState s, Instant now) {
        String meta;
        try {
            meta = json.writeValueAsString(s.meta());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A session's meta could not be written", e);
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_SESSION)) {
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                ps.setString(3, app);
                ps.setString(4, s.meetingId());
                ps.setString(5, s.title());
                ps.setString(6, s.endedAt() == null ? "LIVE" : "ENDED");
                ps.setString(7, meta);
                DeliveryRepository.time(ps, 8, s.startedAt());
                DeliveryRepository.time(ps, 9, s.endedAt());
                DeliveryRepository.time(ps, 10, s.startedAt());
                DeliveryRepository.time(ps, 11, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The peers a join or leave describes, as projected. */
    public void upsertPeers(String tenant, UUID sessionId, List<PeerState> peers, Instant now) {
        writePeers(UPSERT_PEERS, tenant, sessionId, peers, now, true);
    }

    /** Peers a chat or transcript file names, merged into what is known of them. */
    public void mergeNamedPeers(String tenant, UUID sessionId, List<PeerState> peers, Instant now) {
        writePeers(MERGE_NAMED_PEERS, tenant, sessionId, peers, now, false);
    }

    /** One statement over the peers' columns as arrays, with their durations when {@code minutes}. */
    private void writePeers(String sql, String tenant, UUID sessionId, List<PeerState> peers, Instant now,
            boolean minutes) {
        if (peers.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                DeliveryRepository.time(ps, 3, now);
                ps.setArray(4, texts(c, peers.stream().map(p -> p.id().toString())));
                ps.setArray(5, texts(c, peers.stream().map(PeerState::userId)));
                ps.setArray(6, texts(c, peers.stream().map(PeerState::customParticipantId)));
                ps.setArray(7, texts(c, peers.stream().map(PeerState::displayName)));
                ps.setArray(8, texts(c, peers.stream().map(p -> p.joinedAt().toString())));
                ps.setArray(9, texts(c, peers.stream().map(p -> p.leftAt() == null ? null : p.leftAt().toString())));
                if (minutes) {
                    ps.setArray(10, texts(c, peers.stream().map(p -> p.leftAt() == null ? null
                            : Durations.minutes(p.joinedAt(), p.leftAt()).toPlainString())));
                }
                return ps.executeUpdate();
            }
        });
    }

    /** Closes, at the session's end, the peers still inside that no join or leave describes. */
    public List<UUID> closeOthers(String tenant, UUID sessionId, List<PeerState> described, Instant endedAt,
            Instant now) {
        if (endedAt == null) {
            return List.of();
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(CLOSE_OTHERS)) {
                DeliveryRepository.time(ps, 1, now);
                DeliveryRepository.time(ps, 2, endedAt);
                ps.setString(3, tenant);
                ps.setObject(4, sessionId);
                ps.setArray(5, c.createArrayOf("uuid", described.stream().map(PeerState::id).toArray()));
                ps.setString(6, tenant);
                List<UUID> closed = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        closed.add(rs.getObject(1, UUID.class));
                    }
                }
                return closed;
            }
        });
    }

    /** The session's peers as stored, to write only those a projection changes. */
    public Map<UUID, PeerState> storedPeers(String tenant, UUID sessionId) {
        return work(c -> {
            Map<UUID, PeerState> peers = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(STORED_PEERS)) {
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        peers.put(id, new PeerState(id, rs.getString(2), rs.getString(3), rs.getString(4),
                                DeliveryRepository.instant(rs, 5), DeliveryRepository.instant(rs, 6)));
                    }
                }
            }
            return peers;
        });
    }

    /** Which of {@code peers} are this session's (a peer id another session holds is not). */
    public Set<UUID> ownPeers(String tenant, UUID sessionId, Collection<UUID> peers) {
        return work(c -> {
            Set<UUID> own = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(OWN_PEERS)) {
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                ps.setArray(3, c.createArrayOf("uuid", peers.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        own.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return own;
        });
    }

    /** The created, joining and (once it left) leaving events of these peers of the session, written afresh. */
    public void rebuildPeerEvents(String tenant, UUID sessionId, Collection<UUID> peers) {
        if (peers.isEmpty()) {
            return;
        }
        work(c -> {
            List<UUID> ids = new ArrayList<>();
            List<String[]> events = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(PEERS_OF_SESSION)) {
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                ps.setArray(3, c.createArrayOf("uuid", peers.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID peer = rs.getObject(1, UUID.class);
                        Instant joined = DeliveryRepository.instant(rs, 2);
                        Instant left = DeliveryRepository.instant(rs, 3);
                        BigDecimal minutes = rs.getBigDecimal(4);
                        ids.add(peer);
                        events.add(event(peer, PeerEvent.CREATED, 0, joined, null));
                        events.add(event(peer, PeerEvent.JOINING, 1, joined, null));
                        if (left != null) {
                            events.add(event(peer, PeerEvent.LEAVING, 2, left, minutes));
                        }
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            try (PreparedStatement ps = c.prepareStatement(DELETE_EVENTS)) {
                ps.setString(1, tenant);
                ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_EVENTS)) {
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                for (int column = 0; column < 5; column++) {
                    int i = column;
                    ps.setArray(3 + column, texts(c, events.stream().map(e -> e[i])));
                }
                return ps.executeUpdate();
            }
        });
    }

    /**
     * A time-ordered id (UUIDv7 layout) that the event's peer, kind and time decide: the same event
     * always gets the same id, and a peer's events sort created, joining, leaving at one instant.
     */
    static UUID eventId(UUID peer, int rank, Instant at) {
        long msb = (Math.max(0, at.toEpochMilli()) << 16) | 0x7000L | rank;
        long lsb = (peer.getLeastSignificantBits() ^ Long.rotateLeft(peer.getMostSignificantBits(), 17))
                & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static String[] event(UUID peer, String name, int rank, Instant at, BigDecimal minutes) {
        return new String[] { eventId(peer, rank, at).toString(), peer.toString(), name,
                minutes == null ? null : minutes.toPlainString(), at.toString() };
    }

    private static java.sql.Array texts(Connection c, Stream<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}

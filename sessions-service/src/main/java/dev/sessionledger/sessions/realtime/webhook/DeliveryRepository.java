package dev.sessionledger.sessions.realtime.webhook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.ids.PrefixedId;

/**
 * The deliveries receivers accepted: one row each, found again among its session's deliveries by
 * its {@code rtk-uuid} or its body's hash (a retry may carry a new uuid), and the facts of all
 * deliveries of a session.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** Stored and applied to the meeting. */
    public static final String APPLIED = "applied";
    /** Stored, but its file could not be read: a redelivery tries again. */
    public static final String IMPORT_FAILED = "import_failed";

    /** Among the session's deliveries, each half by its unique index. */
    static final String SEEN = """
            SELECT outcome FROM rtk_webhook_delivery WHERE tenant_id = ? AND session_id = ? AND delivery_uuid = ?
            UNION ALL
            SELECT outcome FROM rtk_webhook_delivery WHERE tenant_id = ? AND session_id = ? AND body_sha256 = ?
            """;

    private static final String FORGET_FAILED = """
            DELETE FROM rtk_webhook_delivery
             WHERE tenant_id = ? AND session_id = ? AND (delivery_uuid = ? OR body_sha256 = ?)
               AND outcome = 'import_failed'
            """;

    private static final String INSERT = """
            INSERT INTO rtk_webhook_delivery (tenant_id, id, app_id, endpoint_id, delivery_uuid, body_sha256, event,
                session_id, meeting_id, title, started_at, ended_at, peer_id, display_name, custom_participant_id,
                user_id, joined_at, left_at, detail, outcome, import_error, received_at, download_url,
                download_expires_at, attempts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)
            """;

    /** Served by {@code rtk_webhook_delivery_failed_idx}; every tenant's, as a background pass reads them. */
    static final String RETRYABLE = """
            SELECT tenant_id, endpoint_id, delivery_uuid, body_sha256, attempts, event, session_id, meeting_id, title,
                   started_at, ended_at, peer_id, display_name, custom_participant_id, user_id, joined_at, left_at,
                   detail::text, download_url, download_expires_at
              FROM rtk_webhook_delivery
             WHERE outcome = 'import_failed' AND attempts < ? AND download_url IS NOT NULL
               AND (download_expires_at IS NULL OR download_expires_at > ?)
             ORDER BY received_at LIMIT ?
            """;

    private static final String GIVE_UP = """
            UPDATE rtk_webhook_delivery SET attempts = ?
             WHERE tenant_id = ? AND session_id = ? AND delivery_uuid = ? AND outcome = 'import_failed'
            """;

    static final String FACTS = """
            SELECT event, meeting_id, title, started_at, ended_at, peer_id, display_name, custom_participant_id,
                   user_id, joined_at, left_at, detail::text, received_at
              FROM rtk_webhook_delivery WHERE tenant_id = ? AND session_id = ?
            """;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * Deliveries of one session take turns until the transaction ends: each reads the facts the
     * others stored, and of two copies of one delivery the second finds the first.
     */
    public void lockSession(String tenant, UUID sessionId) {
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                ps.setString(1, tenant + '\u001f' + sessionId);
                ps.execute();
            }
            return null;
        });
    }

    /** The outcome of an earlier copy of this delivery ({@code applied} first), if one was stored. */
    public Optional<String> outcomeOfCopy(String tenant, UUID sessionId, String uuid, String bodyHash) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(SEEN)) {
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                ps.setString(3, uuid);
                ps.setString(4, tenant);
                ps.setObject(5, sessionId);
                ps.setString(6, bodyHash);
                Optional<String> outcome = Optional.empty();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (outcome.isEmpty() || APPLIED.equals(rs.getString(1))) {
                            outcome = Optional.of(rs.getString(1));
                        }
                    }
                }
                return outcome;
            }
        });
    }

    /** Forgets copies whose file could not be read, so that this one is stored in their place. */
    public void forgetFailedCopies(String tenant, UUID sessionId, String uuid, String bodyHash) {
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement(FORGET_FAILED)) {
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                ps.setString(3, uuid);
                ps.setString(4, bodyHash);
                return ps.executeUpdate();
            }
        });
    }

    /** A stored delivery whose file is to be read again, and the receiver it came to. */
    public record Retry(String tenantId, UUID endpointId, String uuid, String bodyHash, int attempts, Delivery delivery) {
    }

    /**
     * @param attempts how many times its file was read, this time included
     */
    public void insert(WebhookEndpoint endpoint, String uuid, String bodyHash, Delivery d, String outcome,
            String importError, Instant receivedAt, int attempts) {
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, endpoint.tenantId);
                ps.setObject(2, PrefixedId.newUuid());
                ps.setString(3, endpoint.appId);
                ps.setObject(4, endpoint.id);
                ps.setString(5, uuid);
                ps.setString(6, bodyHash);
                ps.setString(7, d.event());
                ps.setObject(8, d.sessionId());
                ps.setString(9, d.meetingId());
                ps.setString(10, d.title());
                time(ps, 11, d.startedAt());
                time(ps, 12, d.endedAt());
                ps.setObject(13, d.peerId());
                ps.setString(14, d.displayName());
                ps.setString(15, d.customParticipantId());
                ps.setString(16, d.userId());
                time(ps, 17, d.joinedAt());
                time(ps, 18, d.leftAt());
                ps.setString(19, d.detail() == null ? null : d.detail().toString());
                ps.setString(20, outcome);
                ps.setString(21, importError);
                time(ps, 22, receivedAt);
                ps.setString(23, d.downloadUrl() == null ? null : d.downloadUrl().toString());
                time(ps, 24, d.downloadExpiresAt());
                ps.setInt(25, attempts);
                return ps.executeUpdate();
            }
        });
    }

    /** The oldest deliveries whose file could not be read, read fewer than {@code maxAttempts} times, URL alive. */
    public List<Retry> retryable(int maxAttempts, Instant now, int limit) {
        return work(c -> {
            List<Retry> retries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(RETRYABLE)) {
                ps.setInt(1, maxAttempts);
                time(ps, 2, now);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Delivery d = new Delivery(rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
                                rs.getString(9), instant(rs, 10), instant(rs, 11), rs.getObject(12, UUID.class),
                                rs.getString(13), rs.getString(14), rs.getString(15), instant(rs, 16), instant(rs, 17),
                                tree(rs.getString(18)), java.net.URI.create(rs.getString(19)), instant(rs, 20));
                        retries.add(new Retry(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getInt(5), d));
                    }
                }
            }
            return retries;
        });
    }

    /** A delivery whose receiver is gone is not read again. */
    public void giveUp(Retry retry, int maxAttempts) {
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement(GIVE_UP)) {
                ps.setInt(1, maxAttempts);
                ps.setString(2, retry.tenantId());
                ps.setObject(3, retry.delivery().sessionId());
                ps.setString(4, retry.uuid());
                return ps.executeUpdate();
            }
        });
    }

    /** Every delivery's facts about the session; served by {@code rtk_webhook_delivery_uuid_key}. */
    public List<Fact> facts(String tenant, UUID sessionId) {
        return work(c -> {
            List<Fact> facts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(FACTS)) {
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        facts.add(new Fact(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                                instant(rs, 5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                                rs.getString(9), instant(rs, 10), instant(rs, 11), tree(rs.getString(12)),
                                instant(rs, 13)));
                    }
                }
            }
            return facts;
        });
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String text) throws SQLException {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("A stored delivery's detail is not JSON", e);
        }
    }

    static void time(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, at.atOffset(ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}

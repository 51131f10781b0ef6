package dev.sessionledger.sessions.realtime.peerreport;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A peer's call statistics (device, network, quality) as its client reported them. */
@Entity
@Table(name = "rtk_peer_report")
@IdClass(PeerReport.Key.class)
public class PeerReport {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "peer_id")
    public UUID peerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> metadata;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> quality;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** One report per peer, and peer ids are unique within a tenant only. */
    public record Key(String tenantId, UUID peerId) implements Serializable {
    }
}

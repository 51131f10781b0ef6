package dev.sessionledger.sessions.realtime;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A peer's call statistics (device, network, quality) as its client reported them. */
@Entity
@Table(name = "rtk_peer_report")
public class PeerReport {

    @Id
    @Column(name = "peer_id")
    public UUID peerId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> metadata;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> quality;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

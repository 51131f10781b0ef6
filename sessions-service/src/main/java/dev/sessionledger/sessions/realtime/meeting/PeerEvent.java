package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.sessionledger.sessions.realtime.RealtimeKey;

/** A moment in a peer's life: created, joining or leaving. */
@Entity
@Table(name = "rtk_peer_event")
@IdClass(RealtimeKey.class)
public class PeerEvent {

    public static final String CREATED = "PEER_CREATED";
    public static final String JOINING = "PEER_JOINING";
    public static final String LEAVING = "PEER_LEAVING";

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "peer_id", nullable = false)
    public UUID peerId;

    @Column(name = "event_name", nullable = false)
    public String eventName;

    @Column(name = "preset_view_type")
    public String presetViewType;

    @Column(name = "socket_session_id")
    public String socketSessionId;

    @Column(name = "minutes_consumed", precision = 14, scale = 2)
    public BigDecimal minutesConsumed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

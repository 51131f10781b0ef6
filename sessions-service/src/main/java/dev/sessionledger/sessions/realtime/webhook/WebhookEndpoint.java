package dev.sessionledger.sessions.realtime.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.sessionledger.sessions.realtime.RealtimeKey;

/** A receiver of RealtimeKit's deliveries for one tenant and app, at {@code /webhooks/realtimekit/{id}}. */
@Entity
@Table(name = "rtk_webhook_endpoint")
@IdClass(RealtimeKey.class)
public class WebhookEndpoint {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    /** Random: the receiver's address, which is all a delivery names. */
    @Id
    public UUID id;

    @Column(name = "app_id", nullable = false)
    public String appId;

    public String name;

    /** The PEM of the key that signs this receiver's deliveries; null for the configured one. */
    @Column(name = "public_key")
    public String publicKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

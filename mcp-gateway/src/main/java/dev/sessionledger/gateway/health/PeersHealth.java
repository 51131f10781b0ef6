package dev.sessionledger.gateway.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.api.HealthGroup;
import io.vertx.core.Vertx;

/**
 * Whether sessions-service and messages-service answer their readiness probe, at
 * {@code /q/health/group/peers} and as {@code gateway_peer_up{peer=...}}. Not part of this
 * replica's readiness: a replica cannot mend a peer, and taking every replica out of the Ingress
 * while messages-service is away would stop best_effort traffic that still passes (and is counted
 * as dropped) without it. Each peer is asked every {@link #EVERY} on a worker thread; the check
 * and the gauge read the last answers, so neither ever waits on a peer.
 */
@Startup
@HealthGroup("peers")
@ApplicationScoped
public class PeersHealth implements HealthCheck {

    static final Duration EVERY = Duration.ofSeconds(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    /** One peer's last answer. */
    private static final class Peer {
        final URI probe;
        volatile boolean up;
        volatile String detail = "not asked yet";

        Peer(String baseUrl) {
            probe = URI.create(baseUrl.replaceAll("/+$", "") + "/q/health/ready");
        }
    }

    @ConfigProperty(name = "quarkus.rest-client.sessions.url")
    String sessionsUrl;

    @ConfigProperty(name = "quarkus.rest-client.messages.url")
    String messagesUrl;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    @PostConstruct
    void start() {
        peers.put("sessions-service", new Peer(sessionsUrl));
        peers.put("messages-service", new Peer(messagesUrl));
        peers.forEach((name, peer) -> Gauge.builder("gateway.peer.up", peer, p -> p.up ? 1 : 0)
                .tag("peer", name).description("1 while the peer answers its readiness probe").register(registry));
        askAll();
        vertx.setPeriodic(EVERY.toMillis(), id -> askAll());
    }

    private void askAll() {
        vertx.executeBlocking(() -> {
            peers.values().forEach(this::ask);
            return null;
        }, false);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("peers").up();
        peers.forEach((name, peer) -> {
            boolean up = peer.up;
            response.withData(name, up ? "reachable" : "unreachable: " + peer.detail);
            if (!up) {
                response.down();
            }
        });
        return response.build();
    }

    private void ask(Peer peer) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(peer.probe).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            peer.up = answer.statusCode() == 200;
            peer.detail = "readiness answered " + answer.statusCode();
        } catch (IOException e) {
            peer.up = false;
            peer.detail = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            peer.up = false;
            peer.detail = "interrupted";
        }
    }
}

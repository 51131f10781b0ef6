package dev.sessionledger.sessions.realtime.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

import dev.sessionledger.sessions.realtime.RealtimeConfig;

/**
 * Every {@code realtime.webhooks.retry-interval}, reads again the files RealtimeKit's deliveries
 * named that could not be read (a timeout, the storage answering 5xx): RealtimeKit does not redeliver
 * what was answered 2xx, so this pass is what keeps a transient failure from losing a chat or a
 * transcript. Any replica may run it; two at once apply a file once, as two copies of a delivery.
 */
@ApplicationScoped
public class FailedImportRetries {

    private static final Logger LOG = Logger.getLogger(FailedImportRetries.class);
    /** Deliveries read again per pass. */
    static final int BATCH = 20;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    RealtimeConfig config;

    void start(@Observes StartupEvent event, Vertx vertx) {
        vertx.setPeriodic(config.webhooks().retryInterval().toMillis(), id -> vertx.executeBlocking(() -> {
            retry();
            return null;
        }, false));
    }

    /** One pass; how many files it imported. */
    public int retry() {
        try {
            return deliveries.retryFailedImports(BATCH);
        } catch (RuntimeException e) {
            // The database is away: the next pass reads what this one could not.
            LOG.warnf("failed webhook imports not read again: %s", e.toString());
            return 0;
        }
    }
}

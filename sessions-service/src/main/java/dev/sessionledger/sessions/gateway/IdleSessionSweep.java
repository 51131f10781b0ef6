package dev.sessionledger.sessions.gateway;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Ends the gateway's sessions that went without traffic past their idle timeout, here rather than
 * in a gateway replica: no replica has to hold the session or a caller's token that may since have
 * expired. Every replica of this service sweeps; locked rows are skipped, so two never end the
 * same session or wait on each other.
 */
@ApplicationScoped
public class IdleSessionSweep {

    private static final Logger LOG = Logger.getLogger(IdleSessionSweep.class);
    /** Sessions ended per transaction; a longer backlog takes more transactions of the same sweep. */
    static final int BATCH = 100;

    @Inject
    GatewaySessionService sessions;

    @ConfigProperty(name = "sessionledger.gateway-sessions.sweep-interval", defaultValue = "15S")
    Duration interval;

    void start(@Observes StartupEvent event, Vertx vertx) {
        vertx.setPeriodic(interval.toMillis(), id -> vertx.executeBlocking(() -> {
            sweep();
            return null;
        }, false));
    }

    /** Ends every session idle past its deadline; how many it ended. */
    public int sweep() {
        int total = 0;
        try {
            int ended;
            do {
                ended = sessions.endIdle(BATCH);
                total += ended;
            } while (ended == BATCH);
        } catch (RuntimeException e) {
            // The database is away: the next sweep ends what this one could not.
            LOG.warnf("idle gateway sessions not swept: %s", e.toString());
        }
        if (total > 0) {
            LOG.infof("%d gateway sessions idle past their timeout ended", total);
        }
        return total;
    }
}

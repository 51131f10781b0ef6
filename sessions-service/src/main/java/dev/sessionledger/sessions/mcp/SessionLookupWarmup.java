package dev.sessionledger.sessions.mcp;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.sessionledger.commons.errors.Failure;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the internal session look-up once before the service takes requests. messages-service gives
 * each look-up well under a second (it must answer its own caller within one); the first look-up a
 * fresh service serves otherwise spends most of that on its own first run (its queries compiled,
 * the first connection lent), and the first ingest after a start would be a 503.
 */
@ApplicationScoped
public class SessionLookupWarmup {

    private static final Logger LOG = Logger.getLogger(SessionLookupWarmup.class);
    private static final String NOBODY = "warm-up";
    private static final UUID NO_ID = new UUID(0, 0);

    @Inject
    SessionLookupService lookup;

    void warm(@Observes StartupEvent start) {
        long began = System.nanoTime();
        try {
            lookup.lookup(NOBODY, NO_ID, NO_ID, NO_ID);
        } catch (Failure expected) {
            // no such session: the answer every warm-up gets
        } catch (RuntimeException e) {
            LOG.warnf("The session look-up could not be warmed up: %s", e.toString());
            return;
        }
        LOG.debugf("Session look-up warmed up in %d ms", (System.nanoTime() - began) / 1_000_000);
    }
}

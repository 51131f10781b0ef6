package dev.sessionledger.messages.message;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Runs the internal reads sessions-service asks for (senders of messages, totals of sessions) once
 * before the service takes requests: sessions-service gives each well under a second, and a fresh
 * service would otherwise spend most of that on its own first run of it.
 */
@ApplicationScoped
public class InternalReadsWarmup {

    private static final Logger LOG = Logger.getLogger(InternalReadsWarmup.class);

    @Inject
    SessionMessageService messages;

    void warm(@Observes StartupEvent start) {
        List<UUID> none = List.of(new UUID(0, 0));
        try {
            messages.senders("warm-up", none);
            messages.totals("warm-up", none);
        } catch (RuntimeException e) {
            LOG.warnf("The internal reads could not be warmed up: %s", e.toString());
        }
    }
}

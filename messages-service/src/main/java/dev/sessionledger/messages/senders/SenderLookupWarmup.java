package dev.sessionledger.messages.senders;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.sessionledger.messages.message.SessionMessageService;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the internal sender look-up once before the service takes requests: sessions-service gives
 * each look-up well under a second, and a fresh service would otherwise spend most of that on its
 * own first run of it.
 */
@ApplicationScoped
public class SenderLookupWarmup {

    private static final Logger LOG = Logger.getLogger(SenderLookupWarmup.class);

    @Inject
    SessionMessageService messages;

    void warm(@Observes StartupEvent start) {
        try {
            messages.senders("warm-up", List.of(new UUID(0, 0)));
        } catch (RuntimeException e) {
            LOG.warnf("The sender look-up could not be warmed up: %s", e.toString());
        }
    }
}

package dev.sessionledger.sessions.realtime.webhook;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.auth.Sha256;
import dev.sessionledger.sessions.realtime.RealtimeConfig;
import dev.sessionledger.sessions.realtime.webhook.MeetingProjection.Meeting;

/**
 * Takes one delivery: finds its receiver, checks its signature before reading the body, reads
 * the body, reads the file it names (outside any transaction), then in one transaction stores it
 * once and rebuilds its meeting session from the facts of all the session's deliveries. Nothing of
 * a delivery is stored unless all of it is.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);

    /** What became of a delivery, as its answer says. */
    public enum Outcome {
        /** Stored, and its meeting rebuilt. */
        APPLIED,
        /** A copy of one stored before: nothing changed. */
        DUPLICATE,
        /** An event the ledger does not keep: acknowledged, logged and counted. */
        IGNORED,
        /** Stored, but its file could not be read; a redelivery tries again. */
        IMPORT_FAILED;

        /** As answers and metrics name it. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Receipt(String event, Outcome outcome, String importError) {
    }

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    WebhookEndpointRepository endpoints;

    @Inject
    WebhookKeys keys;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    MeetingRebuild imports;

    @Inject
    FileFetcher files;

    @Inject
    RealtimeConfig config;

    @Inject
    MeterRegistry metrics;

    public Receipt receive(UUID endpointId, byte[] body, String signature, String deliveryUuid) {
        // Short transactions of their own: no connection is held while the file is read.
        WebhookEndpoint endpoint = QuarkusTransaction.requiringNew().call(() -> endpoints.findByAddress(endpointId))
                .orElseThrow(() -> Failure.notFound("webhook endpoint", endpointId.toString()));
        PublicKey key = keys.keyFor(endpoint).orElseThrow(() -> {
            LOG.warnf("Webhook endpoint %s has no key to check deliveries with (set REALTIMEKIT_WEBHOOK_PUBLIC_KEY)",
                    endpointId);
            return Failure.of(Failure.Kind.UNAUTHENTICATED, "This receiver has no key to check deliveries with");
        });
        if (!WebhookKeys.verifies(key, body, signature)) {
            throw Failure.of(Failure.Kind.UNAUTHENTICATED,
                    "The rtk-signature header is missing or does not sign this body with RealtimeKit's key");
        }
        if (body.length > config.webhooks().maxBodyBytes()) {
            throw Failure.of(Failure.Kind.BODY_TOO_LARGE, "A delivery is at most " + config.webhooks().maxBodyBytes()
                    + " bytes");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            throw Failure.malformed("The delivery's body is not JSON");
        }
        if (tree == null) {
            throw Failure.malformed("The delivery's body is empty");
        }
        String event = DeliveryParser.event(tree);
        if (!DeliveryParser.kept(event)) {
            LOG.infof("Webhook endpoint %s: ignored a delivery of event %s, which the ledger does not keep",
                    endpointId, event);
            metrics.counter("realtimekit_webhook_deliveries_ignored_total").increment();
            return new Receipt(event, Outcome.IGNORED, null);
        }
        Delivery delivery = DeliveryParser.parse(tree, event);
        String hash = HexFormat.of().formatHex(Sha256.of(body));
        String uuid = deliveryUuid == null || deliveryUuid.isBlank() ? "sha256:" + hash : deliveryUuid.strip();
        if (uuid.length() > 128) {
            throw Failure.invalid("rtk-uuid", "must be at most 128 characters");
        }
        if (delivery.imports() && QuarkusTransaction.requiringNew()
                .call(() -> deliveries.outcomeOfCopy(endpoint.tenantId, delivery.sessionId(), uuid, hash))
                .filter(DeliveryRepository.APPLIED::equals).isPresent()) {
            return new Receipt(event, Outcome.DUPLICATE, null);
        }
        Read read = delivery.imports() ? read(delivery) : Read.NOTHING;
        Receipt receipt = QuarkusTransaction.requiringNew()
                .call(() -> apply(endpoint, delivery, uuid, hash, read, 1));
        metrics.counter("realtimekit_webhook_deliveries_total", "event", event, "outcome", receipt.outcome().wire())
                .increment();
        if (receipt.outcome() == Outcome.IMPORT_FAILED) {
            LOG.warnf("Webhook endpoint %s: the file of %s for session %s could not be imported: %s", endpointId,
                    event, delivery.sessionId(), read.error());
        }
        return receipt;
    }

    /**
     * Reads again the files of deliveries that could not be read, oldest first, while their URLs
     * live and at most {@code realtime.webhooks.max-import-attempts} times each; how many it read.
     */
    public int retryFailedImports(int limit) {
        int maxAttempts = config.webhooks().maxImportAttempts();
        List<DeliveryRepository.Retry> retries = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.retryable(maxAttempts, Instant.now(clock), limit));
        int imported = 0;
        for (DeliveryRepository.Retry retry : retries) {
            Optional<WebhookEndpoint> endpoint = QuarkusTransaction.requiringNew()
                    .call(() -> endpoints.findByAddress(retry.endpointId()));
            if (endpoint.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> deliveries.giveUp(retry, maxAttempts));
                continue;
            }
            Read read = read(retry.delivery());
            Receipt receipt = QuarkusTransaction.requiringNew().call(() -> apply(endpoint.get(), retry.delivery(),
                    retry.uuid(), retry.bodyHash(), read, retry.attempts() + 1));
            if (receipt.outcome() == Outcome.APPLIED) {
                imported++;
                LOG.infof("The file of %s for session %s was imported on attempt %d", receipt.event(),
                        retry.delivery().sessionId(), retry.attempts() + 1);
            }
            metrics.counter("realtimekit_webhook_import_retries_total", "outcome", receipt.outcome().wire()).increment();
        }
        return imported;
    }

    private Receipt apply(WebhookEndpoint endpoint, Delivery delivery, String uuid, String hash, Read read,
            int attempts) {
        String tenant = endpoint.tenantId;
        deliveries.lockSession(tenant, delivery.sessionId());
        Optional<String> copy = deliveries.outcomeOfCopy(tenant, delivery.sessionId(), uuid, hash);
        if (copy.filter(DeliveryRepository.APPLIED::equals).isPresent()) {
            return new Receipt(delivery.event(), Outcome.DUPLICATE, null);
        }
        if (copy.isPresent()) {
            deliveries.forgetFailedCopies(tenant, delivery.sessionId(), uuid, hash);
        }
        Instant now = Instant.now(clock);
        String outcome = read.error() == null ? DeliveryRepository.APPLIED : DeliveryRepository.IMPORT_FAILED;
        deliveries.insert(endpoint, uuid, hash, delivery, outcome, read.error(), now, attempts);
        Meeting meeting = MeetingProjection.of(deliveries.facts(tenant, delivery.sessionId()));
        imports.write(endpoint, delivery, meeting, read.file(), now);
        return new Receipt(delivery.event(), read.error() == null ? Outcome.APPLIED : Outcome.IMPORT_FAILED,
                read.error());
    }

    /** The delivery's file, read and checked, or why not. */
    private Read read(Delivery delivery) {
        try {
            byte[] bytes = files.fetch(delivery.downloadUrl());
            return new Read(imports.readFile(delivery, bytes), null);
        } catch (FileFetcher.FetchFailed | FileReader.Unreadable e) {
            return new Read(null, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "The file of %s for session %s could not be read", delivery.event(), delivery.sessionId());
            return new Read(null, "the file could not be read");
        }
    }

    private record Read(ImportedFile file, String error) {
        static final Read NOTHING = new Read(null, null);
    }

}

package dev.sessionledger.gateway.recording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.peers.PeerFailures;
import dev.sessionledger.gateway.config.GatewayConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Writes passing messages to messages-service's batch ingest, in the order they passed, one request
 * per session and token. Two ways:
 * <ul>
 * <li>{@link #record} (best_effort): queued in a bounded buffer, never holding up the traffic; one
 * writer thread takes what is queued in batches, sends the sessions' batches at once (a session's
 * own in order) and tries a batch messages-service did not take
 * again, with back-off, for {@code gateway.recording.retry-for} (its idempotency keys make a retry
 * store nothing twice). A message that finds the buffer full, or whose batch is refused or never
 * taken, is counted in {@code gateway_messages_dropped_total} and logged: never dropped silently.</li>
 * <li>{@link #recordNow} (audit): written before the caller goes on; a failure is the caller's to
 * answer (the message is then not passed on).</li>
 * </ul>
 * {@code gateway_recording_lag_seconds} is each message's time from passing to stored.
 */
@ApplicationScoped
public class MessageRecorder {

    private static final Logger LOG = Logger.getLogger(MessageRecorder.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5000;
    /** On shutdown, how long what is still queued may take to be written. */
    private static final long SHUTDOWN_FLUSH_MILLIS = 10_000;

    @Inject
    GatewayConfig config;

    @Inject
    @RestClient
    MessagesRestClient client;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private BlockingQueue<RecordedMessage> buffer;
    private Counter dropped;
    private Counter recorded;
    private Counter retried;
    private Timer lag;
    private Thread writer;
    private ExecutorService senders;
    private volatile boolean stopping;

    /** Why a batch was not stored, and whether trying it again could change that. */
    private record Refusal(String why, boolean worthRetrying) {
    }

    @PostConstruct
    void start() {
        buffer = new ArrayBlockingQueue<>(config.recording().bufferSize());
        dropped = Counter.builder("gateway.messages.dropped")
                .description("MCP messages that passed the gateway but could not be recorded").register(registry);
        recorded = Counter.builder("gateway.messages.recorded")
                .description("MCP messages recorded through messages-service").register(registry);
        retried = Counter.builder("gateway.recording.retries")
                .description("Batches sent to messages-service again after it did not take them").register(registry);
        lag = Timer.builder("gateway.recording.lag")
                .description("From a message passing the gateway to messages-service acknowledging it stored")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
        registry.gauge("gateway.recording.buffered", buffer, BlockingQueue::size);
        AtomicInteger sender = new AtomicInteger();
        senders = Executors.newFixedThreadPool(config.recording().concurrency(), task -> {
            Thread thread = new Thread(task, "gateway-recorder-" + sender.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        writer = new Thread(this::writeLoop, "gateway-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes what is queued before the process ends; what cannot be written in time is counted and logged. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        writer.join(SHUTDOWN_FLUSH_MILLIS);
        writer.interrupt();
        senders.shutdownNow();
        List<RecordedMessage> left = new ArrayList<>();
        buffer.drainTo(left);
        lost(left, "the gateway stopped before they were written");
    }

    /** Queues a message to be recorded; never blocks. */
    public void record(RecordedMessage message) {
        if (!buffer.offer(message)) {
            dropped.increment();
            LOG.warnf("recording buffer full (%d): message %s of session %s dropped",
                    config.recording().bufferSize(), message.idempotencyKey(), message.sessionId());
        }
    }

    /**
     * Records messages of one session and token durably before returning (audit); a
     * {@code Failure} of kind unavailable when messages-service does not take them.
     */
    public void recordNow(List<RecordedMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Refusal refusal = send(messages);
        if (refusal != null) {
            LOG.warnf("%d messages of session %s not recorded, so not passed on: %s", messages.size(),
                    messages.get(0).sessionId(), refusal.why());
            throw Failure.unavailable("The message cannot be recorded right now, so it was not passed on; retry in "
                    + PeerFailures.RETRY_AFTER_SECONDS + " seconds", PeerFailures.RETRY_AFTER_SECONDS);
        }
    }

    private void writeLoop() {
        int batchSize = config.recording().batchSize();
        long linger = config.recording().flushInterval().toNanos();
        List<RecordedMessage> taken = new ArrayList<>(batchSize);
        while (!stopping || !buffer.isEmpty()) {
            try {
                RecordedMessage first = buffer.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                long deadline = System.nanoTime() + linger;
                while (taken.size() < batchSize) {
                    long left = deadline - System.nanoTime();
                    RecordedMessage next = left <= 0 ? buffer.poll() : buffer.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    taken.add(next);
                }
                write(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lost(taken, "the gateway is stopping");
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "recording writer failed on %d messages", taken.size());
                dropped.increment(taken.size());
            } finally {
                taken.clear();
            }
        }
    }

    /**
     * Each session's messages in one request, in the order they passed; the sessions' requests at
     * once, up to {@code gateway.recording.concurrency}. The next batches wait for all of them, so
     * a session's messages are never stored out of their order.
     */
    private void write(List<RecordedMessage> messages) throws InterruptedException {
        Map<String, List<RecordedMessage>> bySession = new LinkedHashMap<>();
        for (RecordedMessage message : messages) {
            bySession.computeIfAbsent(message.sessionId() + " " + message.authorization(), k -> new ArrayList<>()).add(message);
        }
        if (bySession.size() == 1) {
            writeBatch(messages);
            return;
        }
        List<Future<?>> sent = new ArrayList<>(bySession.size());
        for (List<RecordedMessage> batch : bySession.values()) {
            sent.add(senders.submit(() -> {
                try {
                    writeBatch(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    lost(batch, "the gateway is stopping");
                }
            }));
        }
        for (Future<?> batch : sent) {
            try {
                batch.get();
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "recording a batch failed");
            }
        }
    }

    /** One session's batch, tried until it is taken or the retry time is up; what is not taken is counted. */
    private void writeBatch(List<RecordedMessage> batch) throws InterruptedException {
        long giveUp = System.nanoTime() + config.recording().retryFor().toNanos();
        long backoff = FIRST_BACKOFF_MILLIS;
        Refusal refusal = send(batch);
        while (refusal != null && refusal.worthRetrying() && !stopping && System.nanoTime() + backoff * 1_000_000 < giveUp) {
            Thread.sleep(backoff);
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            retried.increment();
            refusal = send(batch);
        }
        if (refusal != null) {
            lost(batch, refusal.why());
        }
    }

    /** Sends one batch; null when messages-service stored it. */
    private Refusal send(List<RecordedMessage> batch) {
        RecordedMessage head = batch.get(0);
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("messages");
        for (RecordedMessage message : batch) {
            ObjectNode item = items.addObject();
            item.set("payload", message.payload());
            item.putObject("sender").put("type", message.sender()).put("id", message.senderId());
            item.put("server_session_id", message.serverSessionId());
            item.put("provider_run_id", message.providerRunId());
            item.put("participant_id", message.participantId());
            item.put("idempotency_key", message.idempotencyKey());
        }
        try (Response response = client.record(head.authorization(), head.sessionId(), body)) {
            int status = response.getStatus();
            if (status / 100 == 2) {
                recorded.increment(batch.size());
                long now = System.nanoTime();
                for (RecordedMessage message : batch) {
                    lag.record(now - message.passedNanos(), TimeUnit.NANOSECONDS);
                }
                return null;
            }
            String answer = response.hasEntity() ? response.readEntity(String.class) : "";
            // 429 and 5xx are messages-service (or a peer of it) not able to store now; another 4xx is a refusal of these messages.
            return new Refusal("messages-service answered " + status + (answer.isEmpty() ? "" : ": " + answer),
                    status == 429 || status >= 500);
        } catch (RuntimeException e) {
            return new Refusal("messages-service did not answer: " + e, true);
        }
    }

    private void lost(List<RecordedMessage> batch, String why) {
        if (batch.isEmpty()) {
            return;
        }
        dropped.increment(batch.size());
        LOG.warnf("%d messages of session %s not recorded (%s to %s): %s", batch.size(), batch.get(0).sessionId(),
                batch.get(0).idempotencyKey(), batch.get(batch.size() - 1).idempotencyKey(), why);
    }

    /** Messages queued and not yet written. */
    public int buffered() {
        return buffer.size();
    }
}

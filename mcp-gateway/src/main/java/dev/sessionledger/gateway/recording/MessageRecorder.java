package dev.sessionledger.gateway.recording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

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

import dev.sessionledger.gateway.config.GatewayConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

/**
 * best_effort recording: a message is queued as it passes (never holding up the traffic) in a
 * bounded buffer, and one writer thread sends what is queued to messages-service in batches, one
 * request per session and token, in the order the messages passed. A message that finds the buffer
 * full, or whose batch messages-service does not take, is counted in
 * {@code gateway_messages_dropped_total} and logged: never dropped silently. A batch is sent once;
 * its idempotency keys (session, direction, sequence) would make a retry store nothing twice.
 */
@ApplicationScoped
public class MessageRecorder {

    private static final Logger LOG = Logger.getLogger(MessageRecorder.class);

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
    private Thread writer;
    private volatile boolean running = true;

    @PostConstruct
    void start() {
        buffer = new ArrayBlockingQueue<>(config.recording().bufferSize());
        dropped = Counter.builder("gateway.messages.dropped")
                .description("MCP messages that passed the gateway but could not be recorded").register(registry);
        recorded = Counter.builder("gateway.messages.recorded")
                .description("MCP messages recorded through messages-service").register(registry);
        registry.gauge("gateway.recording.buffered", buffer, BlockingQueue::size);
        writer = new Thread(this::writeLoop, "gateway-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        writer.interrupt();
    }

    /** Queues a message to be recorded; never blocks. */
    public void record(RecordedMessage message) {
        if (!buffer.offer(message)) {
            dropped.increment();
            LOG.warnf("recording buffer full (%d): message %s of session %s dropped",
                    config.recording().bufferSize(), message.idempotencyKey(), message.sessionId());
        }
    }

    private void writeLoop() {
        int batchSize = config.recording().batchSize();
        long linger = config.recording().flushInterval().toNanos();
        List<RecordedMessage> taken = new ArrayList<>(batchSize);
        while (running) {
            try {
                RecordedMessage first = buffer.poll(1, TimeUnit.SECONDS);
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
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "recording writer failed on %d messages", taken.size());
                dropped.increment(taken.size());
            } finally {
                taken.clear();
            }
        }
    }

    private void write(List<RecordedMessage> messages) {
        Map<String, List<RecordedMessage>> bySession = new LinkedHashMap<>();
        for (RecordedMessage message : messages) {
            bySession.computeIfAbsent(message.sessionId() + " " + message.authorization(), k -> new ArrayList<>()).add(message);
        }
        for (List<RecordedMessage> batch : bySession.values()) {
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
                if (response.getStatus() / 100 == 2) {
                    recorded.increment(batch.size());
                } else {
                    lost(batch, "messages-service answered " + response.getStatus()
                            + (response.hasEntity() ? ": " + response.readEntity(String.class) : ""));
                }
            } catch (RuntimeException e) {
                lost(batch, "messages-service did not answer: " + e);
            }
        }
    }

    private void lost(List<RecordedMessage> batch, String why) {
        dropped.increment(batch.size());
        LOG.warnf("%d messages of session %s not recorded (%s to %s): %s", batch.size(), batch.get(0).sessionId(),
                batch.get(0).idempotencyKey(), batch.get(batch.size() - 1).idempotencyKey(), why);
    }

    /** Messages queued and not yet written. */
    public int buffered() {
        return buffer.size();
    }
}

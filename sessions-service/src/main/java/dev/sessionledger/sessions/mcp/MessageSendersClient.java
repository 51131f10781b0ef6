package dev.sessionledger.sessions.mcp;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.sessionledger.commons.errors.Failure;

/**
 * Asks messages-service who sent some messages, for the participants filter {@code session_message_id}.
 * A participants list waits on this call, so a peer that cannot answer must cost it well under a
 * second: 600 ms for an answer (the look-up takes a few milliseconds; the margin is for a cold start
 * or a busy machine), one quick retry only for a
 * refused connection (a restarting pod), none after a timeout (a stalled peer would only stall
 * again), and a circuit breaker so that an outage that lasts fails such lists at once (503). The
 * caller's token is forwarded so messages-service applies the same tenant.
 */
@ApplicationScoped
public class MessageSendersClient {

    private final MessagesApi api;

    MessageSendersClient(@RestClient MessagesApi api) {
        this.api = api;
    }

    @Timeout(value = 600, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, abortOn = { Failure.class, TimeoutException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = Failure.class)
    public List<MessagesApi.Sender> senders(String authorization, List<String> messageIds) {
        MessagesApi.Senders answer = api.senders(authorization, messageIds);
        return answer == null || answer.items() == null ? List.of() : answer.items();
    }
}

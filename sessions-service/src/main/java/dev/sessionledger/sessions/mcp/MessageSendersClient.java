package dev.sessionledger.sessions.mcp;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.sessionledger.commons.errors.ApiException;

/**
 * Asks messages-service who sent some messages, for the participants filter {@code session_message_id}.
 * A participants list waits on this call, so it is bounded: a short timeout, two quick retries for a
 * blip, and a circuit breaker so that a messages-service outage fails such lists fast (503) instead
 * of tying up request threads. The caller's token is forwarded so messages-service applies the same tenant.
 */
@ApplicationScoped
public class MessageSendersClient {

    private final MessagesApi api;

    MessageSendersClient(@RestClient MessagesApi api) {
        this.api = api;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    public List<MessagesApi.Sender> senders(String authorization, List<String> messageIds) {
        MessagesApi.Senders answer = api.senders(authorization, messageIds);
        return answer == null || answer.items() == null ? List.of() : answer.items();
    }
}

package dev.sessionledger.sessions.mcp;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks messages-service how many messages some sessions hold, once for a whole page of sessions.
 * Every session list and get waits on this call and shows the session without its usage when it
 * fails, so a peer that cannot answer must cost the caller little: 600 ms for an answer (a few
 * primary-key reads; the margin is for a cold start or a busy machine), one quick retry of a call
 * that failed at once (a refused connection of a restarting pod, an error status), none after a
 * timeout (a stalled peer would only stall again), and a circuit breaker so that an outage that
 * lasts leaves lists without usage at once instead of each waiting out its timeout. The caller's
 * token is forwarded so messages-service applies the same tenant.
 */
@ApplicationScoped
public class MessageTotalsClient {

    private final MessagesApi api;

    MessageTotalsClient(@RestClient MessagesApi api) {
        this.api = api;
    }

    @Timeout(value = 600, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, abortOn = TimeoutException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public List<MessagesApi.Totals> totals(String authorization, List<String> sessionIds) {
        MessagesApi.SessionTotals answer = api.totals(authorization, sessionIds);
        return answer == null || answer.items() == null ? List.of() : answer.items();
    }
}

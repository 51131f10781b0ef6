package dev.sessionledger.sessions.mcp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.sessions.mcp.McpRows.SessionUsage;

/**
 * The usage of sessions as messages-service counts it. A session is worth showing without its usage
 * while messages-service cannot answer, so a failure here is no failure of the request: it is
 * logged once per outage, counted in {@code mcp_session_usage_unavailable_total}, and answered as none.
 */
@ApplicationScoped
public class SessionUsages {

    private static final Logger LOG = Logger.getLogger(SessionUsages.class);

    @Inject
    MessageTotalsClient totals;

    @Inject
    MeterRegistry metrics;

    private final AtomicBoolean unavailable = new AtomicBoolean();

    /**
     * The usage of each of {@code sessionIds} (zeros for a session without messages), in one call; empty
     * when messages-service did not answer.
     */
    Optional<Map<UUID, SessionUsage>> of(String authorization, List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Optional.of(Map.of());
        }
        List<MessagesApi.Totals> answer;
        try {
            answer = totals.totals(authorization, sessionIds.stream().map(IdPrefix.SESSION::format).toList());
        } catch (RuntimeException e) {
            metrics.counter("mcp_session_usage_unavailable_total").increment();
            if (unavailable.compareAndSet(false, true)) {
                LOG.warnf("messages-service did not answer; sessions are shown without usage until it does: %s",
                        e.toString());
            } else {
                LOG.debugf("messages-service did not answer: %s", e.toString());
            }
            return Optional.empty();
        }
        if (unavailable.compareAndSet(true, false)) {
            LOG.info("messages-service answers again; sessions are shown with their usage");
        }
        Map<UUID, SessionUsage> usage = new HashMap<>();
        for (UUID id : sessionIds) {
            usage.put(id, SessionUsage.NONE);
        }
        for (MessagesApi.Totals t : answer) {
            IdPrefix.SESSION.parse(t.sessionId()).filter(usage::containsKey).ifPresent(id -> usage.put(id,
                    new SessionUsage(t.messageCount(), t.clientMessageCount(), t.serverMessageCount(), t.errorCount(),
                            t.lastMessageAt())));
        }
        return Optional.of(usage);
    }
}

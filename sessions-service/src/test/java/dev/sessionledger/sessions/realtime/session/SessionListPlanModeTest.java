package dev.sessionledger.sessions.realtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.sessions.realtime.meeting.RealtimeSessionRepository;

/**
 * The session list's custom plans reach its plain reads: the setting is made through Hibernate in
 * the list's transaction, and {@link SqlReads} reads on that transaction's connection, so the page
 * and its count run with it; the pooled connection goes back with generic plans.
 */
@QuarkusTest
@ServiceTest
class SessionListPlanModeTest {

    @Inject
    RealtimeSessionRepository sessions;

    @Inject
    SqlReads reads;

    private String planMode() {
        return reads.first(Sql.of("select current_setting('plan_cache_mode')"), rows -> rows.getString(1))
                .orElseThrow();
    }

    @Test
    void a_plain_read_after_plan_for_values_in_its_transaction_runs_custom_plans_and_one_after_it_generic_ones() {
        assertEquals("force_custom_plan", QuarkusTransaction.requiringNew().call(() -> {
            sessions.planForValues();
            return planMode();
        }));
        assertEquals("force_generic_plan", planMode());
    }
}

package dev.sessionledger.sessions.realtime.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * EXPLAIN of the statements every delivery runs, as they are sent: the look-up of an earlier copy
 * by its uuid and by its body's hash, and the facts of a session, each read no more than an index
 * range of the session's deliveries (either of the two unique indexes that lead with the session).
 */
@QuarkusTest
@ServiceTest
class WebhookIndexUseTest {

    @Inject
    DataSource dataSource;

    @Test
    void a_delivery_finds_its_copies_and_its_session_s_facts_by_index() throws Exception {
        assertEquals(2, sessionRanges(QueryPlans.explain(dataSource, DeliveryRepository.SEEN)));
        assertEquals(1, sessionRanges(QueryPlans.explain(dataSource, DeliveryRepository.FACTS)));
    }

    @Test
    void the_retry_pass_reads_the_failed_imports_oldest_first_from_their_own_index() throws Exception {
        QueryPlans.assertServedBy(dataSource, "rtk_webhook_delivery_failed_idx", DeliveryRepository.RETRYABLE);
    }

    /** How many reads of the plan are index ranges of one session's deliveries; a plan reading anything else fails. */
    private static int sessionRanges(String plan) {
        assertFalse(plan.contains("Seq Scan"), plan);
        assertFalse(plan.contains("Sort"), plan);
        int ranges = plan.split("Index Cond: \\(\\(tenant_id = \\$\\d\\) AND \\(session_id = \\$\\d\\)", -1).length - 1;
        assertEquals(ranges, plan.split("Index Scan using rtk_webhook_delivery_(uuid|body)_key", -1).length - 1, plan);
        return ranges;
    }
}

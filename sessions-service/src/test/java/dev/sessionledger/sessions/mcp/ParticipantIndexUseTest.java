package dev.sessionledger.sessions.mcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.EmbeddedPostgresResource;
import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * EXPLAIN of the list queries' shapes: each must be able to run from an index, with sequential scans
 * priced out so that the tiny test tables do not hide a missing index.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(FakeMessagesService.class)
class ParticipantIndexUseTest {

    @Inject
    DataSource dataSource;

    private String explain(String sql) throws Exception {
        return QueryPlans.explain(dataSource, sql);
    }

    @Test
    void the_participants_list_pages_from_the_tenant_id_index_in_both_orders() throws Exception {
        for (String direction : new String[] {"asc", "desc"}) {
            String plan = explain("select * from mcp_participant where tenant_id = 't' and id > '00000000-0000-7000-8000-000000000000'"
                    + " order by id " + direction + " limit 21");
            assertTrue(plan.contains("mcp_participant_tenant_id_idx") && !plan.contains("Sort"), plan);
        }
    }

    @Test
    void the_type_filter_is_served_with_the_id_order() throws Exception {
        String plan = explain("select * from mcp_participant where tenant_id = 't' and type in ('provider')"
                + " order by id limit 21");
        assertTrue(plan.contains("mcp_participant_tenant_type_idx") || plan.contains("mcp_participant_tenant_id_idx"), plan);
    }

    @Test
    void the_session_filter_reaches_connections_and_server_sessions_by_index() throws Exception {
        String plan = explain("select * from mcp_participant p where p.tenant_id = 't' and (p.id in (select c.participant_id"
                + " from mcp_connection c where c.session_id in ('00000000-0000-7000-8000-000000000000')) or p.id in"
                + " (select s.participant_id from mcp_session_provider s where s.session_id in"
                + " ('00000000-0000-7000-8000-000000000000'))) order by p.id limit 21");
        assertTrue(plan.contains("mcp_connection_session_idx") && plan.contains("mcp_session_provider_session_idx"), plan);
    }

    @Test
    void the_updated_at_range_is_served_by_its_index() throws Exception {
        String plan = explain("select * from mcp_participant where tenant_id = 't' and updated_at >= now() - interval '1 day'"
                + " order by id limit 21");
        assertTrue(plan.contains("mcp_participant_tenant_updated_idx") || plan.contains("mcp_participant_tenant_id_idx"),
                plan);
    }
}

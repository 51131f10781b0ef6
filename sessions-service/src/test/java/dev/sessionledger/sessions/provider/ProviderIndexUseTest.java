package dev.sessionledger.sessions.provider;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.sessions.realtime.RecordedStatements;

/**
 * EXPLAIN of the statements the provider list sends, recorded as it runs and planned as
 * PostgreSQL plans them for any values ({@link QueryPlans}): each reads the tenant's index in order.
 */
@QuarkusTest
@ServiceTest
class ProviderIndexUseTest {

    @Inject
    DataSource dataSource;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    @Test
    void the_provider_list_pages_from_the_tenant_id_index_in_both_orders_and_from_an_anchor() throws Exception {
        String token = TestTokens.admin(TestTokens.newTenant());
        String first = ProviderFixtures.named(token, "indexed-1");
        ProviderFixtures.named(token, "indexed-2");
        for (String order : List.of("asc", "desc")) {
            for (Map<String, String> query : List.of(Map.of("order", order), Map.of("order", order, "after", first),
                    Map.of("order", order, "before", first))) {
                for (String plan : plansOf(token, query)) {
                    assertTrue(Pattern.compile("Index (Only )?Scan( Backward)? using mcp_provider_tenant_id_idx on mcp_provider ")
                            .matcher(plan).find(), plan);
                    assertFalse(plan.contains("Sort"), plan);
                }
            }
        }
    }

    @Test
    void the_get_and_the_internal_read_take_one_row_by_id() throws Exception {
        String token = TestTokens.admin(TestTokens.newTenant());
        String id = ProviderFixtures.named(token, "indexed-get");
        for (String path : List.of("/providers/" + id, "/internal/providers/" + id)) {
            for (String plan : statements.plansOfReads(dataSource, "mcp_provider", () -> given().auth().oauth2(token)
                    .when().get(path).then().statusCode(200))) {
                assertTrue(Pattern.compile("Index (Only )?Scan using (mcp_provider_pkey|mcp_provider_tenant_id_idx) "
                        + "on mcp_provider ").matcher(plan).find(), plan);
            }
        }
    }

    private List<String> plansOf(String token, Map<String, String> query) throws SQLException {
        return statements.plansOfReads(dataSource, "mcp_provider", () -> given().auth().oauth2(token)
                .queryParams(query).when().get("/providers").then().statusCode(200));
    }
}

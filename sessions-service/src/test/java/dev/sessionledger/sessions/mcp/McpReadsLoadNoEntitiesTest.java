package dev.sessionledger.sessions.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.testing.EntityLoads;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.sessions.realtime.RecordedStatements;

/**
 * The MCP lists and gets, and the internal session look-up, read their rows into records: each
 * answers from statements that load no entity, whatever page or filter it serves.
 */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeMessagesService.class)
class McpReadsLoadNoEntitiesTest {

    private static final Class<?>[] MCP_ENTITIES = { McpSession.class, McpParticipant.class, McpConnection.class,
            McpSessionProvider.class, McpProviderRun.class };

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    /** A tenant with two sessions, the first with a client, a provider and a run of it. */
    private record World(String token, String session, String other, String client, String provider,
            String serverSession, String run) {
    }

    private static World world() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(token);
        String other = McpFixtures.session(token);
        String client = McpFixtures.connect(token, session, "entity-free").path("participant_id");
        var attached = McpFixtures.provider(token, session, "pro_entity_free");
        String serverSession = attached.path("id");
        String run = given().auth().oauth2(token).when()
                .post("/sessions/" + session + "/providers/" + serverSession + "/runs").then().statusCode(201)
                .extract().path("id");
        return new World(token, session, other, client, attached.path("participant_id"), serverSession, run);
    }

    private void assertNoEntity(Runnable request) {
        EntityLoads.assertNone(entityManagerFactory, statements, request, MCP_ENTITIES);
    }

    @Test
    void the_session_list_and_get_load_no_entity() {
        World w = world();
        assertNoEntity(() -> given().auth().oauth2(w.token()).when().get("/sessions").then().statusCode(200)
                .body("items", hasSize(2)));
        for (String anchored : new String[] { "after", "before" }) {
            assertNoEntity(() -> given().auth().oauth2(w.token()).queryParam(anchored, w.session())
                    .queryParam("order", "desc").when().get("/sessions").then().statusCode(200));
        }
        assertNoEntity(() -> given().auth().oauth2(w.token()).when().get("/sessions/" + w.session()).then()
                .statusCode(200).body("id", equalTo(w.session())).body("connection_status", equalTo("connected")));
    }

    @Test
    void the_server_session_get_loads_no_entity() {
        World w = world();
        assertNoEntity(() -> given().auth().oauth2(w.token()).when()
                .get("/sessions/" + w.session() + "/providers/" + w.serverSession()).then().statusCode(200)
                .body("participant_id", equalTo(w.provider())));
    }

    @Test
    void the_participant_list_and_get_load_no_entity() {
        World w = world();
        for (Map<String, String> query : new Map[] { Map.of(), Map.of("after", w.client()),
                Map.of("before", w.provider(), "order", "desc"), Map.of("type", "provider", "after", w.client()),
                Map.of("session_id", w.session()), Map.of("created_at[gte]", "2025-01-01T00:00:00Z") }) {
            assertNoEntity(() -> given().auth().oauth2(w.token()).queryParams(query).when().get("/session-participants")
                    .then().statusCode(200));
        }
        assertNoEntity(() -> given().auth().oauth2(w.token()).when().get("/session-participants/" + w.client()).then()
                .statusCode(200).body("id", equalTo(w.client())));
    }

    @Test
    void the_internal_session_lookup_loads_no_entity() {
        World w = world();
        assertNoEntity(() -> given().auth().oauth2(w.token()).queryParam("server_session_id", w.serverSession())
                .queryParam("provider_run_id", w.run()).when().get("/internal/mcp/sessions/" + w.session()).then()
                .statusCode(200).body("status", equalTo("active")));
        assertNoEntity(() -> given().auth().oauth2(w.token()).queryParam("provider_run_id", w.run()).when()
                .get("/internal/mcp/sessions/" + w.session()).then().statusCode(200));
        assertNoEntity(() -> given().auth().oauth2(w.token()).queryParam("provider_run_id", w.run()).when()
                .get("/internal/mcp/sessions/" + w.other()).then().statusCode(404));
    }
}

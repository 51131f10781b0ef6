package dev.sessionledger.sessions.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.testing.EntityLoads;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.sessions.realtime.RecordedStatements;

/** The provider list and get, and the gateway's internal read, read their rows into records: no entity is loaded. */
@QuarkusTest
@ServiceTest
class ProviderReadsLoadNoEntitiesTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    @Test
    void the_provider_list_get_and_upstream_load_no_entity() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String first = ProviderFixtures.named(token, "entity-free-1");
        String second = ProviderFixtures.register(token, ProviderFixtures.body("entity-free-2",
                "https://mcp.example.com/two", "{\"X-Team\":\"k2\"}")).path("id");
        EntityLoads.assertNone(entityManagerFactory, statements, () -> given().auth().oauth2(token).when().get("/providers").then()
                .statusCode(200).body("items", hasSize(2)), Provider.class);
        EntityLoads.assertNone(entityManagerFactory, statements, () -> given().auth().oauth2(token).queryParam("after", first)
                .when().get("/providers").then().statusCode(200).body("items[0].id", equalTo(second)), Provider.class);
        EntityLoads.assertNone(entityManagerFactory, statements, () -> given().auth().oauth2(token).when().get("/providers/" + first)
                .then().statusCode(200).body("name", equalTo("entity-free-1")), Provider.class);
        EntityLoads.assertNone(entityManagerFactory, statements, () -> given().auth().oauth2(token).when()
                .get("/internal/providers/" + second).then().statusCode(200)
                .body("upstream_headers.X-Team", equalTo("k2")), Provider.class);
    }
}

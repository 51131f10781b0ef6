package dev.sessionledger.messages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.testing.EntityLoads;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.messages.message.SessionMessage;
import dev.sessionledger.messages.message.SessionMessageTotal;

/** The message list and get, and the internal sender and totals look-ups, read their rows into records: no entity is loaded. */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class MessageReadsLoadNoEntitiesTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    private void assertNoEntity(Runnable request) {
        EntityLoads.assertNone(entityManagerFactory, statements, request, SessionMessage.class, SessionMessageTotal.class);
    }

    @Test
    void the_message_list_and_get_load_no_entity() {
        MessageFixtures f = new MessageFixtures();
        List<String> ids = f.recordNotifications(3);
        assertNoEntity(() -> f.list(Map.of()).statusCode(200).body("items", hasSize(3)));
        assertNoEntity(() -> f.list(Map.of("after", ids.get(0))).statusCode(200).body("items", hasSize(2)));
        assertNoEntity(() -> f.list(Map.of("before", ids.get(2), "order", "desc", "type", "notification"))
                .statusCode(200));
        assertNoEntity(() -> given().auth().oauth2(f.token).when().get(f.path() + "/" + ids.get(1)).then()
                .statusCode(200).body("id", equalTo(ids.get(1))));
    }

    @Test
    void the_sender_lookup_loads_no_entity() {
        MessageFixtures f = new MessageFixtures();
        List<String> ids = f.recordNotifications(2);
        assertNoEntity(() -> given().auth().oauth2(f.token).queryParam("message_id", ids.get(0), ids.get(1)).when()
                .get("/internal/mcp/messages/senders").then().statusCode(200).body("items", hasSize(2)));
    }

    @Test
    void the_totals_lookup_loads_no_entity() {
        MessageFixtures f = new MessageFixtures();
        f.recordNotifications(2);
        assertNoEntity(() -> given().auth().oauth2(f.token).queryParam("session_id", f.session).when()
                .get("/internal/mcp/messages/totals").then().statusCode(200).body("items", hasSize(1)));
    }
}

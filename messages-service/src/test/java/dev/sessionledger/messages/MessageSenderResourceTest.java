package dev.sessionledger.messages;

import static dev.sessionledger.messages.MessageFixtures.notification;
import static dev.sessionledger.messages.MessageFixtures.response;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class MessageSenderResourceTest {

    private static final String PATH = "/internal/mcp/messages/senders";

    @Test
    void returns_the_sender_of_each_known_message_in_every_qs_style() {
        MessageFixtures f = new MessageFixtures();
        String participant = PrefixedId.format("spt", PrefixedId.newUuid());
        Map<String, Object> fromClient = new HashMap<>(f.message("client", notification("x")));
        fromClient.put("participant_id", participant);
        List<String> ids = f.post(List.of(fromClient, f.message("server", response(1)))).statusCode(201)
                .extract().jsonPath().getList("items.id");

        given().auth().oauth2(f.token).queryParam("message_id", ids.get(0), ids.get(1)).when().get(PATH).then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.message_id", containsInAnyOrder(ids.get(0), ids.get(1)))
                .body("items.find { it.message_id == '" + ids.get(0) + "' }.session_id", equalTo(f.session))
                .body("items.find { it.message_id == '" + ids.get(0) + "' }.server_session_id", equalTo(f.serverSession))
                .body("items.find { it.message_id == '" + ids.get(0) + "' }.sender_type", equalTo("client"))
                .body("items.find { it.message_id == '" + ids.get(0) + "' }.sender_id", equalTo("spt_client"))
                .body("items.find { it.message_id == '" + ids.get(0) + "' }.participant_id", equalTo(participant))
                .body("items.find { it.message_id == '" + ids.get(1) + "' }.sender_type", equalTo("server"))
                .body("items.find { it.message_id == '" + ids.get(1) + "' }.participant_id", equalTo(null));
        given().auth().oauth2(f.token).queryParam("message_id[0]", ids.get(1)).queryParam("message_id[1]", ids.get(0))
                .when().get(PATH).then().body("items", hasSize(2));
        given().auth().oauth2(f.token).queryParam("message_id[]", ids.get(1)).when().get(PATH).then()
                .body("items.message_id", containsInAnyOrder(ids.get(1)));
    }

    @Test
    void unknown_malformed_and_other_tenants_ids_are_simply_absent() {
        MessageFixtures f = new MessageFixtures();
        String id = f.recordNotifications(1).get(0);
        given().auth().oauth2(f.token)
                .queryParam("message_id", id, "smg_bad", "spt_0000000000000000000000",
                        PrefixedId.format("smg", PrefixedId.newUuid()))
                .when().get(PATH).then().statusCode(200).body("items.message_id", containsInAnyOrder(id));
        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant())).queryParam("message_id", id)
                .when().get(PATH).then().statusCode(200).body("items", empty());
    }

    @Test
    void no_ids_or_more_than_a_hundred_is_400_naming_message_id() {
        String token = TestTokens.admin(TestTokens.newTenant());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(PrefixedId.format("smg", PrefixedId.newUuid()));
        }
        given().auth().oauth2(token).queryParam("message_id", many).when().get(PATH).then()
                .statusCode(400).body("errors[0].path[0]", equalTo("message_id"));
        given().auth().oauth2(token).when().get(PATH).then()
                .statusCode(400).body("errors[0].path[0]", equalTo("message_id"));
    }

    @Test
    void needs_a_token() {
        given().queryParam("message_id", "smg_0000000000000000000000").when().get(PATH).then()
                .statusCode(401).body("code", equalTo("unauthorized"));
    }
}

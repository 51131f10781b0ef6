package dev.sessionledger.sessions.realtime;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.sessionledger.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** A tenant, an app and a token, with the write API calls tests build meetings from. */
public final class RealtimeApi {

    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    public final String tenant;
    public final String app;
    public final String token;

    public RealtimeApi() {
        this(TestTokens.newTenant(), "app-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public RealtimeApi(String tenant, String app) {
        this.tenant = tenant;
        this.app = app;
        this.token = TestTokens.admin(tenant);
    }

    public RealtimeApi otherApp() {
        return new RealtimeApi(tenant, "app-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String sessions() {
        return "/accounts/" + tenant + "/realtime/kit/" + app + "/sessions";
    }

    public RequestSpecification auth() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    public String start(String meeting, String title, Instant startedAt) {
        return auth().body(Map.of("associated_id", meeting, "meeting_display_name", title, "started_at",
                startedAt.toString())).when().post(sessions()).then().statusCode(201).extract().path("data.id");
    }

    public String join(String session, String name, Instant joinedAt) {
        return join(session, Map.of("display_name", name, "joined_at", joinedAt.toString(), "user_id",
                "user-" + name, "preset_name", "host"));
    }

    public String join(String session, Map<String, Object> body) {
        return auth().body(body).when().post(sessions() + "/" + session + "/participants").then().statusCode(201)
                .extract().path("data.participant.id");
    }

    public ValidatableResponse leave(String session, String peer, Instant leftAt) {
        return auth().body(Map.of("left_at", leftAt.toString())).when()
                .post(sessions() + "/" + session + "/participants/" + peer + "/leave").then();
    }

    public ValidatableResponse end(String session, Instant endedAt) {
        return auth().body(Map.of("ended_at", endedAt.toString())).when().post(sessions() + "/" + session + "/end")
                .then();
    }

    public ValidatableResponse chat(String session, List<Map<String, Object>> messages) {
        return auth().body(Map.of("messages", messages)).when().post(sessions() + "/" + session + "/chat").then();
    }

    public ValidatableResponse transcript(String session, List<Map<String, Object>> segments) {
        return auth().body(Map.of("segments", segments)).when().post(sessions() + "/" + session + "/transcript")
                .then();
    }

    /** A session's {@code chat}, {@code transcript} (CSV) or {@code summary} (text), fetched through its signed link. */
    public String download(String session, String kind) {
        return given().when().get(local(downloadUrl(session, kind))).then().statusCode(200).extract().asString();
    }

    /** The signed link of a session's {@code chat}, {@code transcript} (CSV) or {@code summary} (text). */
    public String downloadUrl(String session, String kind) {
        String field = switch (kind) {
            case "chat" -> "data.chat_download_url";
            case "transcript" -> "data.transcript_download_url";
            default -> "data.summaryDownloadUrl";
        };
        return auth().when().get(sessions() + "/" + session + "/" + kind).then().statusCode(200).extract()
                .path(field);
    }

    /** The path and query of a download URL, to fetch it from the service under test. */
    public static String local(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}

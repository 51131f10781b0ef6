package dev.sessionledger.sessions.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;

/**
 * A client generated from the served OpenAPI document by openapi-generator (Java, its native
 * library), compiled, and run against the service: it lists the session participants of one
 * session with a type filter, with the names the document gives the call and its parameters, and
 * reads the properties of what it gets back under the names the document gives them.
 */
@QuarkusTest
@ServiceTest
class GeneratedClientTest {

    private static final Path WORK = Path.of("target", "generated-client");
    private static final Path TOOLS = Path.of("target", "openapi-generator");

    @TestHTTPResource("/")
    URL root;

    @Test
    void a_generated_client_lists_session_participants_with_a_filter() throws Exception {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/sessions").then().statusCode(201).extract().path("id");
        List<String> clients = new ArrayList<>();
        for (String name : List.of("client-a", "client-b")) {
            clients.add(given().auth().oauth2(token).contentType(ContentType.JSON).body(initialize(name))
                    .when().post("/sessions/" + session + "/connections").then().statusCode(201)
                    .extract().path("participant_id"));
        }
        String provider = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"provider_id\":\"weather\",\"name\":\"Weather\"}")
                .when().post("/sessions/" + session + "/providers").then().statusCode(201)
                .extract().path("participant_id");
        String other = given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/sessions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(initialize("elsewhere"))
                .when().post("/sessions/" + other + "/connections").then().statusCode(201);

        Path classes = generateAndCompile();
        assertEquals(clients, run(classes, token, session, "mcp_client"));
        assertEquals(List.of(provider), run(classes, token, session, "provider"));
    }

    private static String initialize(String name) {
        return "{\"transport\":\"streamable_http\",\"initialize\":{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\""
                + name + "\",\"version\":\"1.0.0\"}}}}";
    }

    /** Generates the client from the served document and compiles it with the probe that calls it. */
    private Path generateAndCompile() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        Path document = WORK.resolve("openapi.json");
        Files.writeString(document, given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        Path sources = WORK.resolve("client");
        String output = exec(List.of(java(), "-jar", TOOLS.resolve("openapi-generator-cli.jar").toString(), "generate",
                "-g", "java", "--library", "native", "-i", document.toString(), "-o", sources.toString(),
                "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
                "--additional-properties", "useJakartaEe=true,openApiNullable=false,useSingleRequestParameter=true,"
                        + "invokerPackage=ledger.client,apiPackage=ledger.client.api,modelPackage=ledger.client.model"));
        assertTrue(Files.isDirectory(sources.resolve("src/main/java/ledger/client/api")), output);
        Path probe = WORK.resolve("probe/ListParticipants.java");
        Files.createDirectories(probe.getParent());
        Files.writeString(probe, PROBE);
        List<String> files = new ArrayList<>();
        try (Stream<Path> found = Files.walk(sources.resolve("src/main/java"))) {
            found.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toString()));
        }
        files.add(probe.toString());
        Path classes = WORK.resolve("classes");
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath(), "-proc:none",
                "-nowarn", "-encoding", "UTF-8"));
        arguments.addAll(files);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, "the generated client does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        return classes;
    }

    /** The ids the generated client lists, in order, one call with a session and a type filter. */
    private List<String> run(Path classes, String token, String session, String type) throws Exception {
        String output = exec(List.of(java(), "-cp", classes + File.pathSeparator + classpath(),
                "ListParticipants", root.toString(), token, session, type));
        return output.lines().filter(line -> line.startsWith("id=")).map(line -> line.substring(3)).toList();
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "timed out: " + command.get(2));
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }

    private static String classpath() throws IOException {
        return Files.readString(TOOLS.resolve("classpath.txt")).trim();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> found = Files.walk(path)) {
            for (Path p : found.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Calls the generated client as a user would: the API class of the tag, the call named by its operation id. */
    private static final String PROBE = """
            import java.net.URI;
            import java.util.List;

            import ledger.client.ApiClient;
            import ledger.client.api.SessionParticipantsApi;
            import ledger.client.model.SessionParticipantType;

            public class ListParticipants {
                public static void main(String[] args) throws Exception {
                    ApiClient client = new ApiClient();
                    client.updateBaseUri(URI.create(args[0]).resolve("/").toString().replaceAll("/$", ""));
                    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + args[1]));
                    SessionParticipantsApi api = new SessionParticipantsApi(client);
                    var page = api.listSessionParticipants(SessionParticipantsApi.APIListSessionParticipantsRequest
                            .newBuilder().sessionId(List.of(args[2])).type(List.of(SessionParticipantType.fromValue(args[3])))
                            .order("asc").limit(50).build());
                    for (var participant : page.getItems()) {
                        // A property the document named otherwise than it is sent would come back empty.
                        if (participant.getCreatedAt() == null) {
                            throw new IllegalStateException("created_at not read: " + participant);
                        }
                        System.out.println("id=" + participant.getId());
                    }
                }
            }
            """;
}

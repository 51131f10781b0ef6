package dev.sessionledger.commons.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The service's OpenAPI document, checked against the code that serves requests: every query and
 * path parameter a resource method declares (directly or in its bean parameters) is in the
 * document with a type and a description, every operation lists its error answers in the API's
 * envelope with an example, and the document is valid OpenAPI 3 to a strict parser. With
 * {@link ArchitectureTest} keeping resources from reading the URI by hand, what the code reads is
 * what it declares. A service's test extends it and names its base package.
 */
public abstract class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** The service's base package, such as {@code dev.sessionledger.threads}. */
    protected abstract String basePackage();

    /** The document as the service serves it; also written to {@code target/openapi.json} to be read after a run. */
    protected String documentText() throws IOException {
        String text = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        Files.writeString(Path.of("target", "openapi.json"), text);
        return text;
    }

    protected JsonNode document() throws Exception {
        return new ObjectMapper().readTree(documentText());
    }

    @Test
    void every_parameter_the_code_declares_is_documented_with_type_and_description() throws Exception {
        JsonNode paths = document().path("paths");
        List<DeclaredEndpoints.Endpoint> endpoints = DeclaredEndpoints.of(basePackage());
        assertFalse(endpoints.isEmpty(), "no resource methods found under " + basePackage());
        List<String> missing = new ArrayList<>();
        for (DeclaredEndpoints.Endpoint endpoint : endpoints) {
            JsonNode operation = paths.path(endpoint.path()).path(endpoint.method().toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                missing.add(endpoint + ": no operation");
                continue;
            }
            for (DeclaredEndpoints.Param param : endpoint.params()) {
                JsonNode documented = find(operation.path("parameters"), param);
                if (documented == null) {
                    missing.add(endpoint + ": " + param.in() + " parameter " + param.name() + " is not documented");
                } else if (!documented.path("schema").has("type") && !documented.path("schema").has("$ref")
                        && !documented.path("schema").has("enum")) {
                    missing.add(endpoint + ": " + param.name() + " has no type");
                } else if (param.in().equals("query") && documented.path("description").asText("").isBlank()) {
                    missing.add(endpoint + ": " + param.name() + " has no description");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void every_operation_lists_its_error_answers_in_the_envelope_with_an_example() throws Exception {
        JsonNode document = document();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : operations(document).entrySet()) {
            for (String status : List.of("401", "503")) {
                JsonNode content = operation.getValue().path("responses").path(status).path("content");
                JsonNode media = content.elements().hasNext() ? content.elements().next() : null;
                if (media == null || !media.path("schema").has("$ref") || !media.has("example")) {
                    missing.add(operation.getKey() + ": no " + status + " with the envelope's schema and an example");
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(document.path("components").path("schemas").properties().stream()
                .anyMatch(s -> s.getKey().endsWith("Error")), "no error envelope schema among the components");
    }

    @Test
    void every_operation_has_a_unique_id_for_generated_clients() throws Exception {
        Map<String, JsonNode> operations = operations(document());
        List<String> ids = operations.values().stream().map(o -> o.path("operationId").asText("")).toList();
        assertEquals(List.of(), operations.entrySet().stream()
                .filter(o -> o.getValue().path("operationId").asText("").isBlank()).map(Map.Entry::getKey).toList());
        assertEquals(ids.size(), Set.copyOf(ids).size(), "operation ids repeat: " + ids);
    }

    @Test
    void the_document_is_valid_openapi_3_to_a_strict_parser() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(documentText(), null, options);
        assertNotNull(result.getOpenAPI(), "the parser read no document");
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages());
        assertTrue(result.getOpenAPI().getOpenapi().startsWith("3."), result.getOpenAPI().getOpenapi());
    }

    /** The document's operations of the service's own paths (not the platform's {@code /q/}), by "method path". */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!path.getKey().startsWith("/q/") && METHODS.contains(entry.getKey())) {
                operations.put(entry.getKey() + " " + path.getKey(), entry.getValue());
            }
        }));
        return operations;
    }

    private static JsonNode find(JsonNode parameters, DeclaredEndpoints.Param param) {
        for (JsonNode parameter : parameters) {
            if (parameter.path("name").asText().equals(param.name()) && parameter.path("in").asText().equals(param.in())) {
                return parameter;
            }
        }
        return null;
    }
}

package dev.sessionledger.commons.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.smallrye.openapi.OpenApiFilter;

import dev.sessionledger.commons.errors.ErrorEnvelope;
import dev.sessionledger.commons.errors.ErrorEnvelopes;

/**
 * Adds to every operation of the document the error answers it can give, each in the envelope of
 * the API its resource implements (the one {@link ErrorEnvelopes} answers with), as a schema shared
 * by the API's operations and an example rendered by the envelope itself, so the document cannot
 * drift from what is sent. The platform's own endpoints ({@code /q/}) keep their answers.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class ErrorResponsesFilter implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ErrorEnvelopes envelopes = Arc.container().instance(ErrorEnvelopes.class).get();
        ObjectMapper json = Arc.container().instance(ObjectMapper.class).get();
        Map<String, ErrorExamples> byEnvelope = new LinkedHashMap<>();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getOperations() == null || path.getKey().startsWith("/q/")) {
                continue;
            }
            ErrorEnvelope envelope = ClientProxy.unwrap(envelopes.forPath(path.getKey()));
            ErrorExamples examples = byEnvelope.computeIfAbsent(envelope.getClass().getName(),
                    k -> new ErrorExamples(envelope, json));
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                describe(operation.getValue(), OperationErrors.of(operation.getKey(), path.getKey(),
                        operation.getValue()), examples, path.getKey());
            }
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        for (ErrorExamples examples : byEnvelope.values()) {
            openAPI.getComponents().addSchema(examples.schemaName(), examples.schema());
        }
    }

    private static void describe(Operation operation, OperationErrors errors, ErrorExamples examples, String path) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (OperationErrors.Case error : errors.cases()) {
            ErrorExamples.Example example = examples.example(error.failure(), path);
            String status = Integer.toString(example.status());
            APIResponse declared = responses.getAPIResponse(status);
            if (declared != null && declared.getContent() != null) {
                continue;
            }
            Schema reference = OASFactory.createSchema().ref(SCHEMAS + examples.schemaName());
            MediaType body = OASFactory.createMediaType().schema(reference).example(example.body());
            Content content = OASFactory.createContent().addMediaType(examples.mediaType(), body);
            APIResponse response = OASFactory.createAPIResponse().description(error.description()).content(content);
            if (example.retryAfter()) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds after which the request may succeed")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            }
            // A bare status the platform declared (400 on a body) gets the envelope like the rest.
            responses.addAPIResponse(status, response);
        }
    }
}

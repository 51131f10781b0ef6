package dev.sessionledger.commons.openapi;

import java.util.Iterator;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.errors.ErrorEnvelope;
import dev.sessionledger.commons.errors.Failure;

/**
 * One API's error envelope as the document shows it: examples rendered by the envelope, and one
 * schema read from every example it rendered, so that each field any error carries is described.
 */
final class ErrorExamples {

    /** An envelope's answer to a sample failure. */
    record Example(int status, Object body, boolean retryAfter) {
    }

    private final ErrorEnvelope envelope;
    private final ObjectMapper json;
    private final Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);

    ErrorExamples(ErrorEnvelope envelope, ObjectMapper json) {
        this.envelope = envelope;
        this.json = json;
    }

    /** The name of the envelope's schema among the document's components, such as {@code MetorialError}. */
    String schemaName() {
        return envelope.getClass().getSimpleName().replaceFirst("Envelope$", "") + "Error";
    }

    String mediaType() {
        return envelope.mediaType();
    }

    Schema schema() {
        return schema;
    }

    Example example(Failure failure, String path) {
        int status = envelope.status(failure.kind());
        JsonNode body = json.valueToTree(envelope.body(failure, status, path));
        merge(schema, body);
        return new Example(status, json.convertValue(body, Object.class), failure.retryAfterSeconds() != null);
    }

    /** Widens {@code schema} so that it describes {@code value} too. */
    private static void merge(Schema schema, JsonNode value) {
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Map<String, Schema> known = schema.getProperties();
                Schema property = known == null ? null : known.get(field.getKey());
                if (property == null) {
                    property = OASFactory.createSchema().addType(typeOf(field.getValue()));
                    schema.addProperty(field.getKey(), property);
                }
                merge(property, field.getValue());
            }
        } else if (value.isArray() && !value.isEmpty()) {
            if (schema.getItems() == null) {
                schema.setItems(OASFactory.createSchema().addType(typeOf(value.get(0))));
            }
            value.forEach(item -> merge(schema.getItems(), item));
        }
    }

    private static Schema.SchemaType typeOf(JsonNode value) {
        if (value.isObject()) {
            return Schema.SchemaType.OBJECT;
        }
        if (value.isArray()) {
            return Schema.SchemaType.ARRAY;
        }
        if (value.isBoolean()) {
            return Schema.SchemaType.BOOLEAN;
        }
        if (value.isIntegralNumber()) {
            return Schema.SchemaType.INTEGER;
        }
        if (value.isNumber()) {
            return Schema.SchemaType.NUMBER;
        }
        return Schema.SchemaType.STRING;
    }
}

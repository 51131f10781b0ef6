package dev.sessionledger.messages.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.errors.ApiException;
import dev.sessionledger.commons.errors.FieldError;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.messages.mcp.SessionMessageMapper;

/**
 * Reads the body of an ingest request into checked messages. Every fault is named by its path
 * ({@code messages[3].payload}); one fault anywhere rejects the whole batch.
 */
@ApplicationScoped
public class MessageBatchParser {

    static final String MESSAGES = "messages";
    private static final Set<String> MESSAGE_FIELDS = Set.of("payload", "sender", "server_session_id",
            "provider_run_id", "participant_id", "created_at", "idempotency_key");
    private static final Set<String> SENDER_FIELDS = Set.of("object", "type", "id");
    private static final Set<String> SENDER_TYPES = Set.of("client", "server");
    private static final int MAX_TEXT = 255;
    /** Enough to fix a batch; a body wrong everywhere need not be described message by message. */
    private static final int MAX_REPORTED = 100;

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper mapper;

    public List<IncomingMessage> parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid(MESSAGES, "the body must be an object with a messages array");
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode messages = body.get(MESSAGES);
        unknownFields(body, Set.of(MESSAGES), "", errors);
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            errors.add(new FieldError(MESSAGES, "must be an array of 1 to " + config.maxBatchSize() + " messages"));
        } else if (messages.size() > config.maxBatchSize()) {
            errors.add(new FieldError(MESSAGES, "may hold at most " + config.maxBatchSize() + " messages"));
        }
        List<IncomingMessage> parsed = new ArrayList<>();
        if (errors.isEmpty()) {
            for (int i = 0; i < messages.size() && errors.size() < MAX_REPORTED; i++) {
                parsed.add(message(messages.get(i), MESSAGES + "[" + i + "].", errors));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.subList(0, Math.min(errors.size(), MAX_REPORTED)));
        }
        return parsed;
    }

    private IncomingMessage message(JsonNode node, String path, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(path.substring(0, path.length() - 1), "must be an object"));
            return null;
        }
        unknownFields(node, MESSAGE_FIELDS, path, errors);
        String payload = null;
        JsonRpcShape shape = null;
        JsonNode payloadNode = node.get("payload");
        try {
            shape = JsonRpcShape.of(payloadNode);
            payload = mapper.writeValueAsString(payloadNode);
            int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > config.maxPayloadBytes()) {
                errors.add(new FieldError(path + "payload",
                        "is " + bytes + " bytes, more than the limit of " + config.maxPayloadBytes()));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(path + "payload", e.getMessage()));
        } catch (JsonProcessingException e) {
            errors.add(new FieldError(path + "payload", "is not JSON that can be stored"));
        }
        JsonNode sender = node.get("sender");
        String senderType = null;
        String senderId = null;
        if (sender == null || !sender.isObject()) {
            errors.add(new FieldError(path + "sender", "must be an object with a type and an id"));
        } else {
            unknownFields(sender, SENDER_FIELDS, path + "sender.", errors);
            senderType = text(sender, "type", path + "sender.", true, errors);
            if (senderType != null && !SENDER_TYPES.contains(senderType)) {
                errors.add(new FieldError(path + "sender.type", "must be client or server"));
            }
            senderId = text(sender, "id", path + "sender.", true, errors);
        }
        return new IncomingMessage(payload, shape, senderType, senderId,
                id(node, "server_session_id", SessionMessageMapper.SERVER_SESSION_PREFIX, path, true, errors),
                id(node, "provider_run_id", SessionMessageMapper.PROVIDER_RUN_PREFIX, path, false, errors),
                id(node, "participant_id", SessionMessageMapper.PARTICIPANT_PREFIX, path, false, errors),
                instant(node, path, errors),
                text(node, "idempotency_key", path, false, errors));
    }

    private static void unknownFields(JsonNode node, Set<String> known, String path, List<FieldError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(path + name, "is not a field of this object"));
            }
        }
    }

    private static String text(JsonNode node, String field, String path, boolean required, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(path + field, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > MAX_TEXT) {
            errors.add(new FieldError(path + field, "must be a string of 1 to " + MAX_TEXT + " characters"));
            return null;
        }
        return value.textValue();
    }

    private static UUID id(JsonNode node, String field, String prefix, String path, boolean required,
            List<FieldError> errors) {
        String text = text(node, field, path, required, errors);
        if (text == null) {
            return null;
        }
        return PrefixedId.parse(prefix, text).orElseGet(() -> {
            errors.add(new FieldError(path + field, "must be an id starting with " + prefix + "_"));
            return null;
        });
    }

    private static Instant instant(JsonNode node, String path, List<FieldError> errors) {
        String text = text(node, "created_at", path, false, errors);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path + "created_at", "must be an ISO-8601 date-time with an offset"));
            return null;
        }
    }
}

package dev.sessionledger.messages.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.errors.FieldError;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.params.Timestamps;
import dev.sessionledger.messages.message.IncomingMessage;

/**
 * Reads the body of an ingest request, as it arrives, into checked messages. The body is never held
 * whole: each message is read token by token and only its fields and its payload's compact copy are
 * kept. Every fault is named by its path ({@code messages[3].payload}); one fault anywhere rejects
 * the whole batch, and a payload past its bound stops the reading there.
 */
@ApplicationScoped
public class MessageBatchParser {

    static final String MESSAGES = "messages";
    private static final String PAYLOAD = "payload";
    private static final int MAX_TEXT = 255;
    /** Enough to fix a batch; a body wrong everywhere need not be described message by message. */
    private static final int MAX_REPORTED = 100;

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper mapper;

    /** The mapper's factory (so every check of its parsers applies), with strings bounded by the payload bound. */
    private JsonFactory factory;

    @PostConstruct
    void init() {
        JsonFactory shared = mapper.getFactory();
        factory = shared.copy();
        // A string longer than a payload may be is refused while it is read, before it is held whole.
        factory.setStreamReadConstraints(shared.streamReadConstraints().rebuild()
                .maxStringLength(Math.max(config.maxPayloadBytes(), MAX_TEXT)).build());
        // A batch refused half-way is answered at once; the rest of its body is not waited for.
        factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    /**
     * @throws Failure a 400 naming every fault found, up to the first that stops the reading
     * @throws JsonProcessingException when the body is not JSON, or holds what no body may (a NUL
     *         character, deeper nesting than the mapper reads); mapped to a 400 like any body's
     */
    public List<IncomingMessage> parse(InputStream body) throws JsonProcessingException {
        try (JsonParser parser = factory.createParser(body)) {
            return new Batch(parser, new PayloadReader(factory, config.maxPayloadBytes())).read();
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw Failure.malformed("The request body could not be read to its end");
        }
    }

    /** The faults found so far; full when more would not help. */
    private static final class Faults {

        private final List<FieldError> found = new ArrayList<>();

        void add(String field, String message) {
            found.add(new FieldError(field, message));
        }

        /** The inputs a reader shared with single values found at fault. */
        void add(Failure invalid) {
            found.addAll(invalid.errors());
        }

        boolean none() {
            return found.isEmpty();
        }

        boolean full() {
            return found.size() >= MAX_REPORTED;
        }

        Failure refusal() {
            return Failure.invalid(found.subList(0, Math.min(found.size(), MAX_REPORTED)));
        }
    }

    /** A field's value as read, when it is a string or null; anything else is marked, not kept. */
    private record Text(String value, boolean isText) {
        static final Text ABSENT = new Text(null, true);
        static final Text NOT_TEXT = new Text(null, false);
    }

    /** A message's sender as read. */
    private record Sender(Text type, Text id) {
    }

    /** One reading of one body. */
    private final class Batch {

        private final JsonParser parser;
        private final PayloadReader payloads;
        private final Faults faults = new Faults();

        Batch(JsonParser parser, PayloadReader payloads) {
            this.parser = parser;
            this.payloads = payloads;
        }

        List<IncomingMessage> read() throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw Failure.invalid(MESSAGES, "the body must be an object with a messages array");
            }
            List<IncomingMessage> parsed = new ArrayList<>();
            boolean found = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!MESSAGES.equals(name)) {
                    unknown(name);
                } else if (found) {
                    faults.add(MESSAGES, "is given more than once");
                    parser.skipChildren();
                } else {
                    found = true;
                    messages(parsed);
                }
                stopIfFull();
            }
            if (!found) {
                faults.add(MESSAGES, mustHoldMessages());
            }
            if (parser.nextToken() != null) {
                throw Failure.malformed("The request body holds more than one JSON value");
            }
            if (!faults.none()) {
                throw faults.refusal();
            }
            return parsed;
        }

        private String mustHoldMessages() {
            return "must be an array of 1 to " + config.maxBatchSize() + " messages";
        }

        private void messages(List<IncomingMessage> parsed) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                faults.add(MESSAGES, mustHoldMessages());
                parser.skipChildren();
                return;
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (index == config.maxBatchSize()) {
                    faults.add(MESSAGES, "may hold at most " + config.maxBatchSize() + " messages");
                    throw faults.refusal();
                }
                IncomingMessage message = message(MESSAGES + "[" + index + "]");
                // Once the batch is refused, its messages need only be checked, not kept.
                if (faults.none()) {
                    parsed.add(message);
                }
                stopIfFull();
                index++;
            }
            if (index == 0) {
                faults.add(MESSAGES, mustHoldMessages());
            }
        }

        private void stopIfFull() {
            if (faults.full()) {
                throw faults.refusal();
            }
        }

        private IncomingMessage message(String at) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                faults.add(at, "must be an object");
                parser.skipChildren();
                return null;
            }
            String path = at + ".";
            PayloadReader.Payload payload = null;
            Sender sender = null;
            Text serverSession = Text.ABSENT;
            Text run = Text.ABSENT;
            Text participant = Text.ABSENT;
            Text createdAt = Text.ABSENT;
            Text idempotencyKey = Text.ABSENT;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case PAYLOAD -> payload = payload(path + PAYLOAD);
                    case "sender" -> sender = sender(path + "sender.");
                    case "server_session_id" -> serverSession = text();
                    case "provider_run_id" -> run = text();
                    case "participant_id" -> participant = text();
                    case "created_at" -> createdAt = text();
                    case "idempotency_key" -> idempotencyKey = text();
                    default -> unknown(path + name);
                }
            }
            if (payload == null) {
                faults.add(path + PAYLOAD, "must be a JSON-RPC 2.0 message object");
            } else if (payload.fault() != null) {
                faults.add(path + PAYLOAD, payload.fault());
            }
            String senderType = null;
            String senderId = null;
            if (sender == null) {
                faults.add(path + "sender", "must be an object with a type and an id");
            } else {
                senderType = text(sender.type(), path + "sender.type", true);
                if (senderType != null && !"client".equals(senderType) && !"server".equals(senderType)) {
                    faults.add(path + "sender.type", "must be client or server");
                }
                senderId = text(sender.id(), path + "sender.id", true);
            }
            return new IncomingMessage(payload == null ? null : payload.json(),
                    payload == null ? null : payload.shape(), senderType, senderId,
                    id(serverSession, path + "server_session_id", IdPrefix.SESSION_PROVIDER, true),
                    id(run, path + "provider_run_id", IdPrefix.PROVIDER_RUN, false),
                    id(participant, path + "participant_id", IdPrefix.PARTICIPANT, false),
                    instant(createdAt, path + "created_at"),
                    text(idempotencyKey, path + "idempotency_key", false));
        }

        /** The sender object as read; null when the value is no object. */
        private Sender sender(String path) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return null;
            }
            Text type = Text.ABSENT;
            Text id = Text.ABSENT;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "type" -> type = text();
                    case "id" -> id = text();
                    case "object" -> parser.skipChildren();
                    default -> unknown(path + name);
                }
            }
            return new Sender(type, id);
        }

        private void unknown(String field) throws IOException {
            faults.add(field, "is not a field of this object");
            parser.skipChildren();
        }

        private PayloadReader.Payload payload(String field) throws IOException {
            int maxDepth = factory.streamReadConstraints().getMaxNestingDepth();
            try {
                return payloads.read(parser);
            } catch (PayloadReader.TooLarge e) {
                faults.add(field, "is larger than the " + config.maxPayloadBytes()
                        + " bytes of compact JSON a payload may take");
            } catch (StreamConstraintsException e) {
                if (parser.getParsingContext().getNestingDepth() > maxDepth) {
                    faults.add(field, "nests deeper than the " + maxDepth + " levels a request body may take");
                } else {
                    faults.add(field, "is larger than this API reads: at most " + config.maxPayloadBytes()
                            + " bytes of compact JSON, and numbers of at most "
                            + factory.streamReadConstraints().getMaxNumberLength() + " digits");
                }
            }
            // The payload was left unread in the middle: what follows it cannot be read as the batch.
            throw faults.refusal();
        }

        /** Reads the current value as a string or null; any other value is skipped and marked. */
        private Text text() throws IOException {
            return switch (parser.currentToken()) {
                case VALUE_STRING -> new Text(parser.getText(), true);
                case VALUE_NULL -> Text.ABSENT;
                default -> {
                    parser.skipChildren();
                    yield Text.NOT_TEXT;
                }
            };
        }

        private String text(Text value, String field, boolean required) {
            if (value.isText() && value.value() == null) {
                if (required) {
                    faults.add(field, "is required");
                }
                return null;
            }
            if (!value.isText() || value.value().isEmpty() || value.value().length() > MAX_TEXT) {
                faults.add(field, "must be a string of 1 to " + MAX_TEXT + " characters");
                return null;
            }
            return value.value();
        }

        private UUID id(Text value, String field, IdPrefix prefix, boolean required) {
            String text = text(value, field, required);
            if (text == null) {
                return null;
            }
            try {
                return prefix.input(field, text);
            } catch (Failure invalid) {
                faults.add(invalid);
                return null;
            }
        }

        private Instant instant(Text value, String field) {
            if (value == Text.ABSENT) {
                return null;
            }
            if (!value.isText()) {
                faults.add(field, Timestamps.EXPECTED);
                return null;
            }
            try {
                return Timestamps.parse(field, value.value()).truncatedTo(ChronoUnit.MILLIS);
            } catch (Failure invalid) {
                faults.add(invalid);
                return null;
            }
        }
    }
}

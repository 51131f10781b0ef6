package dev.sessionledger.messages.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import dev.sessionledger.messages.message.JsonRpcShape;

/**
 * Copies one payload out of a batch while the batch is read: into compact JSON, never more than the
 * bound (the copy stops at the first byte past it), and noting on the way the members its JSON-RPC
 * shape is derived from. Numbers are written in plain decimals, the form PostgreSQL keeps and
 * answers them in, so that the bound counts what is stored and the answer to a batch is what a read
 * returns. One reader serves one batch, one payload at a time.
 */
final class PayloadReader {

    /** PostgreSQL's {@code numeric}, which jsonb keeps numbers in, holds at most this many digits before the point. */
    static final int MAX_INTEGER_DIGITS = 131072;
    /** ... and at most this many after it. */
    static final int MAX_FRACTION_DIGITS = 16383;

    /** The copy of a payload so far was about to pass the bound. */
    static final class TooLarge extends RuntimeException {
        private TooLarge() {
            super(null, null, false, false);
        }
    }

    /** A payload as read: its compact JSON and what it is, or, in {@code fault}, why it cannot be stored. */
    record Payload(String json, JsonRpcShape shape, String fault) {
    }

    private final JsonFactory factory;
    private final Copy copy;

    PayloadReader(JsonFactory factory, int maxBytes) {
        this.factory = factory;
        this.copy = new Copy(maxBytes);
    }

    /**
     * Reads the value the parser stands on, through its last token.
     *
     * @throws TooLarge as soon as the copy would pass the bound; the parser is left inside the payload
     */
    Payload read(JsonParser parser) throws IOException {
        copy.reset();
        JsonRpcMembers members = new JsonRpcMembers();
        members.object = parser.currentToken() == JsonToken.START_OBJECT;
        String fault = null;
        try (JsonGenerator out = factory.createGenerator(copy, JsonEncoding.UTF8)) {
            int depth = 0;
            String member = null;
            String errorMember = null;
            for (JsonToken token = parser.currentToken();; token = parser.nextToken()) {
                String number = null;
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    number = plain(parser);
                    if (number == null) {
                        fault = "holds a number PostgreSQL cannot store: at most " + MAX_INTEGER_DIGITS
                                + " digits before the decimal point and " + MAX_FRACTION_DIGITS + " after it";
                    }
                }
                if (token.isScalarValue() || token.isStructStart()) {
                    if (depth == 1 && member != null) {
                        note(members, member, token, parser, number);
                    } else if (depth == 2 && "error".equals(member) && errorMember != null) {
                        noteError(members, errorMember, token);
                    }
                }
                switch (token) {
                    case START_OBJECT -> {
                        out.writeStartObject();
                        depth++;
                    }
                    case START_ARRAY -> {
                        out.writeStartArray();
                        depth++;
                    }
                    case END_OBJECT -> {
                        out.writeEndObject();
                        depth--;
                    }
                    case END_ARRAY -> {
                        out.writeEndArray();
                        depth--;
                    }
                    case FIELD_NAME -> {
                        out.writeFieldName(parser.currentName());
                        if (depth == 1) {
                            member = parser.currentName();
                        } else if (depth == 2) {
                            errorMember = parser.currentName();
                        }
                    }
                    case VALUE_STRING -> out.writeString(parser.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.writeNumber(number == null ? "0" : number);
                    case VALUE_TRUE, VALUE_FALSE -> out.writeBoolean(token == JsonToken.VALUE_TRUE);
                    case VALUE_NULL -> out.writeNull();
                    default -> throw new IllegalStateException("Unexpected JSON token " + token);
                }
                if (depth == 0) {
                    break;
                }
                if (depth == 1) {
                    errorMember = null;
                }
            }
        }
        if (fault != null) {
            return new Payload(null, null, fault);
        }
        try {
            return new Payload(copy.toString(StandardCharsets.UTF_8), members.shape(), null);
        } catch (IllegalArgumentException e) {
            return new Payload(null, null, e.getMessage());
        }
    }

    private static void note(JsonRpcMembers members, String member, JsonToken token, JsonParser parser,
            String number) throws IOException {
        switch (member) {
            case "jsonrpc" -> members.version = token == JsonToken.VALUE_STRING ? parser.getText() : null;
            case "method" -> {
                members.hasMethod = true;
                members.method = token == JsonToken.VALUE_STRING ? parser.getText() : null;
            }
            case "id" -> {
                members.idText = null;
                members.id = switch (token) {
                    case VALUE_NULL -> JsonRpcMembers.IdKind.NULL;
                    case VALUE_STRING -> {
                        char[] quoted = JsonStringEncoder.getInstance().quoteAsString(parser.getText());
                        members.idText = '"' + new String(quoted) + '"';
                        yield JsonRpcMembers.IdKind.STRING_OR_INTEGER;
                    }
                    case VALUE_NUMBER_INT -> {
                        members.idText = number;
                        yield JsonRpcMembers.IdKind.STRING_OR_INTEGER;
                    }
                    default -> JsonRpcMembers.IdKind.OTHER;
                };
            }
            case "result" -> members.hasResult = true;
            case "error" -> {
                members.hasError = true;
                members.errorIsObject = token == JsonToken.START_OBJECT;
                members.errorCodeIsInteger = false;
                members.errorMessageIsString = false;
            }
            default -> {
                // other members do not decide the shape
            }
        }
    }

    private static void noteError(JsonRpcMembers members, String member, JsonToken token) {
        if ("code".equals(member)) {
            members.errorCodeIsInteger = token == JsonToken.VALUE_NUMBER_INT;
        } else if ("message".equals(member)) {
            members.errorMessageIsString = token == JsonToken.VALUE_STRING;
        }
    }

    /** The number in plain decimals, as PostgreSQL writes it back; null when PostgreSQL cannot hold it. */
    private static String plain(JsonParser parser) throws IOException {
        String text = parser.getText();
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            // An integer is plain already; only its negative zero comes back from PostgreSQL as 0.
            return "-0".equals(text) ? "0" : text;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.scale() > MAX_FRACTION_DIGITS || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
                return null;
            }
            return value.toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The bytes of one payload's copy, refused once they would pass the bound. */
    private static final class Copy extends ByteArrayOutputStream {

        private final int limit;

        Copy(int limit) {
            super(8192);
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (count + 1 > limit) {
                throw new TooLarge();
            }
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (count + len > limit) {
                throw new TooLarge();
            }
            super.write(b, off, len);
        }
    }
}

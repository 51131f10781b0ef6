package dev.sessionledger.messages.message;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a JSON-RPC 2.0 message is, named as the API shows it and the database stores it. */
public enum MessageType {

    /** A method call with an id, which a response or an error answers. */
    REQUEST("request"),
    /** A method call without an id: nothing answers it. */
    NOTIFICATION("notification"),
    /** The result of a request. */
    RESPONSE("response"),
    /** The failure of a request. */
    ERROR("error");

    private final String text;

    MessageType(String text) {
        this.text = text;
    }

    @JsonValue
    public String text() {
        return text;
    }

    /** The type named {@code text}, or empty when it names none. */
    public static Optional<MessageType> of(String text) {
        for (MessageType type : values()) {
            if (type.text.equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

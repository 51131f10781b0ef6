package dev.sessionledger.threads.thread;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.sessionledger.commons.errors.ApiException;
import dev.sessionledger.threads.query.ValueType;

/** Body of {@code POST /api/threads}. */
public record CreateThreadRequest(
        @Pattern(regexp = ValueType.NO_NUL, message = "must not contain the NUL character")
        @Size(max = ChatThread.MAX_TITLE, message = "must be at most {max} characters") String title,
        @Size(max = 50, message = "may hold at most {max} keys") Map<String, Object> metadata) {

    /** Most text, counted over every key and string, that metadata may hold. */
    public static final int MAX_METADATA_TEXT = 16_384;

    /** Refuses metadata that PostgreSQL's jsonb cannot store (NUL characters) or that is too large. */
    public void requireStorableMetadata() {
        if (metadata != null && textIn(metadata) > MAX_METADATA_TEXT) {
            throw ApiException.invalid("metadata", "may hold at most " + MAX_METADATA_TEXT + " characters of text");
        }
    }

    private static int textIn(Object value) {
        if (value instanceof String text) {
            if (text.indexOf('\u0000') >= 0) {
                throw ApiException.invalid("metadata", "must not contain the NUL character");
            }
            return text.length();
        }
        if (value instanceof Map<?, ?> map) {
            int total = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                total += textIn(String.valueOf(entry.getKey())) + textIn(entry.getValue());
            }
            return total;
        }
        if (value instanceof List<?> list) {
            return list.stream().mapToInt(CreateThreadRequest::textIn).sum();
        }
        return 1;
    }
}

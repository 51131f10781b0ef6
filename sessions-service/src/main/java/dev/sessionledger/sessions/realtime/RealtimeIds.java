package dev.sessionledger.sessions.realtime;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.sessionledger.commons.errors.Failure;

/** RealtimeKit ids are plain UUIDs; these read them from paths (unknown means 404) and bodies (400). */
public final class RealtimeIds {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RealtimeIds() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    /** An id from the path: a malformed one names nothing that exists. */
    public static UUID pathId(String entity, String text) {
        return parse(text).orElseThrow(() -> Failure.notFound(entity, text));
    }

    /** An optional id from a body field: absent is null, malformed is a 400 naming the field. */
    public static UUID bodyId(String field, String text) {
        if (text == null) {
            return null;
        }
        return parse(text).orElseThrow(() -> Failure.invalid(field, "must be a UUID"));
    }
}

package dev.sessionledger.commons.ids;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.sessionledger.commons.errors.Failure;

/** Plain UUIDs (RealtimeKit and thread ids), read in their canonical 36-character form only. */
public final class Uuids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    /** An id naming something that must exist (a path id): a malformed one names nothing, a not-found failure. */
    public static UUID existing(String text, String entity) {
        return parse(text).orElseThrow(() -> Failure.notFound(entity, text));
    }

    /** An id given as an input: a malformed one is an invalid-input failure naming {@code field}. */
    public static UUID input(String field, String text) {
        return parse(text).orElseThrow(() -> Failure.invalid(field, "must be a UUID"));
    }
}

package dev.sessionledger.threads.query;

import java.util.Optional;
import java.util.UUID;

/** Reads the UUIDs in paths: anything that is not one names nothing, so it answers like an unknown id. */
public final class Ids {

    private Ids() {
    }

    public static Optional<UUID> parse(String text) {
        try {
            return Optional.of((UUID) ValueType.UUID_TEXT.parseText(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

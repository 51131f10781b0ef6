package dev.sessionledger.commons.metorial;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;

/**
 * Metorial's opaque {@code cursor}: a base64url token that names a direction and an object id, so
 * it continues a list exactly as {@code after} or {@code before} with that id would.
 */
public final class MetorialCursor {

    static final String PARAMETER = "cursor";
    private static final String AFTER = "after:";
    private static final String BEFORE = "before:";

    private MetorialCursor() {
    }

    /** A cursor that continues with the items after {@code id}. */
    public static String after(String id) {
        return encode(AFTER + id);
    }

    /** A cursor that continues with the items before {@code id}. */
    public static String before(String id) {
        return encode(BEFORE + id);
    }

    /** The anchor a cursor names; anything that is not a cursor for ids with this prefix is a 400 naming {@code cursor}. */
    public static MetorialListRequest.Anchor decode(String cursor, String idPrefix) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        boolean before = text.startsWith(BEFORE);
        if (!before && !text.startsWith(AFTER)) {
            throw invalid();
        }
        UUID id = PrefixedId.parse(idPrefix, text.substring(before ? BEFORE.length() : AFTER.length()))
                .orElseThrow(MetorialCursor::invalid);
        return new MetorialListRequest.Anchor(id, before);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Failure invalid() {
        return Failure.invalid(PARAMETER, "is not a cursor this list issued");
    }
}

package dev.sessionledger.threads.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.auth.HmacSigner;
import dev.sessionledger.commons.auth.Sha256;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.persistence.Sql;

/**
 * Opaque, tamper-evident keyset cursors: base64url JSON of the row's sort keys (nulls included),
 * a hash of the query they belong to and, for a list whose total is counted, that count as of the
 * list's first page, signed with HMAC-SHA256. A cursor changed by hand, or replayed against another
 * filter, sort or scope, is refused.
 */
@ApplicationScoped
public class CursorCodec {

    public static final int MAX_LENGTH = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @ConfigProperty(name = "threads.cursor-secret")
    Optional<String> configuredSecret;

    private HmacSigner signer;

    @PostConstruct
    void init() {
        signer = HmacSigner.fromSecret(configuredSecret, "threads.cursor-secret (THREADS_CURSOR_SECRET) is not set: "
                + "list cursors are signed with a key made for this process, so they stop working on restart and are "
                + "not accepted by other replicas");
    }

    /** The fingerprint of a query's filter, scope and sort that its cursors are tied to. */
    public static String scopeOf(Sql where, List<SortKey> keys) {
        StringBuilder text = new StringBuilder(where.text()).append('\u0000');
        for (Object param : where.params()) {
            text.append(param.getClass().getSimpleName()).append(':').append(ValueType.format(param)).append('\u0000');
        }
        for (SortKey key : keys) {
            text.append(key.field().wire()).append(' ').append(key.direction().wire()).append('\u0000');
        }
        return ENCODER.encodeToString(Arrays.copyOf(Sha256.of(text.toString()), 16));
    }

    /** @param total the total later pages report instead of counting again, or null to carry none */
    public String encode(String scope, List<Object> values, Long total) {
        List<String> texts = values.stream().map(v -> v == null ? null : ValueType.format(v)).toList();
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(total == null
                    ? Map.of("s", scope, "k", texts)
                    : Map.of("s", scope, "k", texts, "t", total));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cursor could not be written", e);
        }
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signer.sign(payload));
    }

    /**
     * What a cursor carries: its sort-key values, typed for binding, and the total it carries, if any.
     *
     * @param parameter {@code after} or {@code before}, named in every refusal
     */
    public Cursor decode(String cursor, String parameter, String scope, List<SortKey> keys) {
        if (cursor.length() > MAX_LENGTH) {
            throw Failure.invalid(parameter, "is not a cursor this API issued");
        }
        int dot = cursor.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(cursor.substring(0, Math.max(dot, 0)));
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw Failure.invalid(parameter, "is not a cursor this API issued");
        }
        if (dot < 0 || !signer.matches(payload, signature)) {
            throw Failure.invalid(parameter, "is not a cursor this API issued, or it was altered");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw Failure.invalid(parameter, "is not a cursor this API issued");
        }
        if (!scope.equals(tree.path("s").asText())) {
            throw Failure.invalid(parameter,
                    "was issued for another filter, sort or scope; cursors work only with the query that returned them");
        }
        JsonNode values = tree.path("k");
        JsonNode total = tree.path("t");
        boolean totalFits = total.isMissingNode()
                || total.isIntegralNumber() && total.canConvertToLong() && total.longValue() >= 0;
        if (!values.isArray() || values.size() != keys.size() || !totalFits) {
            throw Failure.invalid(parameter, "is not a cursor this API issued");
        }
        List<Object> decoded = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            FilterField field = keys.get(i).field();
            JsonNode value = values.get(i);
            if (value.isNull() && field.nullable()) {
                decoded.add(null);
            } else if (value.isTextual()) {
                decoded.add(field.type().parse(value.textValue(), parameter));
            } else {
                throw Failure.invalid(parameter, "is not a cursor this API issued");
            }
        }
        return new Cursor(decoded, total.isMissingNode() ? null : total.longValue());
    }
}

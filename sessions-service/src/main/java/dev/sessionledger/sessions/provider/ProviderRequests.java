package dev.sessionledger.sessions.provider;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.sessionledger.commons.validation.OneOf;

/**
 * Bodies of the provider registry, with their bounds. Names are trimmed before they are checked.
 * The records that hold upstream headers never show their values in {@code toString}, so that no
 * log line can carry them.
 */
public final class ProviderRequests {

    private static final String HEADERS_DESCRIPTION = "Headers sent to the upstream server with every request (its "
            + "own credentials): write-only, encrypted at rest, never returned.";

    private ProviderRequests() {
    }

    /** {@code POST /providers}. */
    public record CreateProvider(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            @NotNull(message = "is required") @UpstreamUrl String upstreamUrl,
            @UpstreamHeaders @Schema(type = SchemaType.OBJECT, description = HEADERS_DESCRIPTION,
                    additionalProperties = String.class) Map<String, Object> upstreamHeaders,
            @OneOf({ Provider.BEST_EFFORT, Provider.AUDIT }) String recordingMode) {

        public CreateProvider {
            name = trim(name);
        }

        public String recordingModeOrDefault() {
            return recordingMode == null ? Provider.BEST_EFFORT : recordingMode;
        }

        /** The headers as checked (every value a string); empty when none were given. */
        public Map<String, String> headers() {
            return strings(upstreamHeaders);
        }

        @Override
        public String toString() {
            return "CreateProvider[name=" + name + ", upstreamUrl=" + upstreamUrl + ", upstreamHeaders="
                    + redacted(upstreamHeaders) + ", recordingMode=" + recordingMode + "]";
        }
    }

    /**
     * {@code PATCH /providers/{id}}: what is absent (or null) stays as it is; {@code upstream_headers}
     * given replaces the old headers whole, and {@code {}} removes them.
     */
    public record UpdateProvider(
            @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
            @UpstreamUrl String upstreamUrl,
            @UpstreamHeaders @Schema(type = SchemaType.OBJECT, description = HEADERS_DESCRIPTION
                    + " Given, they replace the old ones; {} removes them.",
                    additionalProperties = String.class) Map<String, Object> upstreamHeaders,
            @OneOf({ Provider.BEST_EFFORT, Provider.AUDIT }) String recordingMode) {

        public UpdateProvider {
            name = trim(name);
        }

        /** The new headers, or null to keep the old ones. */
        public Map<String, String> headersOrNull() {
            return upstreamHeaders == null ? null : strings(upstreamHeaders);
        }

        @Override
        public String toString() {
            return "UpdateProvider[name=" + name + ", upstreamUrl=" + upstreamUrl + ", upstreamHeaders="
                    + redacted(upstreamHeaders) + ", recordingMode=" + recordingMode + "]";
        }
    }

    private static String trim(String name) {
        return name == null ? null : name.strip();
    }

    private static Map<String, String> strings(Map<String, Object> headers) {
        Map<String, String> text = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> text.put(name, (String) value));
        }
        return text;
    }

    /** The header names only. */
    static String redacted(Map<String, ?> headers) {
        return headers == null ? "null" : headers.keySet().stream().map(n -> n + "=***").toList().toString();
    }
}

package dev.sessionledger.sessions.provider;

import java.time.Instant;
import java.util.UUID;

import dev.sessionledger.commons.metorial.KeysetRow;

/**
 * Providers as the read paths take them from their table: each component named as the entity
 * attribute it is read from ({@link dev.sessionledger.commons.persistence.RowSelect}).
 */
public final class ProviderRows {

    private ProviderRows() {
    }

    /** A provider as the registry shows it: never its upstream headers. */
    public record ProviderRow(UUID id, String name, String upstreamUrl, String recordingMode, Instant createdAt,
            Instant updatedAt) implements KeysetRow {

        static ProviderRow of(Provider p) {
            return new ProviderRow(p.id, p.name, p.upstreamUrl, p.recordingMode, p.createdAt, p.updatedAt);
        }
    }

    /** Where a provider lives and its headers, still sealed. */
    public record UpstreamRow(UUID id, String upstreamUrl, byte[] upstreamHeaders, String recordingMode) {

        @Override
        public String toString() {
            return "Provider[" + id + "]";
        }
    }
}

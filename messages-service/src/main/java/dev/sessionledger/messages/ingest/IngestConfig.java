package dev.sessionledger.messages.ingest;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of {@code POST /sessions/{session_id}/messages}. */
@ConfigMapping(prefix = "messages.ingest")
public interface IngestConfig {

    /** Most messages in one batch. */
    @WithDefault("1000")
    int maxBatchSize();

    /** Largest JSON-RPC payload of one message, in bytes of compact JSON as stored. */
    @WithDefault("1048576")
    int maxPayloadBytes();

    /**
     * Most bytes of ingest bodies read at once, counted by their declared lengths; when absent, a
     * quarter of the heap ({@link InflightBodies}).
     */
    Optional<MemorySize> maxInflightBytes();
}

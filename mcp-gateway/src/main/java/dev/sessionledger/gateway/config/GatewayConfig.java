package dev.sessionledger.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway talks to upstream MCP servers, how long an idle session lives, and how it records. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Upstream upstream();

    Sessions sessions();

    Recording recording();

    /** The MCP servers the providers name. */
    interface Upstream {

        /** Time to open a connection to the upstream. */
        @WithDefault("5S")
        Duration connectTimeout();

        /** Time from the request sent to the upstream's answer (its status and headers). */
        @WithDefault("30S")
        Duration readTimeout();
    }

    /** The sessions the gateway serves. */
    interface Sessions {

        /** A session without a request for this long is ended (by sessions-service). */
        @WithDefault("30M")
        Duration idleTimeout();

        /** At most this often a replica tells sessions-service that a session's traffic passed (and at most a tenth of the idle timeout). */
        @WithDefault("5S")
        Duration reportInterval();
    }

    /** best_effort recording through messages-service. */
    interface Recording {

        /** Messages waiting to be written; beyond it a message is dropped (and counted). */
        @WithDefault("10000")
        int bufferSize();

        /** At most this many messages a write. */
        @WithDefault("500")
        int batchSize();

        /** Sessions whose batches are sent to messages-service at once. */
        @WithDefault("4")
        int concurrency();

        /** How long a message waits for others to share its write. */
        @WithDefault("50MS")
        Duration flushInterval();

        /**
         * How long a batch messages-service did not take is tried again (with back-off) before its
         * messages are counted as dropped; its idempotency keys make a retry store nothing twice.
         */
        @WithDefault("30S")
        Duration retryFor();
    }
}

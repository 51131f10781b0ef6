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

        /** A session without a request for this long is ended. */
        @WithDefault("30M")
        Duration idleTimeout();
    }

    /** best_effort recording through messages-service. */
    interface Recording {

        /** Messages waiting to be written; beyond it a message is dropped (and counted). */
        @WithDefault("10000")
        int bufferSize();

        /** At most this many messages a write. */
        @WithDefault("500")
        int batchSize();

        /** How long a message waits for others to share its write. */
        @WithDefault("50MS")
        Duration flushInterval();
    }
}

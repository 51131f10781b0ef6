package dev.sessionledger.sessions.realtime;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the RealtimeKit side: download links and the summarizer. */
@ConfigMapping(prefix = "realtime")
public interface RealtimeConfig {

    Downloads downloads();

    Summary summary();

    /** Signed download links. */
    interface Downloads {

        /** HMAC key; without one, a random key per process (links then die with the process). */
        Optional<String> secret();

        /** Where clients reach this service, usually the gateway: links are built on it. */
        @WithDefault("http://localhost:8080")
        String baseUrl();

        @WithDefault("PT1H")
        Duration ttl();
    }

    /** Transcript summaries. */
    interface Summary {

        /** The name of the summarizer to use. */
        @WithDefault("extractive")
        String backend();

        /** The most sentences a summary keeps. */
        @WithDefault("7")
        int maxSentences();
    }
}

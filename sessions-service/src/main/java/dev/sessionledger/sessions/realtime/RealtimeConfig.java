package dev.sessionledger.sessions.realtime;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the RealtimeKit side: download links, the summarizer and the webhook receivers. */
@ConfigMapping(prefix = "realtime")
public interface RealtimeConfig {

    Downloads downloads();

    Summary summary();

    Webhooks webhooks();

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

    /** Deliveries of RealtimeKit's webhooks. */
    interface Webhooks {

        /**
         * RealtimeKit's public key, which signs every delivery: PEM text, or the path of a PEM file.
         * A receiver may carry its own key instead.
         */
        Optional<String> publicKey();

        /** The largest delivery body read. */
        @WithDefault("1048576")
        int maxBodyBytes();

        /** The largest chat, transcript or summary file a delivery's download URL is read for. */
        @WithDefault("16777216")
        int maxDownloadBytes();

        /** How long reading one such file may take, connecting included. */
        @WithDefault("PT15S")
        Duration downloadTimeout();

        /** How often files that could not be read are read again, while their URLs live. */
        @WithDefault("PT1M")
        Duration retryInterval();

        /** How many times at most a delivery's file is read, its first time included. */
        @WithDefault("5")
        int maxImportAttempts();

        /** Whether files are read from loopback and private addresses too: for test beds only. */
        @WithDefault("false")
        boolean allowPrivateDownloadHosts();
    }
}

package dev.sessionledger.sessions.realtime.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A delivery's file URL never reaches the service's own network unless a test bed allows it. */
class FileFetcherTest {

    @Test
    void loopback_private_link_local_and_unique_local_addresses_are_refused() {
        for (String url : List.of("http://127.0.0.1/chat.csv", "http://localhost:8081/q/metrics",
                "http://10.1.2.3/x", "http://172.16.0.9/x", "http://192.168.1.1/x", "http://169.254.169.254/latest/",
                "http://100.64.0.1/x", "http://0.0.0.0/x", "http://[::1]/x", "http://[fd00::1]/x", "http://[fe80::1]/x",
                "http://224.0.0.1/x")) {
            assertThrows(FileFetcher.FetchFailed.class, () -> FileFetcher.checkHost(URI.create(url), false), url);
        }
    }

    @Test
    void public_addresses_pass_and_a_test_bed_may_allow_its_own() {
        assertDoesNotThrow(() -> FileFetcher.checkHost(URI.create("https://93.184.215.14/chat.csv"), false));
        assertDoesNotThrow(() -> FileFetcher.checkHost(URI.create("https://[2606:4700::6810:84e5]/t.json"), false));
        assertDoesNotThrow(() -> FileFetcher.checkHost(URI.create("http://127.0.0.1/chat.csv"), true));
    }
}

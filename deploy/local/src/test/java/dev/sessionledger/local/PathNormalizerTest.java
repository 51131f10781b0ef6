package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The path forms of RFC 3986 5.2.4 and the refusals the gateway adds to them. */
class PathNormalizerTest {

    @Test
    void removes_dot_segments_as_rfc_3986_does_and_collapses_repeated_slashes() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/", "/");
        expected.put("/a/b/c/./../../g", "/a/g");
        expected.put("/mid/content=5/../6", "/mid/6");
        expected.put("/a/..", "/");
        expected.put("/a/.", "/a/");
        expected.put("/a/b/..", "/a/");
        expected.put("/..", "/");
        expected.put("/../../a", "/a");
        expected.put("/a/", "/a/");
        expected.put("//a//b//", "/a/b/");
        expected.put("/a//../b", "/b");
        expected.put("/a/.../b", "/a/.../b");
        expected.put("/a/..b/c", "/a/..b/c");
        expected.put("/a/%41%7e%2D%5f/%C3%A9%20", "/a/A~-_/%C3%A9%20");
        expected.forEach((raw, normal) -> assertEquals(Optional.of(normal), PathNormalizer.normalize(raw), raw));
    }

    @Test
    void refuses_what_could_become_a_separator_or_a_dot_segment_after_routing() {
        for (String raw : new String[] {"/%2e", "/%2E%2e/a", "/a%2fb", "/a%2Fb", "/a%5cb", "/a%5Cb", "/a\\b", "/..;/a",
                "/.;a", "/a/%", "/a/%4", "/a/%g1", "a/b", "", "*"}) {
            assertEquals(Optional.empty(), PathNormalizer.normalize(raw), raw);
        }
        assertEquals(Optional.empty(), PathNormalizer.normalize(null));
    }

    @Test
    void knows_the_private_paths_by_their_whole_first_segment() {
        for (String path : new String[] {"/q", "/q/", "/q/metrics", "/Q/health", "/q;x/metrics", "/internal",
                "/internal/mcp/sessions/x", "/Internal;v=1/x"}) {
            assertTrue(PathNormalizer.isPrivate(path), path);
        }
        for (String path : new String[] {"/", "/quotas", "/qq/metrics", "/internals", "/sessions/q/metrics",
                "/sessions/internal"}) {
            assertFalse(PathNormalizer.isPrivate(path), path);
        }
    }
}

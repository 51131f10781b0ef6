package dev.sessionledger.local;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts a request path into the one form both the gateway's router and the services see: RFC 3986
 * normalised, with no dot segments and no repeated slashes.
 */
public final class PathNormalizer {

    private PathNormalizer() {
    }

    /**
     * The normal form of a raw request path, or empty when the path is refused: it does not start
     * with a slash, has a malformed escape, an encoded dot, slash or backslash, a backslash, or a
     * dot segment carrying path parameters.
     */
    public static Optional<String> normalize(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        Optional<String> decoded = decodeUnreserved(rawPath);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        Deque<String> output = new ArrayDeque<>();
        String[] segments = decoded.get().split("/", -1);
        // segments[0] is the empty string before the leading slash.
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.startsWith(".;") || segment.startsWith("..;")) {
                // Servers that honour path parameters (RESTEasy, Jetty, Tomcat) read these as "." and "..".
                return Optional.empty();
            }
            if (segment.equals("..")) {
                output.pollLast();
                if (last) {
                    output.addLast("");
                }
            } else if (segment.equals(".")) {
                if (last) {
                    output.addLast("");
                }
            } else if (segment.isEmpty() && !last) {
                // Repeated slashes collapse: "//q/metrics" must not route differently from "/q/metrics".
                continue;
            } else {
                output.addLast(segment);
            }
        }
        return Optional.of("/" + String.join("/", output));
    }

    /**
     * Whether a normalised path is one that only the platform or other services may call
     * ({@code /q/...} health and metrics, {@code /internal/...}): never routed from outside.
     */
    public static boolean isPrivate(String normalizedPath) {
        int end = normalizedPath.indexOf('/', 1);
        String first = normalizedPath.substring(1, end < 0 ? normalizedPath.length() : end);
        int parameters = first.indexOf(';');
        if (parameters >= 0) {
            first = first.substring(0, parameters);
        }
        first = first.toLowerCase(Locale.ROOT);
        return first.equals("q") || first.equals("internal");
    }

    /**
     * Decodes escaped unreserved characters (RFC 3986 6.2.2.2), as Vert.x does before it removes
     * dot segments, so that "/%71/metrics" is seen as "/q/metrics" here too. An escaped dot, slash
     * or backslash is refused rather than decoded: it would turn into a path separator or a dot
     * segment after routing.
     */
    private static Optional<String> decodeUnreserved(String path) {
        if (path.indexOf('%') < 0) {
            return Optional.of(path);
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 2 >= path.length()) {
                return Optional.empty();
            }
            int high = Character.digit(path.charAt(i + 1), 16);
            int low = Character.digit(path.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            char decoded = (char) (high * 16 + low);
            if (decoded == '.' || decoded == '/' || decoded == '\\') {
                return Optional.empty();
            }
            if (isUnreserved(decoded)) {
                out.append(decoded);
            } else {
                out.append(path, i, i + 3);
            }
            i += 2;
        }
        return Optional.of(out.toString());
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '~';
    }
}

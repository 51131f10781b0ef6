package dev.sessionledger.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The routing rules of the Kubernetes Ingress, read from its manifest and applied the way
 * ingress-nginx applies regex paths: each path matches from the start of the request path,
 * case-insensitively, and the longest path is tried first.
 */
public final class IngressRoutes {

    /** One path rule: where requests matching it go. */
    public record Route(String path, Pattern pattern, String service) {
    }

    private final List<Route> routes;

    private IngressRoutes(List<Route> routes) {
        this.routes = routes;
    }

    public static IngressRoutes load(Path manifest) throws IOException {
        return of(new ObjectMapper(new YAMLFactory()).readTree(manifest.toFile()), manifest.toString());
    }

    /** The routes of an Ingress object already read, such as one rendered from a kustomize overlay. */
    public static IngressRoutes of(JsonNode ingress, String source) throws IOException {
        if (!"Ingress".equals(ingress.path("kind").asText())) {
            throw new IOException(source + " is not an Ingress manifest");
        }
        List<Route> routes = new ArrayList<>();
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                String regex = path.path("path").asText();
                String service = path.path("backend").path("service").path("name").asText();
                if (regex.isEmpty() || service.isEmpty()) {
                    throw new IOException(source + " has a path rule without a path or a backend service");
                }
                routes.add(new Route(regex, Pattern.compile("^" + regex, Pattern.CASE_INSENSITIVE), service));
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.path().length()).reversed());
        return new IngressRoutes(List.copyOf(routes));
    }

    /** The service that serves {@code requestPath}, if any rule routes it. */
    public Optional<String> serviceFor(String requestPath) {
        return routes.stream().filter(r -> r.pattern().matcher(requestPath).find()).map(Route::service).findFirst();
    }

    public List<Route> routes() {
        return routes;
    }
}

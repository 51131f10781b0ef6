package dev.sessionledger.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The routing rules of the Kubernetes Ingress objects, read from their manifest and applied the way
 * ingress-nginx applies regex paths: the paths of every Ingress of the host form one table, each
 * path matches from the start of the request path, case-insensitively, and the longest path is
 * tried first.
 */
public final class IngressRoutes {

    /** One path rule: where requests matching it go, and the Ingress that holds it. */
    public record Route(String path, Pattern pattern, String service, String ingress) {
    }

    private final List<Route> routes;

    private IngressRoutes(List<Route> routes) {
        this.routes = routes;
    }

    /** The routes of every Ingress document of a manifest file (documents separated by {@code ---}). */
    public static IngressRoutes load(Path manifest) throws IOException {
        List<JsonNode> ingresses = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
                .readValues(manifest.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    ingresses.add(document);
                }
            }
        }
        return of(ingresses, manifest.toString());
    }

    /** The routes of one Ingress object already read. */
    public static IngressRoutes of(JsonNode ingress, String source) throws IOException {
        return of(List.of(ingress), source);
    }

    /** The routes of Ingress objects already read, such as those rendered from a kustomize overlay. */
    public static IngressRoutes of(List<JsonNode> ingresses, String source) throws IOException {
        if (ingresses.isEmpty()) {
            throw new IOException(source + " holds no Ingress");
        }
        List<Route> routes = new ArrayList<>();
        for (JsonNode ingress : ingresses) {
            if (!"Ingress".equals(ingress.path("kind").asText())) {
                throw new IOException(source + " holds a " + ingress.path("kind").asText("document without a kind")
                        + ", not only Ingress manifests");
            }
            String name = ingress.path("metadata").path("name").asText();
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String regex = path.path("path").asText();
                    String service = path.path("backend").path("service").path("name").asText();
                    if (regex.isEmpty() || service.isEmpty()) {
                        throw new IOException(source + " has a path rule without a path or a backend service");
                    }
                    routes.add(new Route(regex, Pattern.compile("^" + regex, Pattern.CASE_INSENSITIVE), service, name));
                }
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

package dev.sessionledger.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The paths each service serves, from the OpenAPI document its build writes to
 * {@code <service>/target/openapi/openapi.json} (health endpoints included), and the routes a
 * service serves outside its JAX-RS resources, which that document does not list.
 */
record ServiceDocs(Map<String, Set<String>> paths) {

    static final List<String> SERVICES = List.of("sessions-service", "messages-service", "threads-service", "mcp-gateway");

    /**
     * Public routes served by plain Vert.x routes, not JAX-RS, and so missing from the OpenAPI
     * document: mcp-gateway's Streamable HTTP endpoint ({@code McpRoute}, POST, GET and DELETE).
     * They are checked like documented paths: routed by the Ingress to their service alone.
     */
    static final Map<String, Set<String>> ROUTES_OUTSIDE_OPENAPI = Map.of("mcp-gateway", Set.of("/mcp/{provider_id}"));

    static ServiceDocs read(Path projectRoot) throws IOException {
        Map<String, Set<String>> paths = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path document = projectRoot.resolve(service).resolve("target/openapi/openapi.json");
            if (!Files.isRegularFile(document)) {
                throw new IllegalStateException(document + " is missing: build the services first "
                        + "(the reactor build does, as this module depends on them)");
            }
            Set<String> served = new TreeSet<>();
            Iterator<String> names = new ObjectMapper().readTree(document.toFile()).path("paths").fieldNames();
            names.forEachRemaining(served::add);
            served.addAll(ROUTES_OUTSIDE_OPENAPI.getOrDefault(service, Set.of()));
            paths.put(service, served);
        }
        return new ServiceDocs(paths);
    }

    boolean knows(String service) {
        return paths.containsKey(service);
    }

    boolean serves(String service, String path) {
        return paths.getOrDefault(service, Set.of()).contains(path);
    }

    /** A concrete request path for an OpenAPI path template: every {parameter} becomes a plain value. */
    static String sample(String template) {
        return template.replaceAll("\\{[^}/]+}", "x1");
    }

    /** Paths that stay inside the cluster: platform pages and calls between services. */
    static boolean isPrivate(String path) {
        return path.startsWith("/q/") || path.equals("/q") || path.startsWith("/internal/");
    }

}

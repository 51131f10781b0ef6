package dev.sessionledger.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The paths each service serves, from the OpenAPI document its build writes to
 * {@code <service>/target/openapi/openapi.json} (health endpoints included), and the routes a
 * service serves outside its JAX-RS resources, which that document does not list; and the paths
 * each web app serves, from its configuration.
 */
record ServiceDocs(Map<String, Set<String>> paths) {

    /** The API services: each builds an OpenAPI document. */
    static final List<String> SERVICES = List.of("sessions-service", "messages-service", "threads-service", "mcp-gateway");

    /**
     * Workloads that serve pages, not an API: the console. It builds no OpenAPI document, holds no
     * Secret and calls no service (the browser reads the APIs through the Ingress), which the checks
     * hold it to.
     */
    static final List<String> WEB_APPS = List.of("console");

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
        for (String app : WEB_APPS) {
            paths.put(app, webAppPaths(projectRoot.resolve(app)));
        }
        return new ServiceDocs(paths);
    }

    /** Every Deployment of the set: the API services, then the web apps. */
    static List<String> workloads() {
        return Stream.concat(SERVICES.stream(), WEB_APPS.stream()).toList();
    }

    static boolean isWebApp(String name) {
        return WEB_APPS.contains(name);
    }

    /**
     * What a web app serves, as Quarkus resolves it from its application.properties: its pages under
     * {@code quarkus.http.root-path}, and the health and metrics pages under the non-application root
     * path (relative to the root path unless it starts with a slash) when its pom has the extensions.
     */
    private static Set<String> webAppPaths(Path module) throws IOException {
        Properties config = new Properties();
        try (var in = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            config.load(in);
        }
        String pom = Files.readString(module.resolve("pom.xml"));
        String root = "/" + strip(config.getProperty("quarkus.http.root-path", "/"));
        String nonApplication = config.getProperty("quarkus.http.non-application-root-path", "q");
        String platform = nonApplication.startsWith("/") ? "/" + strip(nonApplication)
                : (root.equals("/") ? "" : root) + "/" + strip(nonApplication);
        Set<String> served = new TreeSet<>();
        served.add(root.equals("/") ? "/" : root + "/");
        served.add((root.equals("/") ? "" : root) + "/{file}");
        if (pom.contains("<artifactId>quarkus-smallrye-health</artifactId>")) {
            for (String check : List.of("", "/live", "/ready", "/started")) {
                served.add(platform + "/health" + check);
            }
        }
        if (pom.contains("<artifactId>quarkus-micrometer-registry-prometheus</artifactId>")) {
            served.add(platform + "/metrics");
        }
        return served;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
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

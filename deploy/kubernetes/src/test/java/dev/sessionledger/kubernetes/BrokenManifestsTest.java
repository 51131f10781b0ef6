package dev.sessionledger.kubernetes;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Each check catches the mistake it exists for: a manifest broken on purpose fails with a message naming it. */
class BrokenManifestsTest {

    private static ManifestChecks.Context context;
    private static String prodYaml;
    private static Manifests prod;

    @BeforeAll
    static void renderProd() throws Exception {
        context = ManifestChecks.Context.ofProject();
        prodYaml = Kustomize.render(ManifestChecks.KUBERNETES.resolve("overlays/prod"));
        prod = Manifests.parse(prodYaml);
        ManifestChecks.verify(prod, context);
    }

    @Test
    void a_typo_in_a_field_name_fails_strict_reading() throws Exception {
        assertFails(Manifests.parse(prodYaml.replaceFirst("readinessProbe:", "readinesProbe:")),
                "spec.template.spec.containers[0].readinesProbe: unknown field (not in Container)");
    }

    @Test
    void a_typo_in_a_database_cluster_field_fails_strict_reading() throws Exception {
        assertFails(Manifests.parse(prodYaml.replaceFirst("enablePodAntiAffinity:", "enablePodAntiAfinity:")),
                "spec.affinity.enablePodAntiAfinity: unknown field (not in Affinity)");
    }

    @Test
    void a_value_of_the_wrong_type_fails_strict_reading() {
        assertFails(broken(m -> ((ObjectNode) m.get("Deployment", "threads-service").path("spec")).set("replicas", TextNode.valueOf("3"))),
                "Deployment threads-service: spec.replicas");
    }

    @Test
    void an_api_version_the_set_does_not_use_is_rejected() {
        assertFails(broken(m -> m.get("HorizontalPodAutoscaler", "threads-service").put("apiVersion", "autoscaling/v2beta2")),
                "HorizontalPodAutoscaler threads-service: no model for autoscaling/v2beta2");
    }

    @Test
    void a_probe_path_the_service_does_not_serve_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) container(m, "sessions-service").path("readinessProbe").path("httpGet"))
                        .put("path", "/q/health/readyz")),
                "readinessProbe path /q/health/readyz is not served by sessions-service");
    }

    @Test
    void a_probe_on_a_port_the_container_does_not_open_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) container(m, "messages-service").path("livenessProbe").path("httpGet"))
                        .put("port", "management")),
                "livenessProbe port management is not a container port");
    }

    @Test
    void a_route_that_sends_a_path_to_the_wrong_service_is_rejected() {
        ManifestProblems problems = assertFails(broken(m -> backendOf(m, "/api/threads(/|$)").put("name", "sessions-service")),
                "/api/threads/{id} of threads-service is routed to sessions-service");
        assertTrue(problems.getMessage().contains("differ from the local gateway's"), problems.getMessage());
    }

    @Test
    void a_route_that_exposes_internal_paths_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) ingressPath(m, "/downloads/")).put("path", "/")),
                "/internal/mcp/sessions/{session_id} of sessions-service must stay inside the cluster");
    }

    @Test
    void a_container_without_limits_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) container(m, "messages-service").path("resources")).remove("limits")),
                "Deployment messages-service container app: has no cpu limit");
    }

    @Test
    void a_writable_root_filesystem_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) container(m, "threads-service").path("securityContext"))
                        .put("readOnlyRootFilesystem", false)),
                "Deployment threads-service container app: must run with readOnlyRootFilesystem: true");
    }

    @Test
    void a_secret_that_nothing_provides_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) container(m, "sessions-service").path("env").get(0)
                        .path("valueFrom").path("secretKeyRef")).put("name", "sessions-db-ap")),
                "names Secret sessions-db-ap key host, which is neither in the set");
    }

    @Test
    void a_variable_referring_to_an_undefined_one_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) container(m, "threads-service").path("env").get(3))
                        .put("value", "jdbc:postgresql://$(DB_HOTS):$(DB_PORT)/$(DB_NAME)")),
                "refers to $(DB_HOTS), which no earlier variable defines");
    }

    @Test
    void a_service_whose_selector_matches_no_pods_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) m.get("Service", "threads-service").path("spec").path("selector"))
                        .put("app.kubernetes.io/name", "thread-service")),
                "Service threads-service: its selector {app.kubernetes.io/name=thread-service} selects no Deployment's pods");
    }

    @Test
    void a_database_open_to_another_service_is_rejected() {
        assertFails(broken(m -> peers(m, "sessions-db").addObject().putObject("podSelector").putObject("matchLabels")
                        .put("app.kubernetes.io/name", "threads-service")),
                "NetworkPolicy for database sessions-db: admits [sessions-service, threads-service] on 5432");
    }

    @Test
    void a_service_open_to_a_service_that_does_not_call_it_is_rejected() {
        assertFails(broken(m -> peers(m, "threads-service").addObject().putObject("podSelector").putObject("matchLabels")
                        .put("app.kubernetes.io/name", "messages-service")),
                "NetworkPolicy for Deployment threads-service: admits [messages-service] but the services that call it are []");
    }

    @Test
    void a_caller_the_policy_forgets_is_rejected() {
        assertFails(broken(m -> peers(m, "messages-service").remove(1)),
                "NetworkPolicy for Deployment messages-service: admits [mcp-gateway] but the services that call it are "
                        + "[mcp-gateway, sessions-service]");
    }

    @Test
    void a_service_policy_that_does_not_admit_the_mcp_gateway_is_rejected() {
        assertFails(broken(m -> peers(m, "sessions-service").remove(2)),
                "NetworkPolicy for Deployment sessions-service: admits [messages-service] but the services that call it are "
                        + "[mcp-gateway, messages-service]");
    }

    @Test
    void gateway_egress_open_to_the_metadata_address_is_rejected() {
        assertFails(broken(m -> removeText((ArrayNode) ipBlock(m, 0).path("except"), "169.254.0.0/16")),
                "NetworkPolicy egress for Deployment mcp-gateway: the address block 0.0.0.0/0 opens 169.254.169.254");
    }

    @Test
    void gateway_egress_open_to_the_cluster_networks_is_rejected() {
        ManifestProblems problems = assertFails(broken(m -> removeText((ArrayNode) ipBlock(m, 0).path("except"), "10.0.0.0/8")),
                "the address block 0.0.0.0/0 opens 10.0.0.1");
        assertTrue(problems.getMessage().contains("opens 10.96.0.1"), problems.getMessage());
    }

    @Test
    void gateway_egress_to_every_port_of_the_internet_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) gatewayEgress(m).get(2)).remove("ports")),
                "NetworkPolicy egress for Deployment mcp-gateway: the address block 0.0.0.0/0 opens every port");
    }

    @Test
    void a_gateway_without_an_egress_policy_is_rejected() {
        assertFails(broken(m -> {
            ObjectNode spec = (ObjectNode) m.get("NetworkPolicy", "mcp-gateway").path("spec");
            spec.remove("egress");
            removeText((ArrayNode) spec.path("policyTypes"), "Egress");
        }), "NetworkPolicy egress for Deployment mcp-gateway: it connects to the upstream URLs tenants register, "
                + "but no egress policy restricts where it may connect");
    }

    @Test
    void gateway_egress_that_forgets_a_service_it_calls_is_rejected() {
        assertFails(broken(m -> ((ArrayNode) gatewayEgress(m).get(0).path("to")).remove(1)),
                "NetworkPolicy egress for Deployment mcp-gateway: it calls messages-service but may not connect to its pods");
    }

    @Test
    void gateway_egress_to_a_service_it_does_not_call_is_rejected() {
        assertFails(broken(m -> ((ArrayNode) gatewayEgress(m).get(0).path("to")).addObject().putObject("podSelector")
                        .putObject("matchLabels").put("app.kubernetes.io/name", "threads-service")),
                "NetworkPolicy egress for Deployment mcp-gateway: reaches [threads-service], which it does not call");
    }

    @Test
    void gateway_egress_without_dns_is_rejected() {
        assertFails(broken(m -> gatewayEgress(m).remove(1)),
                "NetworkPolicy egress for Deployment mcp-gateway: it cannot resolve names");
    }

    @Test
    void a_console_without_an_egress_policy_is_rejected() {
        assertFails(broken(m -> {
            ObjectNode spec = (ObjectNode) m.get("NetworkPolicy", "console").path("spec");
            spec.remove("egress");
            removeText((ArrayNode) spec.path("policyTypes"), "Egress");
        }), "NetworkPolicy egress for Deployment console: it serves pages and connects nowhere, but no egress policy");
    }

    @Test
    void console_egress_to_the_internet_is_rejected() {
        // The gateway's rule, which passes every check of an address block: the console needs no address at all.
        assertFails(broken(m -> consoleEgress(m).add(gatewayEgress(m).get(2).deepCopy())),
                "NetworkPolicy egress for Deployment console: opens the address block 0.0.0.0/0, but it serves pages only");
    }

    @Test
    void a_console_configured_to_call_a_service_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) generatedConfigMap(m, "console-config").path("data"))
                        .put("SESSIONS_SERVICE_URL", "http://sessions-service")),
                "NetworkPolicy egress for Deployment console: its configuration points at [sessions-service], but it "
                        + "serves pages only");
    }

    @Test
    void a_console_reading_a_secret_is_rejected() {
        assertFails(broken(m -> container(m, "console").putArray("env").addObject().put("name", "THREADS_CURSOR_SECRET")
                        .putObject("valueFrom").putObject("secretKeyRef").put("name", "sessionledger-signing")
                        .put("key", "threads-cursor-secret")),
                "Deployment console: reads Secrets [sessionledger-signing], but it serves pages only and holds no secret");
    }

    @Test
    void a_console_probe_path_it_does_not_serve_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) container(m, "console").path("readinessProbe").path("httpGet"))
                        .put("path", "/console/q/health/ready")),
                "Deployment console container app: readinessProbe path /console/q/health/ready is not served by console");
    }

    @Test
    void the_console_route_sent_elsewhere_is_rejected() {
        assertFails(broken(m -> backendOf(m, "/console(/|$)").put("name", "sessions-service")),
                "Ingress: /console/ of console is routed to sessions-service");
    }

    @Test
    void an_mcp_ingress_that_buffers_event_streams_is_rejected() {
        assertFails(broken(m -> mcpAnnotations(m).remove(IngressChecks.ANNOTATION + "proxy-buffering")),
                "Ingress sessionledger-mcp: routes to mcp-gateway, whose answers are event streams, but does not set "
                        + "nginx.ingress.kubernetes.io/proxy-buffering: \"off\"");
    }

    @Test
    void an_mcp_ingress_that_cuts_quiet_streams_before_the_idle_timeout_is_rejected() {
        ManifestProblems problems = assertFails(broken(m -> {
            mcpAnnotations(m).put(IngressChecks.ANNOTATION + "proxy-read-timeout", "600");
            mcpAnnotations(m).remove(IngressChecks.ANNOTATION + "proxy-send-timeout");
        }), "Ingress sessionledger-mcp: nginx.ingress.kubernetes.io/proxy-read-timeout is 600 s, so nginx would cut a quiet "
                + "stream of mcp-gateway before the session is idle for SESSION_IDLE_TIMEOUT=30M");
        assertTrue(problems.getMessage().contains("proxy-send-timeout is 60 s (nginx's default)"), problems.getMessage());
    }

    @Test
    void an_mcp_ingress_on_another_host_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) m.get("Ingress", "sessionledger-mcp").path("spec").path("rules").get(0)).remove("host")),
                "Ingress sessionledger-mcp serves hosts [*] but Ingress sessionledger serves [sessionledger.example.com]");
    }

    @Test
    void the_mcp_route_sent_elsewhere_is_rejected() {
        ManifestProblems problems = assertFails(broken(m -> backendOf(m, "/mcp/[^/]+$").put("name", "sessions-service")),
                "Ingress: /mcp/{provider_id} of mcp-gateway is routed to sessions-service");
        assertTrue(problems.getMessage().contains(
                "NetworkPolicy for Deployment mcp-gateway: admits the ingress controller though the Ingress does not route to it"),
                problems.getMessage());
    }

    @Test
    void a_gateway_probe_path_it_does_not_serve_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) container(m, "mcp-gateway").path("startupProbe").path("httpGet"))
                        .put("path", "/mcp/health")),
                "Deployment mcp-gateway container app: startupProbe path /mcp/health is not served by mcp-gateway");
    }

    @Test
    void a_database_the_operator_cannot_reach_is_rejected() {
        assertFails(broken(m -> ((ArrayNode) m.get("NetworkPolicy", "threads-db").path("spec").path("ingress")).remove(1)),
                "NetworkPolicy for database threads-db: the CloudNativePG operator (namespace cnpg-system) must reach ports 8000 and 5432");
    }

    @Test
    void an_autoscaler_of_a_missing_deployment_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) m.get("HorizontalPodAutoscaler", "messages-service").path("spec")
                        .path("scaleTargetRef")).put("name", "message-service")),
                "HorizontalPodAutoscaler messages-service: scales apps/v1 Deployment message-service, which is not in the set");
    }

    @Test
    void a_spread_key_in_both_match_label_keys_and_the_selector_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) m.get("Deployment", "sessions-service").path("spec").path("template")
                        .path("spec").path("topologySpreadConstraints").get(0).path("labelSelector").path("matchLabels"))
                        .put("app.kubernetes.io/name", "sessions-service")),
                "topology spread key app.kubernetes.io/name is in both matchLabelKeys and labelSelector");
    }

    @Test
    void replicas_on_an_autoscaled_deployment_are_rejected() {
        assertFails(broken(m -> ((ObjectNode) m.get("Deployment", "messages-service").path("spec")).put("replicas", 3)),
                "Deployment messages-service sets replicas (3), which every kubectl apply would reset");
    }

    @Test
    void a_service_listening_on_another_port_than_its_probes_call_is_rejected() {
        assertFails(broken(m -> m.ofKind("ConfigMap").stream().filter(c -> c.path("data").has("QUARKUS_HTTP_PORT"))
                        .forEach(c -> ((ObjectNode) c.path("data")).put("QUARKUS_HTTP_PORT", "8081"))),
                "Deployment threads-service container app: listens on QUARKUS_HTTP_PORT=8081 but its http port");
    }

    @Test
    void more_pooled_connections_than_the_database_allows_are_rejected() {
        assertFails(broken(m -> ((ObjectNode) m.get("HorizontalPodAutoscaler", "messages-service").path("spec"))
                        .put("maxReplicas", 40)),
                "Cluster messages-db: its services may open 400 connections (messages-service 40 pods x 10)");
    }

    @Test
    void a_policy_admitting_callers_on_the_wrong_port_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) m.get("NetworkPolicy", "sessions-service").path("spec").path("ingress").get(0)
                        .path("ports").get(0)).put("port", 9000)),
                "NetworkPolicy for Deployment sessions-service: a rule admits callers but not on port http");
    }

    @Test
    void a_tls_secret_nothing_provides_is_rejected() {
        assertFails(broken(m -> ((ObjectNode) m.get("Ingress", "sessionledger").path("spec").path("tls").get(0))
                        .put("secretName", "sessionledger-cert")),
                "Ingress sessionledger tls: names Secret sessionledger-cert");
    }

    private static Manifests broken(Consumer<Manifests> breakIt) {
        Manifests copy = prod.copy();
        breakIt.accept(copy);
        return copy;
    }

    private static ManifestProblems assertFails(Manifests manifests, String expected) {
        ManifestProblems problems = assertThrows(ManifestProblems.class, () -> ManifestChecks.verify(manifests, context));
        if (expected != null) {
            assertTrue(problems.getMessage().contains(expected), "expected \"" + expected + "\" in:\n" + problems.getMessage());
        }
        return problems;
    }

    private static ObjectNode container(Manifests m, String deployment) {
        return (ObjectNode) m.get("Deployment", deployment).path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static ObjectNode ingressPath(Manifests m, String path) {
        for (var ingress : m.ofKind("Ingress")) {
            for (var rule : ingress.path("spec").path("rules")) {
                for (var candidate : rule.path("http").path("paths")) {
                    if (path.equals(candidate.path("path").asText())) {
                        return (ObjectNode) candidate;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no Ingress path " + path);
    }

    private static ObjectNode mcpAnnotations(Manifests m) {
        return (ObjectNode) m.get("Ingress", "sessionledger-mcp").path("metadata").path("annotations");
    }

    private static ArrayNode gatewayEgress(Manifests m) {
        return (ArrayNode) m.get("NetworkPolicy", "mcp-gateway").path("spec").path("egress");
    }

    private static ArrayNode consoleEgress(Manifests m) {
        return (ArrayNode) m.get("NetworkPolicy", "console").path("spec").path("egress");
    }

    /** A generated ConfigMap, by the name before kustomize's content hash. */
    private static ObjectNode generatedConfigMap(Manifests m, String name) {
        return m.ofKind("ConfigMap").stream().filter(c -> c.path("metadata").path("name").asText().startsWith(name + "-"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no generated ConfigMap " + name));
    }

    /** The n-th address block of the gateway's egress rule to the internet. */
    private static ObjectNode ipBlock(Manifests m, int n) {
        for (var rule : gatewayEgress(m)) {
            List<ObjectNode> blocks = new ArrayList<>();
            rule.path("to").forEach(peer -> {
                if (peer.has("ipBlock")) {
                    blocks.add((ObjectNode) peer.path("ipBlock"));
                }
            });
            if (!blocks.isEmpty()) {
                return blocks.get(n);
            }
        }
        throw new IllegalArgumentException("the gateway's egress has no address block");
    }

    private static void removeText(ArrayNode array, String text) {
        for (int i = 0; i < array.size(); i++) {
            if (text.equals(array.get(i).asText())) {
                array.remove(i);
                return;
            }
        }
        throw new IllegalArgumentException(text + " is not in " + array);
    }

    private static ObjectNode backendOf(Manifests m, String path) {
        return (ObjectNode) ingressPath(m, path).path("backend").path("service");
    }

    private static ArrayNode peers(Manifests m, String policy) {
        return (ArrayNode) m.get("NetworkPolicy", policy).path("spec").path("ingress").get(0).path("from");
    }
}

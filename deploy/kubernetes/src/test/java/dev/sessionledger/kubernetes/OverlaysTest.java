package dev.sessionledger.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import dev.sessionledger.local.IngressRoutes;

/** The base and both overlays render with kubectl kustomize and pass every check. */
class OverlaysTest {

    private static ManifestChecks.Context context;

    @BeforeAll
    static void readProject() throws Exception {
        context = ManifestChecks.Context.ofProject();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void renders_and_passes_every_check(String kustomization) throws Exception {
        Rendered set = ManifestChecks.verify(ManifestChecks.render(kustomization), context);

        List<String> workloads = ServiceDocs.workloads();
        assertEquals(workloads, set.deployments().stream().map(d -> d.getMetadata().getName()).sorted(
                (a, b) -> workloads.indexOf(a) - workloads.indexOf(b)).toList());
        assertEquals(5, set.services().size());
        assertEquals(5, set.autoscalers().size());
        assertEquals(5, set.disruptionBudgets().size());
        // mcp-gateway and the console keep no data: three databases for five Deployments.
        assertEquals(List.of("messages-db", "sessions-db", "threads-db"),
                set.databases().stream().map(c -> c.metadata().getName()).sorted().toList());
        assertEquals(List.of("sessionledger", "sessionledger-mcp"),
                set.ingresses().stream().map(i -> i.getMetadata().getName()).toList());
    }

    @Test
    void dev_runs_one_replica_of_each_service_and_one_database_instance() throws Exception {
        Rendered set = ManifestChecks.verify(ManifestChecks.render("overlays/dev"), context);

        set.deployments().forEach(d -> assertNull(d.getSpec().getReplicas(), "the autoscaler owns the count"));
        set.autoscalers().forEach(h -> assertEquals(1, h.getSpec().getMinReplicas()));
        set.databases().forEach(c -> assertEquals(false, c.spec().enablePdb()));
        set.databases().forEach(c -> assertEquals(1, c.spec().instances()));
        assertEquals(Optional.of("sessionledger-dev"), set.deployments().stream()
                .map(d -> d.getMetadata().getNamespace()).distinct().findFirst());
    }

    @Test
    void prod_runs_several_replicas_and_highly_available_databases() throws Exception {
        Rendered set = ManifestChecks.verify(ManifestChecks.render("overlays/prod"), context);

        for (Deployment deployment : set.deployments()) {
            assertEquals(2, deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().size());
        }
        set.autoscalers().forEach(h -> assertTrue(h.getSpec().getMinReplicas() >= 3 && h.getSpec().getMaxReplicas() > 3));
        for (CnpgCluster cluster : set.databases()) {
            assertEquals(3, cluster.spec().instances());
            assertEquals(CnpgCluster.AntiAffinityType.REQUIRED, cluster.spec().affinity().podAntiAffinityType());
            assertEquals(1, cluster.spec().minSyncReplicas());
        }
        for (Ingress ingress : set.ingresses()) {
            assertEquals("sessionledger.example.com", ingress.getSpec().getRules().get(0).getHost(), ingress.getMetadata().getName());
            assertEquals("sessionledger-tls", ingress.getSpec().getTls().get(0).getSecretName(), ingress.getMetadata().getName());
        }
        assertEquals(Optional.of("restricted"), set.namespaces().stream()
                .map(n -> n.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce")).findFirst());
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void every_service_requires_the_token_audience_its_overlay_sets(String overlay) throws Exception {
        Rendered set = ManifestChecks.verify(ManifestChecks.render(overlay), context);
        String expected = overlay.endsWith("prod") ? "https://sessionledger.example.com" : "sessionledger";

        for (String service : ServiceDocs.SERVICES) {
            assertEquals(expected, PodConfiguration.of(deployment(set, service), set).get("MP_JWT_VERIFY_AUDIENCES"), service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void sessions_service_reads_the_provider_headers_key_from_the_encryption_secret(String overlay) throws Exception {
        Rendered set = ManifestChecks.verify(ManifestChecks.render(overlay), context);
        Deployment sessions = deployment(set, "sessions-service");
        var key = sessions.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("PROVIDER_HEADERS_KEY")).findFirst().orElseThrow().getValueFrom()
                .getSecretKeyRef();
        assertEquals("sessionledger-encryption", key.getName());
        assertEquals("provider-headers-key", key.getKey());
        assertTrue(context.externalSecrets().documents("sessionledger-encryption", "provider-headers-key"));
    }

    @Test
    void the_cluster_ingress_routes_as_the_local_gateway_does() throws Exception {
        Rendered set = ManifestChecks.verify(ManifestChecks.render("overlays/prod"), context);
        IngressRoutes cluster = IngressRoutes.of(set.ingresses().stream().map(i -> (JsonNode) new ObjectMapper().valueToTree(i))
                .toList(), "prod");

        assertEquals(Optional.of("messages-service"), cluster.serviceFor("/sessions/ses_1/messages"));
        assertEquals(Optional.of("sessions-service"), cluster.serviceFor("/sessions/ses_1/connections"));
        assertEquals(Optional.of("threads-service"), cluster.serviceFor("/api/thread-participants"));
        assertEquals(Optional.of("sessions-service"), cluster.serviceFor("/providers/pro_1"));
        assertEquals(Optional.empty(), cluster.serviceFor("/internal/mcp/sessions/ses_1"));
        assertEquals(Optional.empty(), cluster.serviceFor("/internal/providers/pro_1"));
        assertEquals(Optional.of("mcp-gateway"), cluster.serviceFor("/mcp/pro_1"));
        assertEquals(Optional.empty(), cluster.serviceFor("/mcp"));
        assertEquals(Optional.empty(), cluster.serviceFor("/mcp/pro_1/extra"));
        assertEquals(context.gatewayRoutes().routes().stream().map(r -> r.ingress() + r.path() + r.service()).toList(),
                cluster.routes().stream().map(r -> r.ingress() + r.path() + r.service()).toList());
    }

    @Test
    void the_mcp_ingress_streams_and_keeps_quiet_streams_open_longer_than_an_idle_session() throws Exception {
        Rendered set = ManifestChecks.verify(ManifestChecks.render("overlays/prod"), context);
        Ingress mcp = set.ingresses().stream().filter(i -> i.getMetadata().getName().equals("sessionledger-mcp")).findFirst()
                .orElseThrow();
        Map<String, String> annotations = mcp.getMetadata().getAnnotations();

        assertEquals("off", annotations.get(IngressChecks.ANNOTATION + "proxy-buffering"));
        assertEquals("3600", annotations.get(IngressChecks.ANNOTATION + "proxy-read-timeout"));
        assertEquals("3600", annotations.get(IngressChecks.ANNOTATION + "proxy-send-timeout"));
        Deployment gateway = deployment(set, "mcp-gateway");
        assertEquals("30M", PodConfiguration.of(gateway, set).get("SESSION_IDLE_TIMEOUT"));
        assertEquals("http://sessions-service", PodConfiguration.of(gateway, set).get("SESSIONS_SERVICE_URL"));
        assertEquals("http://messages-service", PodConfiguration.of(gateway, set).get("MESSAGES_SERVICE_URL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void the_gateway_has_no_database_and_reaches_no_address_of_the_cluster_through_its_address_blocks(String overlay)
            throws Exception {
        Rendered set = ManifestChecks.verify(ManifestChecks.render(overlay), context);
        Deployment gateway = deployment(set, "mcp-gateway");

        assertTrue(set.databases().stream().noneMatch(c -> PodConfiguration.namesSecret(gateway, c.applicationSecret())));
        NetworkPolicy policy = policy(set, "mcp-gateway");
        List<AddressBlock> open = new ArrayList<>();
        List<AddressBlock> cutOut = new ArrayList<>();
        policy.getSpec().getEgress().forEach(rule -> rule.getTo().stream().filter(peer -> peer.getIpBlock() != null)
                .forEach(peer -> {
                    open.add(AddressBlock.parse(peer.getIpBlock().getCidr()));
                    peer.getIpBlock().getExcept().forEach(e -> cutOut.add(AddressBlock.parse(e)));
                }));
        for (String address : List.of("1.1.1.1", "34.117.59.81", "2606:4700:4700::1111")) {
            assertTrue(open.stream().anyMatch(b -> b.contains(address)) && cutOut.stream().noneMatch(b -> b.contains(address)),
                    "a public MCP server at " + address + " is reachable");
        }
        for (String address : EgressChecks.INTERNAL_ADDRESSES) {
            assertTrue(cutOut.stream().anyMatch(b -> b.contains(address)), address + " is cut out");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void the_console_holds_no_secret_keeps_its_small_pods_and_connects_to_nothing_but_dns(String overlay)
            throws Exception {
        Rendered set = ManifestChecks.verify(ManifestChecks.render(overlay), context);
        Deployment console = deployment(set, "console");
        Map<String, String> config = PodConfiguration.of(console, set);

        assertEquals(Set.of(), PodConfiguration.secretsRead(console));
        assertEquals("web", console.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component"));
        var resources = console.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
        assertEquals("256Mi", resources.getLimits().get("memory").toString(), "the API services' sizes are not the console's");
        assertEquals("openid", config.get("CONSOLE_OIDC_SCOPE"));
        assertEquals("default", config.get("CONSOLE_REALTIME_APP_ID"));
        assertFalse(config.containsKey("CONSOLE_OIDC_ISSUER"), "sign-in through an issuer is the operator's to set");
        assertEquals(List.of(), set.callees(console));
        NetworkPolicy policy = policy(set, "console");
        assertEquals(1, policy.getSpec().getEgress().size());
        var peers = policy.getSpec().getEgress().get(0).getTo();
        assertEquals(1, peers.size());
        assertTrue(NetworkChecks.isPeer(peers.get(0), EgressChecks.DNS_NAMESPACE, EgressChecks.DNS_PODS));
    }

    private static Deployment deployment(Rendered set, String name) {
        return set.deployments().stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static NetworkPolicy policy(Rendered set, String name) {
        return set.networkPolicies().stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }
}

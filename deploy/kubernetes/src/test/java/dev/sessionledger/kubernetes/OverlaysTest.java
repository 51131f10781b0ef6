package dev.sessionledger.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.local.IngressRoutes;
import io.fabric8.kubernetes.api.model.apps.Deployment;

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

        assertEquals(ServiceDocs.SERVICES, set.deployments().stream().map(d -> d.getMetadata().getName()).sorted(
                (a, b) -> ServiceDocs.SERVICES.indexOf(a) - ServiceDocs.SERVICES.indexOf(b)).toList());
        assertEquals(3, set.services().size());
        assertEquals(3, set.autoscalers().size());
        assertEquals(3, set.disruptionBudgets().size());
        assertEquals(List.of("messages-db", "sessions-db", "threads-db"),
                set.databases().stream().map(c -> c.metadata().getName()).sorted().toList());
        assertEquals(1, set.ingresses().size());
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
        assertEquals("sessionledger.example.com", set.ingresses().get(0).getSpec().getRules().get(0).getHost());
        assertEquals("sessionledger-tls", set.ingresses().get(0).getSpec().getTls().get(0).getSecretName());
        assertEquals(Optional.of("restricted"), set.namespaces().stream()
                .map(n -> n.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce")).findFirst());
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void every_service_requires_the_token_audience_its_overlay_sets(String overlay) throws Exception {
        Rendered set = ManifestChecks.verify(ManifestChecks.render(overlay), context);
        String expected = overlay.endsWith("prod") ? "https://sessionledger.example.com" : "sessionledger";

        for (Deployment deployment : set.deployments()) {
            assertEquals(expected, PodConfiguration.of(deployment, set).get("MP_JWT_VERIFY_AUDIENCES"),
                    deployment.getMetadata().getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void sessions_service_reads_the_provider_headers_key_from_the_encryption_secret(String overlay) throws Exception {
        Rendered set = ManifestChecks.verify(ManifestChecks.render(overlay), context);
        Deployment sessions = set.deployments().stream().filter(d -> d.getMetadata().getName().equals("sessions-service"))
                .findFirst().orElseThrow();
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
        IngressRoutes cluster = IngressRoutes.of(new ObjectMapper().valueToTree(set.ingresses().get(0)), "prod");

        assertEquals(Optional.of("messages-service"), cluster.serviceFor("/sessions/ses_1/messages"));
        assertEquals(Optional.of("sessions-service"), cluster.serviceFor("/sessions/ses_1/connections"));
        assertEquals(Optional.of("threads-service"), cluster.serviceFor("/api/thread-participants"));
        assertEquals(Optional.of("sessions-service"), cluster.serviceFor("/providers/pro_1"));
        assertEquals(Optional.empty(), cluster.serviceFor("/internal/mcp/sessions/ses_1"));
        assertEquals(Optional.empty(), cluster.serviceFor("/internal/providers/pro_1"));
        assertEquals(context.gatewayRoutes().routes().stream().map(r -> r.path() + r.service()).toList(),
                cluster.routes().stream().map(r -> r.path() + r.service()).toList());
    }
}

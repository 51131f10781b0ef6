package dev.sessionledger.kubernetes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import dev.sessionledger.local.IngressRoutes;

/**
 * Who may reach what: the Ingress objects send every public path of a service's OpenAPI document
 * (and its routes outside it) to that service and no private one anywhere, and agree with the local
 * gateway; each service admits the ingress controller and exactly the services that call it; each
 * database admits its own service alone. Where pods may connect to is {@link EgressChecks}'s.
 */
final class NetworkChecks {

    static final String INGRESS_NAMESPACE = "ingress-nginx";
    static final String OPERATOR_NAMESPACE = "cnpg-system";
    private static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";
    static final String CLUSTER_LABEL = "cnpg.io/cluster";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Rendered set;
    private final List<String> problems = new ArrayList<>();

    private NetworkChecks(Rendered set) {
        this.set = set;
    }

    static List<String> check(Rendered set, ServiceDocs docs, IngressRoutes gatewayRoutes) {
        NetworkChecks checks = new NetworkChecks(set);
        checks.routes(docs, gatewayRoutes);
        checks.defaultDeny();
        set.deployments().forEach(checks::serviceAdmission);
        set.databases().forEach(checks::databaseAdmission);
        return checks.problems;
    }

    private void routes(ServiceDocs docs, IngressRoutes gatewayRoutes) {
        if (set.ingresses().isEmpty()) {
            problems.add("the set has no Ingress");
            return;
        }
        IngressRoutes routes;
        try {
            routes = IngressRoutes.of(set.ingresses().stream().map(i -> (JsonNode) JSON.valueToTree(i)).toList(),
                    "the rendered Ingresses");
        } catch (IOException | RuntimeException e) {
            problems.add("the rendered Ingresses cannot be read as routes: " + e.getMessage());
            return;
        }
        if (!pairs(routes).equals(pairs(gatewayRoutes))) {
            problems.add("the rendered Ingress routes " + pairs(routes) + " differ from the local gateway's "
                    + pairs(gatewayRoutes) + " (deploy/kubernetes/base/ingress.yaml)");
        }
        docs.paths().forEach((service, paths) -> paths.forEach(path -> {
            String request = ServiceDocs.sample(path);
            String expected = ServiceDocs.isPrivate(path) ? null : service;
            String actual = routes.serviceFor(request).orElse(null);
            if (expected == null && actual != null) {
                problems.add("Ingress: " + path + " of " + service + " must stay inside the cluster but is routed to " + actual);
            } else if (expected != null && !expected.equals(actual)) {
                problems.add("Ingress: " + path + " of " + service + " is routed to "
                        + (actual == null ? "no service" : actual));
            }
        }));
    }

    /** Each route with the Ingress that holds it, since annotations (buffering, timeouts) are per Ingress. */
    private static List<String> pairs(IngressRoutes routes) {
        return routes.routes().stream().map(r -> r.ingress() + ": " + r.path() + " -> " + r.service()).toList();
    }

    private void defaultDeny() {
        boolean present = set.networkPolicies().stream().anyMatch(p -> Selectors.isEmpty(p.getSpec().getPodSelector())
                && isIngressPolicy(p) && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty()));
        if (!present) {
            problems.add("NetworkPolicy: no default-deny policy (empty podSelector, Ingress, no rules) isolates the namespace's pods");
        }
    }

    private void serviceAdmission(Deployment deployment) {
        String where = "NetworkPolicy for Deployment " + deployment.getMetadata().getName();
        Admission admission = admission(where, Rendered.podLabels(deployment),
                INGRESS_NAMESPACE, "ingress-nginx", null);
        for (NetworkPolicyIngressRule rule : admission.rules()) {
            set.servedPorts(deployment).stream().filter(port -> !covers(rule.getPorts(), port))
                    .forEach(port -> problems.add(where + ": a rule admits callers but not on port "
                            + (port.getName() != null ? port.getName() : port.getContainerPort())));
        }
        admission.databases().forEach(db -> problems.add(where + ": admits the pods of database " + db));
        Set<String> callers = callersOf(deployment);
        if (!admission.deployments().equals(callers)) {
            problems.add(where + ": admits " + admission.deployments() + " but the services that call it are " + callers);
        }
        boolean controller = !admission.trustedRules().isEmpty();
        boolean routed = isRouted(deployment);
        if (routed && !controller) {
            problems.add(where + ": the Ingress routes to it but the ingress controller may not reach it");
        } else if (!routed && controller) {
            problems.add(where + ": admits the ingress controller though the Ingress does not route to it");
        }
    }

    private void databaseAdmission(CnpgCluster cluster) {
        String name = cluster.metadata().getName();
        String where = "NetworkPolicy for database " + name;
        Admission admission = admission(where, Map.of(CLUSTER_LABEL, name), OPERATOR_NAMESPACE, "cloudnative-pg", 5432);
        admission.databases().stream().filter(db -> !db.equals(name))
                .forEach(db -> problems.add(where + ": admits the pods of database " + db));
        Set<String> owners = new TreeSet<>(set.deployments().stream()
                .filter(d -> PodConfiguration.namesSecret(d, cluster.applicationSecret())).map(d -> d.getMetadata().getName()).toList());
        if (!admission.deployments().equals(owners)) {
            problems.add(where + ": admits " + admission.deployments() + " on 5432 but only its own service " + owners
                    + " may connect");
        }
        if (admission.trustedRules().stream().noneMatch(r -> covers(r.getPorts(), 8000) && covers(r.getPorts(), 5432))) {
            problems.add(where + ": the CloudNativePG operator (namespace " + OPERATOR_NAMESPACE
                    + ") must reach ports 8000 and 5432");
        }
    }

    /** Who the policies selecting these pods let in; anything wider than single pods of this namespace is a problem. */
    private record Admission(Set<String> deployments, Set<String> databases, List<NetworkPolicyIngressRule> trustedRules,
            List<NetworkPolicyIngressRule> rules) {
    }

    private Admission admission(String where, Map<String, String> podLabels, String trustedNamespace, String trustedApp,
            Integer port) {
        Set<String> deployments = new TreeSet<>();
        Set<String> databases = new TreeSet<>();
        List<NetworkPolicyIngressRule> trusted = new ArrayList<>();
        List<NetworkPolicyIngressRule> rules = rulesFor(podLabels);
        for (NetworkPolicyIngressRule rule : rules) {
            if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                problems.add(where + ": a rule admits every source");
                continue;
            }
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                if (peer.getIpBlock() != null) {
                    problems.add(where + ": admits the address block " + peer.getIpBlock().getCidr());
                } else if (peer.getNamespaceSelector() != null) {
                    if (isPeer(peer, trustedNamespace, trustedApp)) {
                        trusted.add(rule);
                    } else {
                        problems.add(where + ": admits pods of other namespaces " + peer.getNamespaceSelector());
                    }
                } else if (Selectors.isEmpty(peer.getPodSelector())) {
                    problems.add(where + ": admits every pod of the namespace");
                } else {
                    if (port == null || covers(rule.getPorts(), port)) {
                        deployments.addAll(deploymentsSelectedBy(peer.getPodSelector()));
                    }
                    set.databases().stream().map(c -> c.metadata().getName())
                            .filter(db -> Selectors.matches(peer.getPodSelector(), Map.of(CLUSTER_LABEL, db)))
                            .forEach(databases::add);
                }
            }
        }
        return new Admission(deployments, databases, trusted, rules);
    }

    private List<NetworkPolicyIngressRule> rulesFor(Map<String, String> podLabels) {
        return set.networkPolicies().stream()
                .filter(this::isIngressPolicy)
                .filter(p -> Selectors.isEmpty(p.getSpec().getPodSelector()) || Selectors.matches(p.getSpec().getPodSelector(), podLabels))
                .flatMap(p -> p.getSpec().getIngress() == null ? Stream.empty() : p.getSpec().getIngress().stream())
                .toList();
    }

    private boolean isIngressPolicy(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        return types == null || types.isEmpty() || types.contains("Ingress");
    }

    private static boolean isPeer(NetworkPolicyPeer peer, String namespace, String app) {
        return isPeer(peer, namespace, Map.of("app.kubernetes.io/name", app));
    }

    /** Whether a peer names, and only names, pods with these labels in this other namespace. */
    static boolean isPeer(NetworkPolicyPeer peer, String namespace, Map<String, String> podLabels) {
        return !Selectors.isEmpty(peer.getNamespaceSelector())
                && Selectors.matches(peer.getNamespaceSelector(), Map.of(NAMESPACE_LABEL, namespace))
                && !Selectors.isEmpty(peer.getPodSelector())
                && Selectors.matches(peer.getPodSelector(), podLabels);
    }

    /** Whether a rule's ports open a container port, named or by number, as the API server matches them. */
    static boolean covers(List<NetworkPolicyPort> ports, ContainerPort port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> p.getPort() != null
                && (port.getName() != null && port.getName().equals(p.getPort().getStrVal())
                        || port.getContainerPort().equals(p.getPort().getIntVal())));
    }

    static boolean covers(List<NetworkPolicyPort> ports, int port) {
        return ports == null || ports.isEmpty() || ports.stream()
                .anyMatch(p -> p.getPort() != null && p.getPort().getIntVal() != null && p.getPort().getIntVal() == port);
    }

    private Set<String> deploymentsSelectedBy(LabelSelector selector) {
        Set<String> names = new HashSet<>();
        set.deployments().stream()
                .filter(d -> Selectors.matches(selector, Rendered.podLabels(d)))
                .forEach(d -> names.add(d.getMetadata().getName()));
        return names;
    }

    /** The Deployments whose configuration points at one of the Services in front of this one. */
    private Set<String> callersOf(Deployment callee) {
        Set<String> callers = new TreeSet<>();
        set.deployments().stream().filter(caller -> set.callees(caller).contains(callee))
                .forEach(caller -> callers.add(caller.getMetadata().getName()));
        return callers;
    }

    private boolean isRouted(Deployment deployment) {
        Set<String> backends = new HashSet<>();
        set.ingresses().forEach(i -> i.getSpec().getRules().forEach(r -> r.getHttp().getPaths()
                .forEach(p -> backends.add(p.getBackend().getService().getName()))));
        return set.servicesFor(deployment).stream().anyMatch(s -> backends.contains(s.getMetadata().getName()));
    }
}

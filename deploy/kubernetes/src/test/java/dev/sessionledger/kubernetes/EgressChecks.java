package dev.sessionledger.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Where pods may connect to. A service that connects to addresses tenants write (a provider's
 * {@code upstream_url}) must have its egress restricted; so must a web app, which connects nowhere
 * but the cluster DNS (its pages call the APIs from the browser). Wherever egress is restricted, the pods
 * reach the services their configuration calls, on the ports those Services send to, and no other
 * pod of the namespace; they reach the cluster's DNS; and no address block they may reach holds an
 * address of the cluster's own networks or the cloud's metadata service, nor opens every port.
 */
final class EgressChecks {

    /** Services that connect to upstream URLs tenants register: without an egress policy they could reach anything. */
    static final Set<String> CALLERS_OF_TENANT_URLS = Set.of("mcp-gateway");

    /**
     * One address of each range a pod must not reach through an address block: the private ranges
     * (pod and Service networks), the shared range some clusters use for pods, loopback, the cloud
     * metadata service (IPv4, and AWS's IPv6 one), IPv6 link-local and loopback.
     */
    static final List<String> INTERNAL_ADDRESSES = List.of("10.0.0.1", "10.96.0.1", "172.16.0.1", "172.31.255.254",
            "192.168.0.1", "100.64.0.1", "127.0.0.1", "169.254.169.254", "fd00:ec2::254", "fe80::1", "::1");

    static final String DNS_NAMESPACE = "kube-system";
    static final Map<String, String> DNS_PODS = Map.of("k8s-app", "kube-dns");
    private static final int DNS_PORT = 53;

    private final Rendered set;
    private final List<String> problems = new ArrayList<>();

    private EgressChecks(Rendered set) {
        this.set = set;
    }

    static List<String> check(Rendered set) {
        EgressChecks checks = new EgressChecks(set);
        set.deployments().forEach(checks::egress);
        return checks.problems;
    }

    private void egress(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        String where = "NetworkPolicy egress for Deployment " + name;
        List<NetworkPolicy> policies = set.networkPolicies().stream().filter(EgressChecks::isEgressPolicy)
                .filter(p -> Selectors.isEmpty(p.getSpec().getPodSelector())
                        || Selectors.matches(p.getSpec().getPodSelector(), Rendered.podLabels(deployment)))
                .toList();
        if (policies.isEmpty()) {
            if (CALLERS_OF_TENANT_URLS.contains(name)) {
                problems.add(where + ": it connects to the upstream URLs tenants register, but no egress policy restricts "
                        + "where it may connect (the cluster's own services and the metadata address would be open)");
            }
            if (ServiceDocs.isWebApp(name)) {
                problems.add(where + ": it serves pages and connects nowhere, but no egress policy keeps it from "
                        + "connecting anywhere");
            }
            return;
        }
        List<NetworkPolicyEgressRule> rules = policies.stream()
                .flatMap(p -> p.getSpec().getEgress() == null ? Stream.empty() : p.getSpec().getEgress().stream())
                .toList();
        if (ServiceDocs.isWebApp(name)) {
            pagesOnly(where, deployment, rules);
        }
        Set<String> reached = destinations(where, deployment, rules);
        Set<String> callees = new TreeSet<>();
        for (Deployment callee : set.callees(deployment)) {
            callees.add(callee.getMetadata().getName());
            if (!reaches(rules, Rendered.podLabels(callee),
                    ports -> set.servedPorts(callee).stream().allMatch(port -> NetworkChecks.covers(ports, port)))) {
                problems.add(where + ": it calls " + callee.getMetadata().getName()
                        + " but may not connect to its pods on the port its Service sends to");
            }
        }
        set.databases().stream().filter(c -> PodConfiguration.namesSecret(deployment, c.applicationSecret()))
                .filter(c -> !reaches(rules, Map.of(NetworkChecks.CLUSTER_LABEL, c.metadata().getName()),
                        ports -> NetworkChecks.covers(ports, 5432)))
                .forEach(c -> problems.add(where + ": it may not connect to its own database " + c.metadata().getName()
                        + " on 5432"));
        if (!callees.containsAll(reached)) {
            Set<String> extra = new TreeSet<>(reached);
            extra.removeAll(callees);
            problems.add(where + ": reaches " + extra + ", which it does not call (it calls " + callees + ")");
        }
        boolean dns = rules.stream().anyMatch(r -> r.getTo() != null && opensDns(r.getPorts())
                && r.getTo().stream().anyMatch(peer -> NetworkChecks.isPeer(peer, DNS_NAMESPACE, DNS_PODS)));
        if (!dns) {
            problems.add(where + ": it cannot resolve names: no rule reaches the cluster DNS (pods " + DNS_PODS
                    + " of namespace " + DNS_NAMESPACE + ") on port 53 over UDP and TCP");
        }
    }

    /** A web app calls no service and opens no address block: the cluster DNS is all it may reach. */
    private void pagesOnly(String where, Deployment deployment, List<NetworkPolicyEgressRule> rules) {
        List<String> callees = set.callees(deployment).stream().map(d -> d.getMetadata().getName()).sorted().toList();
        if (!callees.isEmpty()) {
            problems.add(where + ": its configuration points at " + callees + ", but it serves pages only: the browser "
                    + "calls the APIs through the Ingress");
        }
        rules.stream().filter(r -> r.getTo() != null).flatMap(r -> r.getTo().stream()).filter(peer -> peer.getIpBlock() != null)
                .forEach(peer -> problems.add(where + ": opens the address block " + peer.getIpBlock().getCidr()
                        + ", but it serves pages only and connects to nothing but the cluster DNS"));
    }

    /** The Deployments the rules let these pods reach; every wider destination is a problem. */
    private Set<String> destinations(String where, Deployment deployment, List<NetworkPolicyEgressRule> rules) {
        Set<String> reached = new TreeSet<>();
        for (NetworkPolicyEgressRule rule : rules) {
            if (rule.getTo() == null || rule.getTo().isEmpty()) {
                problems.add(where + ": a rule admits every destination");
                continue;
            }
            for (NetworkPolicyPeer peer : rule.getTo()) {
                if (peer.getIpBlock() != null) {
                    addressBlock(where, peer.getIpBlock(), rule.getPorts());
                } else if (peer.getNamespaceSelector() != null) {
                    if (!NetworkChecks.isPeer(peer, DNS_NAMESPACE, DNS_PODS) || !onlyDns(rule.getPorts())) {
                        problems.add(where + ": reaches pods of other namespaces " + peer.getNamespaceSelector()
                                + (peer.getPodSelector() == null ? "" : " " + peer.getPodSelector())
                                + " on " + text(rule.getPorts()));
                    }
                } else if (Selectors.isEmpty(peer.getPodSelector())) {
                    problems.add(where + ": reaches every pod of the namespace");
                } else {
                    reached.addAll(reachedDeployments(where, deployment, peer, rule.getPorts()));
                }
            }
        }
        return reached;
    }

    /** The Deployments a same-namespace peer selects; the pods of a database other than the service's own are a problem. */
    private Set<String> reachedDeployments(String where, Deployment deployment, NetworkPolicyPeer peer,
            List<NetworkPolicyPort> ports) {
        Set<String> names = new TreeSet<>();
        set.deployments().stream().filter(d -> Selectors.matches(peer.getPodSelector(), Rendered.podLabels(d)))
                .forEach(d -> names.add(d.getMetadata().getName()));
        set.databases().stream()
                .filter(c -> Selectors.matches(peer.getPodSelector(), Map.of(NetworkChecks.CLUSTER_LABEL, c.metadata().getName())))
                .filter(c -> !PodConfiguration.namesSecret(deployment, c.applicationSecret()))
                .forEach(c -> problems.add(where + ": reaches the pods of database " + c.metadata().getName() + " on " + text(ports)
                        + ", which only its own service connects to"));
        return names;
    }

    /** Whether a rule opens these pods of the namespace on every one of these ports. */
    private static boolean reaches(List<NetworkPolicyEgressRule> rules, Map<String, String> podLabels,
            Predicate<List<NetworkPolicyPort>> ports) {
        return rules.stream().anyMatch(rule -> rule.getTo() != null && ports.test(rule.getPorts()) && rule.getTo().stream()
                .anyMatch(peer -> peer.getIpBlock() == null && peer.getNamespaceSelector() == null
                        && !Selectors.isEmpty(peer.getPodSelector()) && Selectors.matches(peer.getPodSelector(), podLabels)));
    }

    private void addressBlock(String where, IPBlock block, List<NetworkPolicyPort> ports) {
        AddressBlock cidr;
        List<AddressBlock> except = new ArrayList<>();
        try {
            cidr = AddressBlock.parse(block.getCidr());
            for (String excepted : block.getExcept() == null ? List.<String>of() : block.getExcept()) {
                except.add(AddressBlock.parse(excepted));
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return;
        }
        for (String address : INTERNAL_ADDRESSES) {
            if (cidr.contains(address) && except.stream().noneMatch(b -> b.contains(address))) {
                problems.add(where + ": the address block " + block.getCidr() + " opens " + address
                        + ", an address of the cluster's own networks or the metadata service");
            }
        }
        if (ports == null || ports.isEmpty()) {
            problems.add(where + ": the address block " + block.getCidr() + " opens every port");
        }
    }

    private static boolean isEgressPolicy(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        // As the API server defaults policyTypes: Egress when the policy has egress rules.
        return types == null || types.isEmpty() ? policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty()
                : types.contains("Egress");
    }

    private static boolean onlyDns(List<NetworkPolicyPort> ports) {
        return ports != null && !ports.isEmpty() && ports.stream()
                .allMatch(p -> p.getPort() != null && Integer.valueOf(DNS_PORT).equals(p.getPort().getIntVal()));
    }

    private static boolean opensDns(List<NetworkPolicyPort> ports) {
        return onlyDns(ports) && ports.stream().anyMatch(p -> "UDP".equals(p.getProtocol()))
                && ports.stream().anyMatch(p -> p.getProtocol() == null || "TCP".equals(p.getProtocol()));
    }

    private static String text(List<NetworkPolicyPort> ports) {
        if (ports == null || ports.isEmpty()) {
            return "every port";
        }
        return ports.stream().map(p -> (p.getPort() == null ? "every port"
                : p.getPort().getStrVal() != null ? p.getPort().getStrVal() : String.valueOf(p.getPort().getIntVal()))
                + "/" + (p.getProtocol() == null ? "TCP" : p.getProtocol())).toList().toString();
    }
}

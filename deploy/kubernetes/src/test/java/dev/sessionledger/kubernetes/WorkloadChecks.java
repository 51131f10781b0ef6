package dev.sessionledger.kubernetes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * What must hold of the workloads of a rendered set for it to run: pods that start, pass their probes,
 * find every ConfigMap and Secret they name, run unprivileged within limits, and are found by their
 * Service, autoscaler, disruption budget and the Ingress.
 */
final class WorkloadChecks {

    static final String PART_OF = "app.kubernetes.io/part-of";
    /** Agroal's pool size when QUARKUS_DATASOURCE_JDBC_MAX_SIZE is not set. */
    private static final int QUARKUS_DEFAULT_POOL = 20;
    /** Connections kept aside for superusers, the operator's checks and replication. */
    private static final int RESERVED_CONNECTIONS = 10;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final Rendered set;
    private final ServiceDocs docs;
    private final ExternalSecrets external;
    private final List<String> problems = new ArrayList<>();

    private WorkloadChecks(Rendered set, ServiceDocs docs, ExternalSecrets external) {
        this.set = set;
        this.docs = docs;
        this.external = external;
    }

    static List<String> check(Rendered set, ServiceDocs docs, ExternalSecrets external) {
        WorkloadChecks checks = new WorkloadChecks(set, docs, external);
        set.deployments().forEach(checks::deployment);
        set.services().forEach(checks::service);
        set.autoscalers().forEach(checks::autoscaler);
        set.disruptionBudgets().forEach(checks::disruptionBudget);
        set.ingresses().forEach(i -> i.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths()
                .forEach(path -> checks.ingressBackend("Ingress " + i.getMetadata().getName() + " path " + path.getPath(),
                        path.getBackend()))));
        set.ingresses().stream().filter(i -> i.getSpec().getTls() != null).forEach(i -> i.getSpec().getTls()
                .forEach(tls -> checks.secret("Ingress " + i.getMetadata().getName() + " tls", tls.getSecretName(), null)));
        set.databases().forEach(checks::database);
        return checks.problems;
    }

    private void deployment(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        String where = "Deployment " + name;
        if (!docs.knows(name)) {
            problems.add(where + ": no service of that name builds an OpenAPI document");
        }
        labelled(where, deployment.getMetadata().getLabels());
        var template = deployment.getSpec().getTemplate();
        Map<String, String> podLabels = Rendered.podLabels(deployment);
        if (Selectors.isEmpty(deployment.getSpec().getSelector())) {
            problems.add(where + ": has no selector");
        } else if (!Selectors.matches(deployment.getSpec().getSelector(), podLabels)) {
            problems.add(where + ": its selector does not match its pod template's labels " + podLabels);
        }
        PodSpec pod = template.getSpec();
        var podSecurity = pod.getSecurityContext();
        if (podSecurity == null || !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())) {
            problems.add(where + ": pods must set securityContext.runAsNonRoot: true");
        }
        if (podSecurity == null || podSecurity.getSeccompProfile() == null
                || !"RuntimeDefault".equals(podSecurity.getSeccompProfile().getType())) {
            problems.add(where + ": pods must use the RuntimeDefault seccomp profile");
        }
        Set<String> volumes = new HashSet<>();
        for (Volume volume : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
            volumes.add(volume.getName());
            volume(where, volume);
        }
        for (Container container : pod.getContainers()) {
            container(where + " container " + container.getName(), name, container, pod, volumes);
        }
        if (ServiceDocs.isWebApp(name) && !PodConfiguration.secretsRead(deployment).isEmpty()) {
            problems.add(where + ": reads Secrets " + PodConfiguration.secretsRead(deployment)
                    + ", but it serves pages only and holds no secret (its sign-in client is public, with PKCE)");
        }
        listensWhereProbed(where, deployment);
        if (pod.getTopologySpreadConstraints() != null) {
            pod.getTopologySpreadConstraints().forEach(spread -> {
                List<String> keys = spread.getMatchLabelKeys() == null ? List.of() : spread.getMatchLabelKeys();
                LabelSelector selector = spread.getLabelSelector();
                keys.stream().filter(key -> selector != null && ((selector.getMatchLabels() != null
                        && selector.getMatchLabels().containsKey(key)) || (selector.getMatchExpressions() != null
                                && selector.getMatchExpressions().stream().anyMatch(e -> key.equals(e.getKey())))))
                        .forEach(key -> problems.add(where + ": topology spread key " + key
                                + " is in both matchLabelKeys and labelSelector, which the API server rejects"));
            });
        }
    }

    /** Quarkus listens on QUARKUS_HTTP_PORT; the probes and Services call the container port named http. */
    private void listensWhereProbed(String where, Deployment deployment) {
        String configured = PodConfiguration.of(deployment, set).get("QUARKUS_HTTP_PORT");
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            Optional<ContainerPort> http = containerPort(container, new IntOrString("http"));
            if (http.isEmpty()) {
                problems.add(where + " container " + container.getName() + ": declares no port named http");
            } else if (!String.valueOf(http.get().getContainerPort()).equals(configured)) {
                problems.add(where + " container " + container.getName() + ": listens on QUARKUS_HTTP_PORT=" + configured
                        + " but its http port, which the probes and the Service call, is " + http.get().getContainerPort());
            }
        }
    }

    private void container(String where, String service, Container container, PodSpec pod, Set<String> volumes) {
        resources(where, container.getResources());
        String image = container.getImage();
        if (image == null || image.endsWith(":latest")
                || !(image.matches("[^@]+:[A-Za-z0-9_][A-Za-z0-9_.-]*") || image.matches(".+@sha256:[0-9a-f]{64}"))) {
            problems.add(where + ": image " + image + " must name a fixed tag");
        }
        var security = container.getSecurityContext();
        if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
            problems.add(where + ": must set allowPrivilegeEscalation: false");
        }
        if (security == null || security.getCapabilities() == null || security.getCapabilities().getDrop() == null
                || !security.getCapabilities().getDrop().contains("ALL")) {
            problems.add(where + ": must drop ALL capabilities");
        }
        boolean readOnly = security != null && Boolean.TRUE.equals(security.getReadOnlyRootFilesystem());
        if (!readOnly) {
            problems.add(where + ": must run with readOnlyRootFilesystem: true");
        }
        List<VolumeMount> mounts = container.getVolumeMounts() == null ? List.of() : container.getVolumeMounts();
        for (VolumeMount mount : mounts) {
            if (!volumes.contains(mount.getName())) {
                problems.add(where + ": mounts volume " + mount.getName() + ", which the pod does not declare");
            }
        }
        if (readOnly && mounts.stream().noneMatch(m -> "/tmp".equals(m.getMountPath()) && isEmptyDir(pod, m.getName()))) {
            problems.add(where + ": a read-only root filesystem needs an emptyDir mounted at /tmp");
        }
        probe(where, "startupProbe", container.getStartupProbe(), service, container);
        probe(where, "readinessProbe", container.getReadinessProbe(), service, container);
        probe(where, "livenessProbe", container.getLivenessProbe(), service, container);
        for (EnvFromSource source : container.getEnvFrom() == null ? List.<EnvFromSource>of() : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                configMap(where, source.getConfigMapRef().getName(), null);
            }
            if (source.getSecretRef() != null) {
                secret(where, source.getSecretRef().getName(), null);
            }
        }
        environment(where, container.getEnv() == null ? List.of() : container.getEnv());
    }

    private void environment(String where, List<EnvVar> env) {
        Set<String> defined = new HashSet<>();
        for (EnvVar variable : env) {
            if (variable.getValue() != null) {
                Matcher reference = VARIABLE.matcher(variable.getValue());
                while (reference.find()) {
                    if (!defined.contains(reference.group(1))) {
                        problems.add(where + ": " + variable.getName() + " refers to $(" + reference.group(1)
                                + "), which no earlier variable defines");
                    }
                }
            }
            var from = variable.getValueFrom();
            if (from != null && from.getSecretKeyRef() != null) {
                secret(where + " env " + variable.getName(), from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey());
            }
            if (from != null && from.getConfigMapKeyRef() != null) {
                configMap(where + " env " + variable.getName(), from.getConfigMapKeyRef().getName(),
                        from.getConfigMapKeyRef().getKey());
            }
            defined.add(variable.getName());
        }
    }

    private void volume(String where, Volume volume) {
        if (volume.getSecret() != null) {
            var items = volume.getSecret().getItems();
            if (items == null || items.isEmpty()) {
                secret(where + " volume " + volume.getName(), volume.getSecret().getSecretName(), null);
            } else {
                items.forEach(i -> secret(where + " volume " + volume.getName(), volume.getSecret().getSecretName(), i.getKey()));
            }
        }
        if (volume.getConfigMap() != null) {
            configMap(where + " volume " + volume.getName(), volume.getConfigMap().getName(), null);
        }
    }

    private void resources(String where, ResourceRequirements resources) {
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = resources == null || resources.getRequests() == null ? null : resources.getRequests().get(resource);
            Quantity limit = resources == null || resources.getLimits() == null ? null : resources.getLimits().get(resource);
            if (request == null) {
                problems.add(where + ": has no " + resource + " request");
            }
            if (limit == null) {
                problems.add(where + ": has no " + resource + " limit");
            }
            if (request != null && limit != null
                    && Quantity.getAmountInBytes(limit).compareTo(Quantity.getAmountInBytes(request)) < 0) {
                problems.add(where + ": its " + resource + " limit is below its request");
            }
        }
    }

    private void probe(String where, String kind, Probe probe, String service, Container container) {
        if (probe == null) {
            problems.add(where + ": has no " + kind);
            return;
        }
        if (probe.getHttpGet() == null) {
            problems.add(where + ": " + kind + " must be an HTTP check of a /q/health path");
            return;
        }
        String path = probe.getHttpGet().getPath();
        if (!docs.serves(service, path)) {
            problems.add(where + ": " + kind + " path " + path + " is not served by " + service);
        }
        if (containerPort(container, probe.getHttpGet().getPort()).isEmpty()) {
            problems.add(where + ": " + kind + " port " + text(probe.getHttpGet().getPort()) + " is not a container port");
        }
    }

    private void service(Service service) {
        String where = "Service " + service.getMetadata().getName();
        labelled(where, service.getMetadata().getLabels());
        List<Deployment> backends = set.deployments().stream()
                .filter(d -> Selectors.matches(service.getSpec().getSelector(), Rendered.podLabels(d)))
                .toList();
        if (backends.isEmpty()) {
            problems.add(where + ": its selector " + service.getSpec().getSelector() + " selects no Deployment's pods");
            return;
        }
        for (ServicePort port : service.getSpec().getPorts()) {
            for (Deployment backend : backends) {
                boolean found = backend.getSpec().getTemplate().getSpec().getContainers().stream()
                        .anyMatch(c -> containerPort(c, port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort()).isPresent());
                if (!found) {
                    problems.add(where + ": target port " + text(port.getTargetPort()) + " is not a port of Deployment "
                            + backend.getMetadata().getName());
                }
            }
        }
    }

    private void autoscaler(HorizontalPodAutoscaler autoscaler) {
        String where = "HorizontalPodAutoscaler " + autoscaler.getMetadata().getName();
        var target = autoscaler.getSpec().getScaleTargetRef();
        Optional<Deployment> deployment = set.deployments().stream()
                .filter(d -> "Deployment".equals(target.getKind()) && d.getMetadata().getName().equals(target.getName()))
                .findFirst();
        if (deployment.isEmpty() || !"apps/v1".equals(target.getApiVersion())) {
            problems.add(where + ": scales " + target.getApiVersion() + " " + target.getKind() + " " + target.getName()
                    + ", which is not in the set");
            return;
        }
        int min = autoscaler.getSpec().getMinReplicas() == null ? 1 : autoscaler.getSpec().getMinReplicas();
        int max = autoscaler.getSpec().getMaxReplicas();
        Integer replicas = deployment.get().getSpec().getReplicas();
        if (min > max) {
            problems.add(where + ": minReplicas " + min + " exceeds maxReplicas " + max);
        }
        if (replicas != null) {
            problems.add(where + ": Deployment " + target.getName() + " sets replicas (" + replicas
                    + "), which every kubectl apply would reset under the autoscaler; minReplicas governs");
        }
    }

    private void disruptionBudget(PodDisruptionBudget budget) {
        String where = "PodDisruptionBudget " + budget.getMetadata().getName();
        List<Deployment> covered = set.deployments().stream()
                .filter(d -> Selectors.matches(budget.getSpec().getSelector(), Rendered.podLabels(d)))
                .toList();
        if (covered.isEmpty()) {
            problems.add(where + ": selects no Deployment's pods");
        }
        IntOrString minAvailable = budget.getSpec().getMinAvailable();
        for (Deployment deployment : covered) {
            int replicas = fewestReplicas(deployment);
            if (minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() >= replicas) {
                problems.add(where + ": minAvailable " + minAvailable.getIntVal() + " of " + replicas
                        + " replicas blocks every node drain");
            }
        }
    }

    /** The fewest pods a Deployment runs: its autoscaler's minimum, else its own count (1 if unset). */
    private int fewestReplicas(Deployment deployment) {
        return set.autoscalerOf(deployment)
                .map(h -> h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas())
                .orElse(ownReplicas(deployment));
    }

    /** The most pods a Deployment may run: its autoscaler's maximum, else its own count. */
    private int mostReplicas(Deployment deployment) {
        return set.autoscalerOf(deployment).map(h -> h.getSpec().getMaxReplicas()).orElse(ownReplicas(deployment));
    }

    private static int ownReplicas(Deployment deployment) {
        return deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    }

    private void ingressBackend(String where, IngressBackend backend) {
        IngressServiceBackend target = backend.getService();
        if (target == null) {
            problems.add(where + ": has no service backend");
            return;
        }
        Optional<Service> service = set.services().stream()
                .filter(s -> s.getMetadata().getName().equals(target.getName())).findFirst();
        if (service.isEmpty()) {
            problems.add(where + ": sends to Service " + target.getName() + ", which is not in the set");
            return;
        }
        var port = target.getPort();
        boolean found = service.get().getSpec().getPorts().stream()
                .anyMatch(p -> (port.getName() != null && port.getName().equals(p.getName()))
                        || (port.getNumber() != null && port.getNumber().equals(p.getPort())));
        if (!found) {
            problems.add(where + ": Service " + target.getName() + " has no port " + (port.getName() != null ? port.getName() : port.getNumber()));
        }
    }

    private void database(CnpgCluster cluster) {
        String where = "Cluster " + cluster.metadata().getName();
        var spec = cluster.spec();
        if (spec == null || spec.instances() == null || spec.instances() < 1) {
            problems.add(where + ": needs at least one instance");
            return;
        }
        if (spec.storage() == null || spec.storage().size() == null) {
            problems.add(where + ": needs a storage size");
        }
        if (spec.bootstrap() == null || spec.bootstrap().initdb() == null || spec.bootstrap().initdb().database() == null
                || spec.bootstrap().initdb().owner() == null) {
            problems.add(where + ": must create its database and owner (bootstrap.initdb)");
        }
        resources(where, spec.resources());
        connectionBudget(where, cluster);
    }

    /** Every pod its services may run holds a full pool; together they must fit under max_connections. */
    private void connectionBudget(String where, CnpgCluster cluster) {
        int maxConnections = Integer.parseInt(cluster.spec().postgresql() == null
                || cluster.spec().postgresql().parameters() == null ? "100"
                        : cluster.spec().postgresql().parameters().getOrDefault("max_connections", "100"));
        int needed = 0;
        StringBuilder users = new StringBuilder();
        for (Deployment deployment : set.deployments()) {
            if (PodConfiguration.namesSecret(deployment, cluster.applicationSecret())) {
                int pool = Integer.parseInt(PodConfiguration.of(deployment, set)
                        .getOrDefault("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", String.valueOf(QUARKUS_DEFAULT_POOL)));
                needed += mostReplicas(deployment) * pool;
                users.append(users.isEmpty() ? "" : ", ").append(deployment.getMetadata().getName())
                        .append(' ').append(mostReplicas(deployment)).append(" pods x ").append(pool);
            }
        }
        if (needed > maxConnections - RESERVED_CONNECTIONS) {
            problems.add(where + ": its services may open " + needed + " connections (" + users + ") but max_connections "
                    + maxConnections + " leaves " + (maxConnections - RESERVED_CONNECTIONS) + " after "
                    + RESERVED_CONNECTIONS + " kept for the operator and replication");
        }
    }

    private void configMap(String where, String name, String key) {
        Optional<ConfigMap> map = set.configMaps().stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst();
        if (map.isEmpty()) {
            problems.add(where + ": names ConfigMap " + name + ", which is not in the set");
        } else if (key != null && (map.get().getData() == null || !map.get().getData().containsKey(key))) {
            problems.add(where + ": ConfigMap " + name + " has no key " + key);
        }
    }

    /** A Secret must be in the set, be generated by one of its database clusters, or be documented as external. */
    private void secret(String where, String name, String key) {
        Optional<Secret> inSet = set.secrets().stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
        if (inSet.isPresent()) {
            boolean has = key == null || (inSet.get().getData() != null && inSet.get().getData().containsKey(key))
                    || (inSet.get().getStringData() != null && inSet.get().getStringData().containsKey(key));
            if (!has) {
                problems.add(where + ": Secret " + name + " has no key " + key);
            }
            return;
        }
        boolean generated = set.databases().stream().anyMatch(c -> c.applicationSecret().equals(name));
        if (generated) {
            if (key != null && !CnpgCluster.APPLICATION_SECRET_KEYS.contains(key)) {
                problems.add(where + ": the database Secret " + name + " has no key " + key);
            }
            return;
        }
        if (!external.documents(name, key)) {
            problems.add(where + ": names Secret " + name + (key == null ? "" : " key " + key)
                    + ", which is neither in the set, generated by a database cluster, nor documented in the README");
        }
    }

    private void labelled(String where, Map<String, String> labels) {
        if (labels == null || !"sessionledger".equals(labels.get(PART_OF))) {
            problems.add(where + ": lacks the label " + PART_OF + "=sessionledger");
        }
    }

    private static boolean isEmptyDir(PodSpec pod, String volume) {
        return pod.getVolumes() != null
                && pod.getVolumes().stream().anyMatch(v -> v.getName().equals(volume) && v.getEmptyDir() != null);
    }

    static Optional<ContainerPort> containerPort(Container container, IntOrString port) {
        if (container.getPorts() == null || port == null) {
            return Optional.empty();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                        : port.getIntVal() != null && port.getIntVal().equals(p.getContainerPort()))
                .findFirst();
    }

    private static String text(IntOrString value) {
        return value == null ? "(none)" : value.getStrVal() != null ? value.getStrVal() : String.valueOf(value.getIntVal());
    }
}

package dev.sessionledger.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** A rendered overlay, every object read strictly into its model. */
record Rendered(List<Deployment> deployments, List<Service> services, List<HorizontalPodAutoscaler> autoscalers,
        List<PodDisruptionBudget> disruptionBudgets, List<NetworkPolicy> networkPolicies, List<Ingress> ingresses,
        List<ConfigMap> configMaps, List<Secret> secrets, List<Namespace> namespaces, List<CnpgCluster> databases) {

    /** The labels a Deployment gives its pods, which Services, budgets and policies select; may be null. */
    static Map<String, String> podLabels(Deployment deployment) {
        var template = deployment.getSpec().getTemplate().getMetadata();
        return template == null ? null : template.getLabels();
    }

    /** The Services whose selector picks this Deployment's pods. */
    List<Service> servicesFor(Deployment deployment) {
        return services.stream().filter(s -> Selectors.matches(s.getSpec().getSelector(), podLabels(deployment))).toList();
    }

    /** The container ports the Services in front of this Deployment send to. */
    List<ContainerPort> servedPorts(Deployment deployment) {
        List<ContainerPort> ports = new ArrayList<>();
        servicesFor(deployment).stream().flatMap(s -> s.getSpec().getPorts().stream())
                .forEach(p -> deployment.getSpec().getTemplate().getSpec().getContainers().forEach(c -> WorkloadChecks
                        .containerPort(c, p.getTargetPort() == null ? new IntOrString(p.getPort()) : p.getTargetPort())
                        .ifPresent(ports::add)));
        return ports;
    }

    /** The other Deployments this one calls: those whose Services its configuration points at by URL. */
    List<Deployment> callees(Deployment caller) {
        var values = PodConfiguration.of(caller, this).values();
        return deployments.stream().filter(callee -> callee != caller && servicesFor(callee).stream()
                .map(s -> s.getMetadata().getName())
                .anyMatch(host -> values.stream().anyMatch(value -> value.matches("https?://" + host + "([.:/].*)?"))))
                .toList();
    }

    /** The autoscaler that scales this Deployment, if any. */
    Optional<HorizontalPodAutoscaler> autoscalerOf(Deployment deployment) {
        return autoscalers.stream()
                .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && deployment.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()))
                .findFirst();
    }
}

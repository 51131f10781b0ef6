package dev.sessionledger.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
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

    /** The autoscaler that scales this Deployment, if any. */
    Optional<HorizontalPodAutoscaler> autoscalerOf(Deployment deployment) {
        return autoscalers.stream()
                .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && deployment.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()))
                .findFirst();
    }
}

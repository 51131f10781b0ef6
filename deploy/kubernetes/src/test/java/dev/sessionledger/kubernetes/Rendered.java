package dev.sessionledger.kubernetes;

import java.util.List;

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
}

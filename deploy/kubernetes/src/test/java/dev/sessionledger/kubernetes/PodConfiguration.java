package dev.sessionledger.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The plain configuration a Deployment's containers get: ConfigMaps through envFrom, then literal env values. */
final class PodConfiguration {

    private PodConfiguration() {
    }

    static Map<String, String> of(Deployment deployment, Rendered set) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            if (container.getEnvFrom() != null) {
                for (EnvFromSource source : container.getEnvFrom()) {
                    if (source.getConfigMapRef() != null) {
                        set.configMaps().stream()
                                .filter(m -> m.getMetadata().getName().equals(source.getConfigMapRef().getName()))
                                .filter(m -> m.getData() != null)
                                .forEach(m -> values.putAll(m.getData()));
                    }
                }
            }
            if (container.getEnv() != null) {
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getValue() != null) {
                        values.put(variable.getName(), variable.getValue());
                    }
                }
            }
        }
        return values;
    }

    /** Whether the Deployment reads any key of this Secret, one by one or all at once. */
    static boolean namesSecret(Deployment deployment, String secret) {
        return secretsRead(deployment).contains(secret);
    }

    /** The Secrets the Deployment's containers read into their environment, one key at a time or whole. */
    static Set<String> secretsRead(Deployment deployment) {
        Set<String> secrets = new TreeSet<>();
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            if (container.getEnv() != null) {
                container.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                        .forEach(e -> secrets.add(e.getValueFrom().getSecretKeyRef().getName()));
            }
            if (container.getEnvFrom() != null) {
                container.getEnvFrom().stream().filter(f -> f.getSecretRef() != null)
                        .forEach(f -> secrets.add(f.getSecretRef().getName()));
            }
        }
        return secrets;
    }
}

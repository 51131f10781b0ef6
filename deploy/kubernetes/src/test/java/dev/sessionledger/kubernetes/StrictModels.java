package dev.sessionledger.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Reads rendered objects into the fabric8 Kubernetes models, failing on anything the API server would
 * reject or silently drop: an unknown field (a typo), a scalar of the wrong type, an apiVersion/kind
 * the set does not use.
 */
final class StrictModels {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "v1 Service", Service.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 Namespace", Namespace.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1 Ingress", Ingress.class,
            "postgresql.cnpg.io/v1 Cluster", CnpgCluster.class);

    /** The fabric8 models keep unknown fields in an "additionalProperties" map; strict reading removes that escape. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("strict").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                        BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                    return builder;
                }
            }))
            .build();

    private StrictModels() {
    }

    /** Every object of the set in its model; a problem with any of them is reported, all at once. */
    static Rendered read(Manifests manifests) {
        List<Object> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ObjectNode document : manifests.documents()) {
            String type = document.path("apiVersion").asText() + " " + document.path("kind").asText();
            Class<?> model = MODELS.get(type);
            if (model == null) {
                problems.add(Manifests.describe(document) + ": no model for " + type + " (the set uses only "
                        + MODELS.keySet().stream().sorted().collect(Collectors.joining(", ")) + ")");
                continue;
            }
            try {
                objects.add(MAPPER.treeToValue(document, model));
            } catch (UnrecognizedPropertyException e) {
                problems.add(Manifests.describe(document) + ": " + fieldPath(e) + ": unknown field (not in "
                        + e.getReferringClass().getSimpleName() + ")");
            } catch (JsonMappingException e) {
                problems.add(Manifests.describe(document) + ": " + fieldPath(e) + ": " + e.getOriginalMessage());
            } catch (Exception e) {
                problems.add(Manifests.describe(document) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestProblems(problems);
        }
        return new Rendered(of(objects, Deployment.class), of(objects, Service.class),
                of(objects, HorizontalPodAutoscaler.class), of(objects, PodDisruptionBudget.class),
                of(objects, NetworkPolicy.class), of(objects, Ingress.class), of(objects, ConfigMap.class),
                of(objects, Secret.class), of(objects, Namespace.class), of(objects, CnpgCluster.class));
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(top)" : path.toString();
    }

    private static <T> List<T> of(List<Object> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

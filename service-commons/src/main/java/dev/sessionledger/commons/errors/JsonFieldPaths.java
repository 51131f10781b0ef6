package dev.sessionledger.commons.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Names the field at fault in a Bean Validation failure the way the caller wrote it: by its JSON
 * names under the API's naming strategy ({@code provider_id}, {@code initialize.params.clientInfo.name}),
 * not by Java property names, elements of lists and maps included ({@code messages[3].payload_type}).
 * A constrained query or header parameter is named by itself. Serves a violation of a resource
 * method's parameters and one of a bean validated on its own alike.
 */
public final class JsonFieldPaths {

    private JsonFieldPaths() {
    }

    public static String of(ConstraintViolation<?> violation, ObjectMapper mapper) {
        List<String> parts = new ArrayList<>();
        Object current = violation.getRootBean();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> {
                    Object[] arguments = violation.getExecutableParameters();
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    current = arguments == null || index >= arguments.length ? null : arguments[index];
                    parameter = node.getName();
                }
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.isInIterable()) {
                        current = element(current, node);
                        if (node.getIndex() != null && !parts.isEmpty()) {
                            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                        }
                    }
                    if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                        BeanPropertyDefinition property = current == null ? null : property(mapper, current, node.getName());
                        parts.add(property == null ? node.getName() : property.getName());
                        current = property == null || property.getAccessor() == null ? null : valueOf(property, current);
                    }
                }
                default -> {
                    // method, constructor and return-value nodes name nothing the caller sent
                }
            }
        }
        if (parts.isEmpty()) {
            return parameter != null ? parameter : violation.getPropertyPath().toString();
        }
        return String.join(".", parts);
    }

    /** The element of a list or map a node below it stands in, when it can be told. */
    private static Object element(Object container, Path.Node node) {
        if (container instanceof List<?> list && node.getIndex() != null && node.getIndex() < list.size()) {
            return list.get(node.getIndex());
        }
        if (container instanceof Map<?, ?> map && node.getKey() != null) {
            return map.get(node.getKey());
        }
        return null;
    }

    private static BeanPropertyDefinition property(ObjectMapper mapper, Object bean, String javaName) {
        BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(bean.getClass()));
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.getInternalName().equals(javaName)) {
                return property;
            }
        }
        return null;
    }

    private static Object valueOf(BeanPropertyDefinition property, Object bean) {
        try {
            return property.getAccessor().getValue(bean);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

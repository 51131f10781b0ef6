package dev.sessionledger.commons.params;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.sessionledger.commons.errors.Failure;

/**
 * Refuses a bound the endpoint does not declare in a family of bracketed parameters, such as
 * {@code created_at[between]} where {@code created_at[gt]}, {@code [gte]}, {@code [lt]} and
 * {@code [lte]} are declared, or the family's bare name: read as declared parameters, they would
 * otherwise be ignored and the list answered unfiltered. Other unknown parameters are ignored, as
 * the APIs we copy ignore them. The declared names are read once per endpoint, from its
 * {@link QueryParam}s and those of its {@link BeanParam}s.
 */
public class BracketedParams {

    private final Map<Method, Families> declared = new ConcurrentHashMap<>();

    /** The bracketed names an endpoint declares, by the name before the bracket. */
    record Families(Map<String, Set<String>> byBase) {

        static Families of(Set<String> names) {
            Map<String, Set<String>> byBase = new java.util.HashMap<>();
            for (String name : names) {
                int bracket = name.indexOf('[');
                if (bracket > 0 && name.endsWith("]")) {
                    byBase.computeIfAbsent(name.substring(0, bracket), k -> new TreeSet<>()).add(name);
                }
            }
            return new Families(Map.copyOf(byBase));
        }

        /** The failure for {@code key}, or null when it is declared or in no declared family. */
        Failure check(String key) {
            int bracket = key.indexOf('[');
            String base = bracket > 0 ? key.substring(0, bracket) : key;
            Set<String> family = byBase.get(base);
            if (family == null || family.contains(key)) {
                return null;
            }
            return Failure.invalid(base, "takes the bounds " + describe(base, family));
        }

        private static String describe(String base, Set<String> family) {
            List<String> bounds = new ArrayList<>();
            for (String name : family) {
                bounds.add(bounds.isEmpty() ? name : name.substring(base.length()));
            }
            if (bounds.size() == 1) {
                return bounds.get(0);
            }
            return String.join(", ", bounds.subList(0, bounds.size() - 1)) + " and " + bounds.get(bounds.size() - 1);
        }
    }

    /** The endpoint's method comes from its resource info, which resolves it once for every request it serves. */
    @ServerRequestFilter
    public void refuseUndeclaredBounds(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> keys = request.getUriInfo().getQueryParameters().keySet();
        if (keys.isEmpty()) {
            return;
        }
        Families families = declared.computeIfAbsent(method, BracketedParams::familiesOf);
        if (families.byBase().isEmpty()) {
            return;
        }
        for (String key : new TreeSet<>(keys)) {
            Failure failure = families.check(key);
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** The bracketed query names a resource method declares, directly or in its bean parameters. */
    static Families familiesOf(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                addFields(parameter.getType(), names);
            }
        }
        return Families.of(names);
    }

    private static void addFields(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                QueryParam query = field.getAnnotation(QueryParam.class);
                if (query != null) {
                    names.add(query.value());
                }
                if (field.isAnnotationPresent(BeanParam.class)) {
                    addFields(field.getType(), names);
                }
            }
        }
    }
}

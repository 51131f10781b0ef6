package dev.sessionledger.commons.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The endpoints a service's resource classes declare, with the query and path parameters each reads. */
final class DeclaredEndpoints {

    record Param(String in, String name) {
    }

    record Endpoint(String method, String path, List<Param> params) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private DeclaredEndpoints() {
    }

    static List<Endpoint> of(String basePackage) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage)) {
            // An interface with a path is a client of another service (a REST client), not an endpoint served here.
            if (!type.isAnnotatedWith(Path.class) || type.isInterface()) {
                continue;
            }
            Class<?> resource = type.reflect();
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                endpoints.add(new Endpoint(verb, template(base, sub == null ? "" : sub.value()), params(method)));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** The path as the document writes it: joined with one slash, regular expressions of templates dropped. */
    private static String template(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
    }

    private static List<Param> params(Method method) {
        List<Param> params = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            add(parameter.getAnnotation(QueryParam.class), parameter.getAnnotation(PathParam.class), params);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                beanParams(parameter.getType(), params);
            }
        }
        return params;
    }

    private static void beanParams(Class<?> type, List<Param> params) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                add(field.getAnnotation(QueryParam.class), field.getAnnotation(PathParam.class), params);
                if (field.isAnnotationPresent(BeanParam.class)) {
                    beanParams(field.getType(), params);
                }
            }
        }
    }

    private static void add(QueryParam query, PathParam path, List<Param> params) {
        if (query != null) {
            params.add(new Param("query", query.value()));
        }
        if (path != null) {
            params.add(new Param("path", path.value()));
        }
    }
}

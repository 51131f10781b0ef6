package dev.sessionledger.commons.errors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which envelope answers a failure: the one the resource class names with {@link ApiErrors}. A
 * request that reached no resource (an unknown path, or one refused before routing) is answered in
 * the envelope of the resource whose path template it falls under, else in the service's one
 * envelope, or, where its resources use several, the one {@code sessionledger.errors.default-envelope}
 * names. A service with no such resource answers in the envelope that setting names.
 */
@ApplicationScoped
public class ErrorEnvelopes {

    @Inject
    BeanManager beans;

    @Inject
    @Any
    Instance<ErrorEnvelope> envelopes;

    @ConfigProperty(name = "sessionledger.errors.default-envelope")
    Optional<String> defaultEnvelope;

    private volatile Routes routes;

    /** One resource's path template, as a prefix pattern, and its envelope. */
    private record Route(Pattern prefix, int length, Class<? extends ErrorEnvelope> envelope) {
    }

    private record Routes(List<Route> byLength, Class<? extends ErrorEnvelope> fallback) {
    }

    /** The envelope of a resource class; a class that names none gets the service's main one. */
    public ErrorEnvelope forResource(Class<?> resource) {
        ApiErrors declared = resource == null ? null : resource.getAnnotation(ApiErrors.class);
        Class<? extends ErrorEnvelope> type = declared != null ? declared.value() : routes().fallback();
        return envelopes.select(type).get();
    }

    /** The envelope for a request no resource has taken yet. */
    public ErrorEnvelope forPath(String path) {
        Routes known = routes();
        String target = path == null ? "" : path;
        for (Route route : known.byLength()) {
            if (route.prefix().matcher(target).lookingAt()) {
                return envelopes.select(route.envelope()).get();
            }
        }
        return envelopes.select(known.fallback()).get();
    }

    private Routes routes() {
        Routes known = routes;
        if (known == null) {
            known = read();
            routes = known;
        }
        return known;
    }

    private Routes read() {
        List<Route> found = new ArrayList<>();
        Set<Class<? extends ErrorEnvelope>> used = new HashSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path path = type.getAnnotation(Path.class);
            ApiErrors declared = type.getAnnotation(ApiErrors.class);
            if (path != null && declared != null) {
                String template = path.value().startsWith("/") ? path.value() : "/" + path.value();
                found.add(new Route(Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+") + "(/|$)"),
                        template.length(), declared.value()));
                used.add(declared.value());
            }
        }
        if (found.isEmpty()) {
            // A service whose API is no JAX-RS resource (mcp-gateway's Vert.x route) names its envelope.
            return new Routes(List.of(), defaultEnvelope.map(ErrorEnvelopes::envelopeClass).orElseThrow(
                    () -> new IllegalStateException("No resource names its error envelope with @ApiErrors, and "
                            + "sessionledger.errors.default-envelope names none")));
        }
        found.sort(Comparator.comparingInt(Route::length).reversed());
        Class<? extends ErrorEnvelope> fallback = used.size() == 1 ? used.iterator().next()
                : used.stream().filter(type -> defaultEnvelope.filter(type.getName()::equals).isPresent()).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Resources answer in " + used.size()
                                + " envelopes: sessionledger.errors.default-envelope must name the one for other paths"));
        return new Routes(List.copyOf(found), fallback);
    }

    private static Class<? extends ErrorEnvelope> envelopeClass(String name) {
        try {
            return Class.forName(name, true, Thread.currentThread().getContextClassLoader()).asSubclass(ErrorEnvelope.class);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("sessionledger.errors.default-envelope names no error envelope: " + name, e);
        }
    }
}

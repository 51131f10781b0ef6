package dev.sessionledger.kubernetes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * What must hold of the Ingress objects beyond their routes: they serve one host alike (ingress-nginx
 * merges the objects of a host into one server, so an object on another host routes elsewhere), and
 * an object that routes to a service answering with long-lived event streams passes them unbuffered
 * and keeps a quiet stream open at least as long as that service keeps an idle session.
 */
final class IngressChecks {

    /** Services whose answers are SSE streams that stay open (MCP's Streamable HTTP), and their idle-session setting. */
    static final Map<String, IdleSetting> STREAMING = Map.of("mcp-gateway", new IdleSetting("SESSION_IDLE_TIMEOUT", "30M"));

    /** The setting that says how long a streaming service keeps an idle session, and its default. */
    record IdleSetting(String variable, String defaultValue) {
    }

    static final String ANNOTATION = "nginx.ingress.kubernetes.io/";
    /** ingress-nginx's proxy timeouts when an Ingress does not set them. */
    private static final int NGINX_DEFAULT_TIMEOUT_SECONDS = 60;
    private static final Pattern QUARKUS_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

    private final Rendered set;
    private final List<String> problems = new ArrayList<>();

    private IngressChecks(Rendered set) {
        this.set = set;
    }

    static List<String> check(Rendered set) {
        IngressChecks checks = new IngressChecks(set);
        checks.oneHost();
        set.ingresses().forEach(checks::streaming);
        return checks.problems;
    }

    private void oneHost() {
        if (set.ingresses().isEmpty()) {
            return;
        }
        Ingress first = set.ingresses().get(0);
        for (Ingress other : set.ingresses().subList(1, set.ingresses().size())) {
            if (!hosts(first).equals(hosts(other))) {
                problems.add("Ingress " + other.getMetadata().getName() + " serves hosts " + hosts(other) + " but Ingress "
                        + first.getMetadata().getName() + " serves " + hosts(first)
                        + ": ingress-nginx would route their paths on different servers");
            }
        }
    }

    /** The hosts an Ingress's rules name; "*" for a rule without one (every host). */
    private static Set<String> hosts(Ingress ingress) {
        Set<String> hosts = new TreeSet<>();
        ingress.getSpec().getRules().forEach(r -> hosts.add(r.getHost() == null ? "*" : r.getHost()));
        return hosts;
    }

    private void streaming(Ingress ingress) {
        String where = "Ingress " + ingress.getMetadata().getName();
        Map<String, String> annotations = ingress.getMetadata().getAnnotations() == null ? Map.of()
                : ingress.getMetadata().getAnnotations();
        Set<String> backends = new TreeSet<>();
        ingress.getSpec().getRules().forEach(r -> r.getHttp().getPaths()
                .forEach(p -> backends.add(p.getBackend().getService().getName())));
        for (Deployment deployment : set.deployments()) {
            IdleSetting idle = STREAMING.get(deployment.getMetadata().getName());
            if (idle == null || set.servicesFor(deployment).stream().noneMatch(s -> backends.contains(s.getMetadata().getName()))) {
                continue;
            }
            String service = deployment.getMetadata().getName();
            if (!"off".equals(annotations.get(ANNOTATION + "proxy-buffering"))) {
                problems.add(where + ": routes to " + service + ", whose answers are event streams, but does not set "
                        + ANNOTATION + "proxy-buffering: \"off\", so nginx would hold events back");
            }
            String value = PodConfiguration.of(deployment, set).getOrDefault(idle.variable(), idle.defaultValue());
            Optional<Duration> idleTimeout = quarkusDuration(value);
            if (idleTimeout.isEmpty()) {
                problems.add("Deployment " + service + ": " + idle.variable() + "=" + value + " is not a duration");
                continue;
            }
            for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
                String seconds = annotations.get(ANNOTATION + timeout);
                Optional<Integer> parsed = seconds == null ? Optional.of(NGINX_DEFAULT_TIMEOUT_SECONDS) : wholeSeconds(seconds);
                if (parsed.isEmpty()) {
                    problems.add(where + ": " + ANNOTATION + timeout + " \"" + seconds + "\" is not a whole number of seconds");
                } else if (parsed.get() < idleTimeout.get().toSeconds()) {
                    problems.add(where + ": " + ANNOTATION + timeout + " is " + parsed.get() + " s"
                            + (seconds == null ? " (nginx's default)" : "") + ", so nginx would cut a quiet stream of " + service
                            + " before the session is idle for " + idle.variable() + "=" + value);
                }
            }
        }
    }

    private static Optional<Integer> wholeSeconds(String value) {
        return value.matches("[0-9]{1,9}") ? Optional.of(Integer.parseInt(value)) : Optional.empty();
    }

    /** A duration as Quarkus reads one: a number with a unit (ms, s, m, h, d; seconds without one) or ISO-8601. */
    static Optional<Duration> quarkusDuration(String value) {
        String text = Objects.requireNonNull(value).strip().toLowerCase(Locale.ROOT);
        Matcher simple = QUARKUS_DURATION.matcher(text);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            String unit = simple.group(2) == null ? "s" : simple.group(2);
            return Optional.of(switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(text.toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

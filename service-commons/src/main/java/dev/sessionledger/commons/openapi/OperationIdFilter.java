package dev.sessionledger.commons.openapi;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Names every operation that has none after its summary ({@code List session participants} becomes
 * {@code listSessionParticipants}, articles and possessives dropped), the name a generated client gives the call; where two summaries
 * read the same, the operation's first tag tells them apart ({@code endSessionMeetings}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class OperationIdFilter implements OASFilter {

    private static final Set<String> ARTICLES = Set.of("a", "an", "the", "of");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> taken = new HashSet<>();
        Map<String, PathItem> paths = new TreeMap<>(openAPI.getPaths().getPathItems());
        paths.keySet().removeIf(path -> path.startsWith("/q/"));
        paths.values().forEach(item -> operations(item).forEach(o -> {
            if (o.getOperationId() != null) {
                taken.add(o.getOperationId());
            }
        }));
        Set<String> clashing = new HashSet<>();
        Set<String> seen = new HashSet<>();
        paths.values().forEach(item -> operations(item).forEach(o -> {
            String id = named(o);
            if (id != null && !seen.add(id)) {
                clashing.add(id);
            }
        }));
        paths.values().forEach(item -> operations(item).forEach(o -> {
            String id = named(o);
            if (id == null) {
                return;
            }
            if ((clashing.contains(id) || taken.contains(id)) && o.getTags() != null && !o.getTags().isEmpty()) {
                id = id + camel(o.getTags().get(0), true);
            }
            if (taken.add(id)) {
                o.setOperationId(id);
            }
        }));
    }

    private static Iterable<Operation> operations(PathItem item) {
        return item.getOperations() == null ? List.of() : item.getOperations().values();
    }

    /** The name the summary gives an operation that has none, or null. */
    private static String named(Operation operation) {
        if (operation.getOperationId() != null || operation.getSummary() == null || operation.getSummary().isBlank()) {
            return null;
        }
        return camel(operation.getSummary(), false);
    }

    private static String camel(String text, boolean capitalFirst) {
        StringBuilder id = new StringBuilder();
        for (String word : text.replaceAll("['\u2019]s\\b", "").split("[^A-Za-z0-9]+")) {
            if (word.isEmpty() || ARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            boolean first = id.isEmpty() && !capitalFirst;
            id.append(first ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return id.toString();
    }
}

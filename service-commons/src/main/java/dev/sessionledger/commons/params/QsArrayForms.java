package dev.sessionledger.commons.params;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets an endpoint declare a list parameter once ({@code @QueryParam("type") List<String>}) and still
 * read the array forms Metorial's SDK writes with {@code qs}: {@code type[]=a} and indexed
 * {@code type[0]=a&type[1]=b} (in index order) arrive as repeated {@code type=a&type=b}, after any
 * plain repeated values. Other bracketed names, such as the range bounds {@code created_at[gt]},
 * are parameters of their own and stay as they are.
 */
public class QsArrayForms {

    /** {@code name[]} or {@code name[12]}, brackets raw or escaped. */
    private static final Pattern ARRAY_KEY = Pattern.compile("(.+)\\[(\\d{0,6})]");

    @ServerRequestFilter(preMatching = true)
    public void normalize(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String query = uri.getRawQuery();
        if (query == null || (query.indexOf('[') < 0 && !query.toUpperCase(Locale.ROOT).contains("%5B"))) {
            return;
        }
        String rewritten = rewrite(query);
        if (!rewritten.equals(query)) {
            request.setRequestUri(URI.create(uri.getRawPath() + "?" + rewritten));
        }
    }

    /** The query with array keys renamed to their plain name, their values in order; other pairs unchanged. */
    static String rewrite(String query) {
        List<String> plain = new ArrayList<>();
        Map<String, List<String>> unindexed = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, List<String>>> indexed = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawKey = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            Matcher array = ARRAY_KEY.matcher(decode(rawKey));
            if (!array.matches()) {
                plain.add(pair);
            } else if (array.group(2).isEmpty()) {
                unindexed.computeIfAbsent(array.group(1), k -> new ArrayList<>()).add(rawValue);
            } else {
                indexed.computeIfAbsent(array.group(1), k -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(array.group(2)), k -> new ArrayList<>()).add(rawValue);
            }
        }
        List<String> pairs = new ArrayList<>(plain);
        unindexed.forEach((name, values) -> values.forEach(v -> pairs.add(encode(name) + "=" + v)));
        indexed.forEach((name, byIndex) -> byIndex.values()
                .forEach(values -> values.forEach(v -> pairs.add(encode(name) + "=" + v))));
        return String.join("&", pairs);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}

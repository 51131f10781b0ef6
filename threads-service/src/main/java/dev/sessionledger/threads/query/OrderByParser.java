package dev.sessionledger.threads.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sessionledger.commons.errors.Failure;

/**
 * Reads {@code orderBy}, a JSON array of {@code {"field": "direction"}}, into sort keys that end
 * with the unique id, so that every row has one place in the order and cursors never skip or
 * repeat. The id breaks ties in the direction of the last key given (ascending by default), which
 * keeps a one-key sort on a single index.
 */
public final class OrderByParser {

    public static final int MAX_LENGTH = 2048;

    private OrderByParser() {
    }

    public static List<SortKey> parse(String json, Map<String, ? extends FilterField> sortable, FilterField id,
            String parameter) {
        List<SortKey> keys = new ArrayList<>();
        if (json != null && !json.isBlank()) {
            JsonNode tree = JsonParameter.read(json, parameter, MAX_LENGTH);
            if (tree.isObject()) {
                tree = JsonParameter.array().add(tree);
            }
            if (!tree.isArray() || tree.size() > sortable.size()) {
                throw Failure.invalid(parameter,
                        "must be an array of at most " + sortable.size() + " objects like {\"joinedAt\": \"desc\"}");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < tree.size(); i++) {
                keys.add(key(tree.get(i), parameter + "[" + i + "]", sortable, seen));
            }
        }
        if (keys.stream().noneMatch(k -> k.field().equals(id))) {
            SortDirection tieBreak = keys.isEmpty() ? SortDirection.ASC : keys.get(keys.size() - 1).direction().plain();
            keys.add(new SortKey(id, tieBreak));
        }
        return List.copyOf(keys);
    }

    private static SortKey key(JsonNode entry, String path, Map<String, ? extends FilterField> sortable,
            Set<String> seen) {
        if (entry == null || !entry.isObject() || entry.size() != 1) {
            throw Failure.invalid(path, "must be an object with exactly one field, like {\"joinedAt\": \"desc\"}");
        }
        Map.Entry<String, JsonNode> only = entry.fields().next();
        String at = path + "." + only.getKey();
        FilterField field = sortable.get(only.getKey());
        if (field == null) {
            throw Failure.invalid(at, "is not a sortable field; use one of " + String.join(", ", sortable.keySet()));
        }
        if (!seen.add(only.getKey())) {
            throw Failure.invalid(at, "is already sorted on by an earlier key");
        }
        JsonNode value = only.getValue();
        SortDirection direction = value != null && value.isTextual()
                ? SortDirection.of(value.textValue()).orElse(null)
                : null;
        if (direction == null) {
            throw Failure.invalid(at, "must be one of asc, desc, asc_nulls_first, asc_nulls_last, "
                    + "desc_nulls_first, desc_nulls_last");
        }
        return new SortKey(field, direction);
    }
}

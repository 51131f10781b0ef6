package dev.sessionledger.threads.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.persistence.Sql;

/**
 * Compiles a JSON filter ({@code AND}/{@code OR}/{@code NOT}, per-field operators, relations) into
 * a SQL condition. Field names resolve through a whitelist to fixed columns; every value is bound.
 * Null never equals anything: {@code neq} and {@code nin} keep rows whose field is null, and
 * {@code NOT} treats an unknown comparison as false, so every filter is plain two-valued logic.
 */
public final class FilterCompiler {

    public static final int MAX_LENGTH = 8192;
    public static final int MAX_DEPTH = 8;
    public static final int MAX_NODES = 100;
    public static final int MAX_LIST = 100;

    /** The fields of one entity, and the entities it reaches by name. */
    public record Schema(Map<String, ? extends FilterField> fields, Map<String, Relation> relations) {
    }

    /** A relation a filter may traverse: the related entity's schema and how its rows tie to the outer row. */
    public record Relation(Schema schema, String existsPrefix) {
    }

    private final String parameter;
    private int nodes;

    private FilterCompiler(String parameter) {
        this.parameter = parameter;
    }

    /**
     * @param parameter the query parameter the filter came in, which every error path starts with
     * @return the condition, or {@link Sql#TRUE} for an absent or empty ({@code {}}) filter
     */
    public static Sql compile(String json, Schema schema, String parameter) {
        if (json == null || json.isBlank()) {
            return Sql.TRUE;
        }
        JsonNode tree = JsonParameter.read(json, parameter, MAX_LENGTH);
        if (tree.isObject() && tree.isEmpty()) {
            return Sql.TRUE;
        }
        return new FilterCompiler(parameter).node(tree, parameter, 1, schema);
    }

    private Sql node(JsonNode node, String path, int depth, Schema schema) {
        if (depth > MAX_DEPTH) {
            throw Failure.invalid(path, "nests deeper than " + MAX_DEPTH + " levels");
        }
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw Failure.invalid(path, "must be an object naming fields, AND, OR or NOT");
        }
        List<Sql> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String key = entry.getKey();
            String at = path + "." + key;
            count(at);
            switch (key) {
                case "AND", "OR" -> parts.add(list(entry.getValue(), at, depth, schema, key));
                case "NOT" -> parts.add(Sql.of("NOT COALESCE(")
                        .append(node(entry.getValue(), at, depth + 1, schema)).append(", FALSE)"));
                default -> parts.add(field(key, entry.getValue(), at, depth, schema));
            }
        }
        return Sql.joined(parts, " AND ");
    }

    private Sql list(JsonNode value, String path, int depth, Schema schema, String connective) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw Failure.invalid(path, "must be a non-empty array of filters");
        }
        List<Sql> parts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            parts.add(node(value.get(i), path + "[" + i + "]", depth + 1, schema));
        }
        return Sql.joined(parts, " " + connective + " ");
    }

    private Sql field(String name, JsonNode value, String path, int depth, Schema schema) {
        Relation relation = schema.relations().get(name);
        if (relation != null) {
            return Sql.of("EXISTS (" + relation.existsPrefix() + " AND ")
                    .append(node(value, path, depth + 1, relation.schema()).parenthesized()).append(")");
        }
        FilterField field = schema.fields().get(name);
        if (field == null) {
            throw Failure.invalid(path, "is not a field that can be filtered on; use one of "
                    + String.join(", ", schema.fields().keySet())
                    + (schema.relations().isEmpty() ? "" : ", " + String.join(", ", schema.relations().keySet()))
                    + ", AND, OR, NOT");
        }
        if (value == null || !value.isObject() || value.isEmpty()) {
            throw Failure.invalid(path, "must be an object of operators, like {\"eq\": ...}");
        }
        List<Sql> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> operators = value.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> entry = operators.next();
            String at = path + "." + entry.getKey();
            count(at);
            Operator operator = Operator.of(entry.getKey()).orElseThrow(() -> Failure.invalid(at,
                    "is not an operator; use one of " + wireNames(field.type())));
            if (!field.type().allows(operator)) {
                throw Failure.invalid(at, "does not apply to " + field.wire() + ", which is "
                        + field.type().description() + " field; use one of " + wireNames(field.type()));
            }
            parts.add(comparison(field, operator, entry.getValue(), at));
        }
        return Sql.joined(parts, " AND ");
    }

    private static Sql comparison(FilterField field, Operator operator, JsonNode value, String path) {
        String column = field.column();
        return switch (operator) {
            case EQ -> Sql.bound(column + " = ?", field.type().parse(value, path));
            case NEQ -> Sql.bound(column + " IS DISTINCT FROM ?", field.type().parse(value, path));
            case GT -> Sql.bound(column + " > ?", field.type().parse(value, path));
            case GTE -> Sql.bound(column + " >= ?", field.type().parse(value, path));
            case LT -> Sql.bound(column + " < ?", field.type().parse(value, path));
            case LTE -> Sql.bound(column + " <= ?", field.type().parse(value, path));
            case LIKE -> Sql.bound(column + " LIKE ?", pattern(field, value, path));
            case ILIKE -> Sql.bound(column + " ILIKE ?", pattern(field, value, path));
            case IN -> in(field, value, path, false);
            case NIN -> in(field, value, path, true);
            case IS_NULL -> {
                if (value == null || !value.isBoolean()) {
                    throw Failure.invalid(path, "must be true or false");
                }
                yield Sql.of(column + (value.booleanValue() ? " IS NULL" : " IS NOT NULL"));
            }
        };
    }

    /** A LIKE pattern, where a backslash escapes the next character and so cannot come last. */
    private static Object pattern(FilterField field, JsonNode value, String path) {
        String pattern = (String) field.type().parse(value, path);
        int trailing = 0;
        while (trailing < pattern.length() && pattern.charAt(pattern.length() - 1 - trailing) == '\\') {
            trailing++;
        }
        if (trailing % 2 == 1) {
            throw Failure.invalid(path, "must not end with an unfinished escape (a lone backslash)");
        }
        return pattern;
    }

    private static Sql in(FilterField field, JsonNode value, String path, boolean negated) {
        if (value == null || !value.isArray()) {
            throw Failure.invalid(path, "must be an array");
        }
        if (value.size() > MAX_LIST) {
            throw Failure.invalid(path, "may hold at most " + MAX_LIST + " values");
        }
        if (value.isEmpty()) {
            return negated ? Sql.TRUE : Sql.FALSE;
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            values.add(field.type().parse(value.get(i), path + "[" + i + "]"));
        }
        String markers = values.stream().map(v -> "?").collect(Collectors.joining(", "));
        Sql list = new Sql(field.column() + " IN (" + markers + ")", values);
        return negated ? Sql.of("NOT COALESCE(").append(list).append(", FALSE)") : list;
    }

    private void count(String path) {
        if (++nodes > MAX_NODES) {
            throw Failure.invalid(path, parameter + " has more than " + MAX_NODES + " conditions");
        }
    }

    private static String wireNames(ValueType type) {
        return type.operators().stream().map(Operator::wire).collect(Collectors.joining(", "));
    }
}

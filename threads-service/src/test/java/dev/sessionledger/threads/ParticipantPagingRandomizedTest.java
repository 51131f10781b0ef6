package dev.sessionledger.threads;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.threads.ThreadFixtures.Row;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import javax.sql.DataSource;

/**
 * Random data full of nulls and ties, random filters and sorts: paging forwards and then backwards
 * through every page must give exactly the unpaged result, which must in turn equal what an
 * independent in-memory evaluation of the same filter and sort gives. Set {@code -Dpaging.seed=...}
 * to replay a failure; the seed is in every failure message.
 */
@QuarkusTest
@ServiceTest
class ParticipantPagingRandomizedTest {

    private static final int ROUNDS = 25;
    private static final int ROWS = 50;
    private static final Instant BASE = Instant.parse("2025-03-01T08:00:00Z");
    private static final List<String> NAMES = List.of("ann", "bob", "cy", "dee", "b");
    private static final List<String> DIRECTIONS = List.of("asc", "desc", "asc_nulls_first", "asc_nulls_last",
            "desc_nulls_first", "desc_nulls_last");

    /** A participant with its thread's title, as the in-memory oracle sees it. */
    private record Item(Row row, String title) {
    }

    /** A sortable field: its name in the API and how the oracle reads it. */
    private record Field(String name, Function<Item, Comparable<?>> value) {
    }

    /** A random filter: its JSON and the oracle's verdict for a row. */
    private record Filter(String json, Predicate<Item> test) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("id", i -> i.row().id().toString()),
            new Field("threadId", i -> i.row().threadId().toString()),
            new Field("userId", i -> i.row().userId()),
            new Field("agentId", i -> i.row().agentId()),
            new Field("swarmId", i -> i.row().swarmId()),
            new Field("externalIdentity", i -> i.row().externalIdentity()),
            new Field("displayName", i -> i.row().displayName()),
            new Field("joinedAt", i -> i.row().joinedAt()),
            new Field("lastReadMessageId", i -> i.row().lastReadMessageId()),
            new Field("lastReadAt", i -> i.row().lastReadAt()));

    @Inject
    DataSource dataSource;

    private Random random;
    private long seed;

    @Test
    void paging_forward_then_backward_gives_exactly_the_unpaged_result_for_random_filters_and_sorts() {
        seed = Long.getLong("paging.seed", System.nanoTime());
        random = new Random(seed);
        ThreadFixtures fixtures = new ThreadFixtures(dataSource);
        String tenant = TestTokens.newTenant();
        UUID alpha = fixtures.thread(tenant, "alpha");
        UUID beta = fixtures.thread(tenant, "beta");
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            UUID thread = i < ROWS * 2 / 3 ? alpha : beta;
            Row row = randomRow(thread, i);
            fixtures.insert(tenant, row);
            items.add(new Item(row, thread.equals(alpha) ? "alpha" : "beta"));
        }
        for (int round = 0; round < ROUNDS; round++) {
            boolean scoped = random.nextInt(3) == 0;
            String token = scoped ? TestTokens.member("u0", tenant) : TestTokens.admin(tenant);
            List<Map.Entry<Field, String>> sort = randomSort();
            Filter filter = random.nextInt(5) == 0 ? null : randomFilter(0);
            int limit = List.of(1, 2, 3, 5, 8, 13).get(random.nextInt(6));
            List<String> expected = items.stream()
                    .filter(i -> !scoped || i.row().threadId().equals(alpha))
                    .filter(i -> filter == null || filter.test().test(i))
                    .sorted(comparator(sort))
                    .map(i -> i.row().id().toString())
                    .toList();
            String orderBy = sort.stream().map(e -> "{\"" + e.getKey().name() + "\":\"" + e.getValue() + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            String context = "seed " + seed + ", round " + round + ", orderBy " + orderBy + ", filter "
                    + (filter == null ? "none" : filter.json()) + ", limit " + limit + (scoped ? ", thread alpha" : "");
            Query query = new Query(token, scoped ? alpha.toString() : null, orderBy,
                    filter == null ? null : filter.json(), context);

            JsonPath unpaged = query.page(100, null, null);
            assertEquals(expected, unpaged.getList("data.id"), "unpaged: " + context);
            assertEquals(expected.size(), unpaged.getInt("pageInfo.total"), context);
            assertTrue(!unpaged.getBoolean("pageInfo.hasNextPage") && !unpaged.getBoolean("pageInfo.hasPreviousPage"),
                    context);

            walk(query, limit, expected);
        }
    }

    private void walk(Query query, int limit, List<String> expected) {
        String context = query.context();
        List<String> forward = new ArrayList<>();
        List<String> lastPage;
        String after = null;
        String lastStart;
        int pages = 0;
        while (true) {
            JsonPath page = query.page(limit, after, null);
            List<String> ids = page.getList("data.id");
            assertTrue(ids.size() <= limit, context);
            assertEquals(pages > 0, page.getBoolean("pageInfo.hasPreviousPage"), "forward page " + pages + ": " + context);
            forward.addAll(ids);
            assertEquals(forward.size() < expected.size(), page.getBoolean("pageInfo.hasNextPage"),
                    "forward page " + pages + ": " + context);
            assertEquals(expected.size(), page.getInt("pageInfo.total"), context);
            if (!page.getBoolean("pageInfo.hasNextPage")) {
                lastStart = page.getString("pageInfo.startCursor");
                lastPage = ids;
                break;
            }
            after = page.getString("pageInfo.endCursor");
            assertTrue(++pages < 200, context);
        }
        assertEquals(expected, forward, "forward: " + context);
        if (expected.isEmpty()) {
            return;
        }
        List<String> backward = new ArrayList<>(lastPage);
        String before = lastStart;
        while (true) {
            JsonPath page = query.page(limit, null, before);
            List<String> ids = page.getList("data.id");
            backward.addAll(0, ids);
            assertTrue(page.getBoolean("pageInfo.hasNextPage"), "backward: " + context);
            assertEquals(backward.size() < expected.size(), page.getBoolean("pageInfo.hasPreviousPage"),
                    "backward: " + context);
            assertEquals(expected.size(), page.getInt("pageInfo.total"), context);
            if (!page.getBoolean("pageInfo.hasPreviousPage")) {
                break;
            }
            before = page.getString("pageInfo.startCursor");
        }
        assertEquals(expected, backward, "backward: " + context);
    }

    /** One list query, re-sent page after page with the same filter and sort. */
    private record Query(String token, String threadId, String orderBy, String filter, String context) {

        JsonPath page(int limit, String after, String before) {
            RequestSpecification request = given().auth().oauth2(token).queryParam("limit", limit)
                    .queryParam("orderBy", orderBy);
            if (threadId != null) {
                request.queryParam("thread_id", threadId);
            }
            if (filter != null) {
                request.queryParam("filter", filter);
            }
            if (after != null) {
                request.queryParam("after", after);
            }
            if (before != null) {
                request.queryParam("before", before);
            }
            return request.when().get("/api/thread-participants").then().statusCode(200).extract().jsonPath();
        }
    }

    private Row randomRow(UUID thread, int i) {
        int kind = i == 0 ? 0 : random.nextInt(4);
        return new Row(PrefixedId.newUuid(), thread,
                kind == 0 ? "u" + i : null,
                kind == 1 ? "a" + i : null,
                kind == 2 ? "s" + i : null,
                kind == 3 ? "e" + i : null,
                random.nextInt(3) == 0 ? null : NAMES.get(random.nextInt(NAMES.size())),
                BASE.plus(random.nextInt(4), ChronoUnit.HOURS),
                random.nextBoolean() ? null : "m" + random.nextInt(4),
                random.nextBoolean() ? null : BASE.plus(random.nextInt(3), ChronoUnit.HOURS));
    }

    private List<Map.Entry<Field, String>> randomSort() {
        List<Field> fields = new ArrayList<>(FIELDS);
        Collections.shuffle(fields, random);
        int count = 1 + random.nextInt(3);
        List<Map.Entry<Field, String>> sort = new ArrayList<>();
        for (Field field : fields.subList(0, count)) {
            sort.add(Map.entry(field, DIRECTIONS.get(random.nextInt(DIRECTIONS.size()))));
        }
        return sort;
    }

    /** The documented order: each key with its null placement, then id in the last key's direction. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Comparator<Item> comparator(List<Map.Entry<Field, String>> sort) {
        List<Map.Entry<Field, String>> keys = new ArrayList<>(sort);
        if (keys.stream().noneMatch(e -> e.getKey().name().equals("id"))) {
            boolean descending = keys.get(keys.size() - 1).getValue().startsWith("desc");
            keys.add(Map.entry(FIELDS.get(0), descending ? "desc" : "asc"));
        }
        return (a, b) -> {
            for (Map.Entry<Field, String> key : keys) {
                Comparable x = key.getKey().value().apply(a);
                Comparable y = key.getKey().value().apply(b);
                String direction = key.getValue();
                boolean descending = direction.startsWith("desc");
                boolean nullsFirst = direction.endsWith("nulls_first") || direction.equals("desc");
                int result;
                if (x == null || y == null) {
                    result = x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
                } else {
                    result = descending ? y.compareTo(x) : x.compareTo(y);
                }
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        };
    }

    private Filter randomFilter(int depth) {
        int pick = random.nextInt(depth >= 2 ? 6 : 9);
        if (pick < 6) {
            return randomLeaf();
        }
        if (pick == 6) {
            Filter inner = randomFilter(depth + 1);
            return new Filter("{\"NOT\":" + inner.json() + "}", inner.test().negate());
        }
        String connective = pick == 7 ? "AND" : "OR";
        List<Filter> parts = new ArrayList<>();
        for (int i = 0; i < 2 + random.nextInt(2); i++) {
            parts.add(randomFilter(depth + 1));
        }
        Predicate<Item> test = connective.equals("AND")
                ? i -> parts.stream().allMatch(p -> p.test().test(i))
                : i -> parts.stream().anyMatch(p -> p.test().test(i));
        return new Filter("{\"" + connective + "\":"
                + parts.stream().map(Filter::json).collect(Collectors.joining(",", "[", "]")) + "}", test);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private Filter randomLeaf() {
        switch (random.nextInt(7)) {
            case 0:
                return textLeaf("displayName", i -> i.row().displayName(), NAMES.get(random.nextInt(NAMES.size())));
            case 1:
                return textLeaf("userId", i -> i.row().userId(), "u" + random.nextInt(ROWS));
            case 2:
                return textLeaf("lastReadMessageId", i -> i.row().lastReadMessageId(), "m" + random.nextInt(4));
            case 3:
                return timeLeaf("joinedAt", i -> i.row().joinedAt());
            case 4:
                return timeLeaf("lastReadAt", i -> i.row().lastReadAt());
            case 5: {
                String title = random.nextBoolean() ? "alpha" : "beta";
                return new Filter("{\"thread\":{\"title\":{\"eq\":\"" + title + "\"}}}", i -> i.title().equals(title));
            }
            default: {
                boolean isNull = random.nextBoolean();
                return new Filter("{\"agentId\":{\"isNull\":" + isNull + "}}", i -> (i.row().agentId() == null) == isNull);
            }
        }
    }

    private Filter textLeaf(String field, Function<Item, String> read, String value) {
        String second = NAMES.get(random.nextInt(NAMES.size()));
        String[] operators = { "eq", "neq", "gt", "gte", "lt", "lte", "in", "nin", "isNull", "like", "ilike" };
        String operator = operators[random.nextInt(operators.length)];
        String quoted = "\"" + value + "\"";
        String json = switch (operator) {
            case "in", "nin" -> "[" + quoted + ",\"" + second + "\"]";
            case "isNull" -> String.valueOf(value.length() % 2 == 0);
            case "like" -> "\"" + value.charAt(0) + "%\"";
            case "ilike" -> "\"" + Character.toUpperCase(value.charAt(0)) + "%\"";
            default -> quoted;
        };
        Predicate<String> test = switch (operator) {
            case "eq" -> v -> v != null && v.equals(value);
            case "neq" -> v -> v == null || !v.equals(value);
            case "gt" -> v -> v != null && v.compareTo(value) > 0;
            case "gte" -> v -> v != null && v.compareTo(value) >= 0;
            case "lt" -> v -> v != null && v.compareTo(value) < 0;
            case "lte" -> v -> v != null && v.compareTo(value) <= 0;
            case "in" -> v -> v != null && (v.equals(value) || v.equals(second));
            case "nin" -> v -> v == null || !(v.equals(value) || v.equals(second));
            case "isNull" -> v -> (v == null) == (value.length() % 2 == 0);
            default -> v -> v != null && v.startsWith(String.valueOf(value.charAt(0)));
        };
        return new Filter("{\"" + field + "\":{\"" + operator + "\":" + json + "}}", i -> test.test(read.apply(i)));
    }

    private Filter timeLeaf(String field, Function<Item, Instant> read) {
        Instant value = BASE.plus(random.nextInt(7) * 30L, ChronoUnit.MINUTES);
        String[] operators = { "eq", "neq", "gt", "gte", "lt", "lte", "isNull", "in" };
        String operator = operators[random.nextInt(operators.length)];
        String json = switch (operator) {
            case "isNull" -> String.valueOf(value.getEpochSecond() % 3600 == 0);
            case "in" -> "[\"" + value + "\",\"" + BASE + "\"]";
            default -> "\"" + value + "\"";
        };
        Predicate<Instant> test = switch (operator) {
            case "eq" -> v -> v != null && v.equals(value);
            case "neq" -> v -> v == null || !v.equals(value);
            case "gt" -> v -> v != null && v.isAfter(value);
            case "gte" -> v -> v != null && !v.isBefore(value);
            case "lt" -> v -> v != null && v.isBefore(value);
            case "lte" -> v -> v != null && !v.isAfter(value);
            case "isNull" -> v -> (v == null) == (value.getEpochSecond() % 3600 == 0);
            default -> v -> v != null && (v.equals(value) || v.equals(BASE));
        };
        return new Filter("{\"" + field + "\":{\"" + operator + "\":" + json + "}}", i -> test.test(read.apply(i)));
    }
}

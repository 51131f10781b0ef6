package dev.sessionledger.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.paging.KeysetScan.Direction;

/** The pager over an in-memory list, whose reads are counted: pages, flags and how many reads each page takes. */
class ScanPagerTest {

    /** The rows 10, 20, ... 100, anchored on a number that may or may not be a row. */
    private static final class Numbers implements KeysetScan<Integer, Integer> {

        private final List<Integer> rows;
        final List<String> reads = new ArrayList<>();

        Numbers(List<Integer> rows) {
            this.rows = rows;
        }

        @Override
        public List<Integer> read(Integer anchor, Direction direction, boolean inclusive, int limit) {
            reads.add(direction + (inclusive ? " from " : " past ") + anchor + " limit " + limit);
            List<Integer> ordered = new ArrayList<>(rows);
            if (direction == Direction.BACKWARD) {
                Collections.reverse(ordered);
            }
            return ordered.stream()
                    .filter(row -> anchor == null || beyond(row, anchor, direction, inclusive))
                    .limit(limit).toList();
        }

        private static boolean beyond(int row, int anchor, Direction direction, boolean inclusive) {
            int compared = direction == Direction.FORWARD ? Integer.compare(row, anchor) : Integer.compare(anchor, row);
            return compared > 0 || (inclusive && compared == 0);
        }
    }

    private static final List<Integer> TENS = IntStream.rangeClosed(1, 10).map(i -> i * 10).boxed().toList();

    private static KeysetSlice<Integer> slice(List<Integer> rows, boolean hasBefore, boolean hasAfter) {
        return new KeysetSlice<>(rows, hasBefore, hasAfter);
    }

    @Test
    void the_first_page_is_one_read_with_nothing_before() {
        Numbers scan = new Numbers(TENS);
        assertEquals(slice(List.of(10, 20, 30), false, true), ScanPager.page(scan, KeysetRequest.first(3)));
        assertEquals(List.of("FORWARD past null limit 4"), scan.reads);
        assertEquals(slice(TENS, false, false), ScanPager.page(new Numbers(TENS), KeysetRequest.first(10)));
    }

    @Test
    void after_an_anchor_reads_past_it_and_probes_behind_it() {
        Numbers scan = new Numbers(TENS);
        assertEquals(slice(List.of(40, 50, 60), true, true), ScanPager.page(scan, KeysetRequest.after(3, 30)));
        assertEquals(List.of("FORWARD past 30 limit 4", "BACKWARD from 30 limit 1"), scan.reads);
        assertEquals(slice(List.of(80, 90, 100), true, false), ScanPager.page(scan, KeysetRequest.after(3, 70)));
        assertEquals(slice(List.of(), true, false), ScanPager.page(scan, KeysetRequest.after(3, 100)));
    }

    @Test
    void before_an_anchor_reads_backwards_and_answers_in_the_lists_order() {
        Numbers scan = new Numbers(TENS);
        assertEquals(slice(List.of(50, 60, 70), true, true), ScanPager.page(scan, KeysetRequest.before(3, 80)));
        assertEquals(List.of("BACKWARD past 80 limit 4", "FORWARD from 80 limit 1"), scan.reads);
        assertEquals(slice(List.of(10, 20, 30), false, true), ScanPager.page(scan, KeysetRequest.before(3, 40)));
        assertEquals(slice(List.of(), false, true), ScanPager.page(scan, KeysetRequest.before(3, 10)));
    }

    @Test
    void an_anchor_that_is_no_row_pages_from_where_it_would_be() {
        Numbers scan = new Numbers(TENS);
        assertEquals(slice(List.of(40, 50), true, true), ScanPager.page(scan, KeysetRequest.after(2, 35)));
        assertEquals(slice(List.of(10, 20), false, true), ScanPager.page(scan, KeysetRequest.after(2, 5)));
        assertEquals(slice(List.of(), true, false), ScanPager.page(scan, KeysetRequest.after(2, 105)));
        assertEquals(slice(List.of(20, 30), true, true), ScanPager.page(scan, KeysetRequest.before(2, 35)));
        assertEquals(slice(List.of(), false, true), ScanPager.page(scan, KeysetRequest.before(2, 5)));
    }

    @Test
    void an_empty_list_has_empty_pages_with_nothing_on_either_side() {
        Numbers scan = new Numbers(List.of());
        assertEquals(slice(List.of(), false, false), ScanPager.page(scan, KeysetRequest.first(5)));
        assertEquals(slice(List.of(), false, false), ScanPager.page(scan, KeysetRequest.after(5, 10)));
        assertEquals(slice(List.of(), false, false), ScanPager.page(scan, KeysetRequest.before(5, 10)));
        assertEquals(slice(List.of(), false, false), ScanPager.page(scan, KeysetRequest.after(5, 10), Objects::equals));
    }

    @Test
    void reading_from_an_anchor_that_is_a_row_takes_one_read_and_the_same_page() {
        Numbers scan = new Numbers(TENS);
        assertEquals(slice(List.of(40, 50, 60), true, true),
                ScanPager.page(scan, KeysetRequest.after(3, 30), Objects::equals));
        assertEquals(slice(List.of(50, 60, 70), true, true),
                ScanPager.page(scan, KeysetRequest.before(3, 80), Objects::equals));
        assertEquals(slice(List.of(), true, false),
                ScanPager.page(scan, KeysetRequest.after(3, 100), Objects::equals));
        assertEquals(List.of("FORWARD from 30 limit 5", "BACKWARD from 80 limit 5", "FORWARD from 100 limit 5"),
                scan.reads);
    }

    @Test
    void reading_from_an_anchor_that_is_no_row_probes_behind_it() {
        Numbers scan = new Numbers(TENS);
        assertEquals(slice(List.of(40, 50, 60), true, true),
                ScanPager.page(scan, KeysetRequest.after(3, 35), Objects::equals));
        assertEquals(List.of("FORWARD from 35 limit 5", "BACKWARD from 35 limit 1"), scan.reads);
        assertEquals(slice(List.of(10, 20), false, true),
                ScanPager.page(new Numbers(TENS), KeysetRequest.after(2, 5), Objects::equals));
        assertEquals(slice(List.of(80, 90, 100), true, false),
                ScanPager.page(new Numbers(TENS), KeysetRequest.after(3, 75), Objects::equals));
    }

    @Test
    void both_ways_agree_page_for_page_over_the_whole_list() {
        for (int limit = 1; limit <= 11; limit++) {
            List<Integer> forward = new ArrayList<>();
            KeysetSlice<Integer> page = ScanPager.page(new Numbers(TENS), KeysetRequest.first(limit));
            forward.addAll(page.rows());
            while (page.hasAfter()) {
                page = ScanPager.page(new Numbers(TENS), KeysetRequest.after(limit, page.rows().get(page.rows().size() - 1)),
                        Objects::equals);
                forward.addAll(page.rows());
            }
            assertEquals(TENS, forward, "limit " + limit);
            List<Integer> backward = new ArrayList<>(page.rows());
            while (page.hasBefore()) {
                page = ScanPager.page(new Numbers(TENS), KeysetRequest.before(limit, page.rows().get(0)));
                backward.addAll(0, page.rows());
            }
            assertEquals(TENS, backward, "limit " + limit);
        }
    }
}

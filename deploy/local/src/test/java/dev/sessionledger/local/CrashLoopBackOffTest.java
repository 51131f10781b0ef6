package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The delays of the local back-off, as the README states them. */
class CrashLoopBackOffTest {

    @Test
    void waits_one_second_doubling_to_thirty_and_forgets_after_a_minute_of_running() {
        List<Long> seconds = IntStream.rangeClosed(1, 8).mapToObj(CrashLoopBackOff.LOCAL::delay).map(Duration::toSeconds).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
        assertEquals(Duration.ofSeconds(30), CrashLoopBackOff.LOCAL.delay(1000), "no overflow in a long crash loop");
        assertFalse(CrashLoopBackOff.LOCAL.resets(Duration.ofSeconds(59)));
        assertTrue(CrashLoopBackOff.LOCAL.resets(Duration.ofSeconds(60)));
    }
}

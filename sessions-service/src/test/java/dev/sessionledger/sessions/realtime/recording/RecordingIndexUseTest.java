package dev.sessionledger.sessions.realtime.recording;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * EXPLAIN of the statements a download streams a session's chat and transcript with, as the reader
 * sends them (through JDBC, with its parameters): each reads its session's rows in time order from
 * its index, with no sort step.
 */
@QuarkusTest
@ServiceTest
class RecordingIndexUseTest {

    @Inject
    DataSource dataSource;

    @Test
    void chat_and_transcript_stream_in_index_order() throws Exception {
        QueryPlans.assertServedBy(dataSource, "rtk_chat_message_session_idx", RecordingReader.CHAT);
        QueryPlans.assertServedBy(dataSource, "rtk_transcript_segment_session_idx", RecordingReader.TRANSCRIPT);
    }
}

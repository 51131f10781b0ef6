package dev.sessionledger.threads.participants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.threads.query.CursorCodec;

/** What the tests that call the participant service directly share: its caller and rows written straight in. */
final class ServiceFixtures {

    private ServiceFixtures() {
    }

    /** The service, reading through {@code recorded}; enough of it for an administrator's lists. */
    static ThreadParticipantService service(RecordingDataSource recorded, EntityManager entityManager,
            CursorCodec cursors) {
        ParticipantReads reads = new ParticipantReads();
        reads.sql = new SqlReads(recorded.dataSource());
        ThreadParticipantService service = new ThreadParticipantService();
        service.reads = reads;
        service.entityManager = entityManager;
        service.cursors = cursors;
        service.clock = Clock.systemUTC();
        return service;
    }

    /** An administrator of {@code tenant}. */
    static Caller admin(String tenant) {
        return new Caller() {
            @Override
            public String tenant() {
                return tenant;
            }

            @Override
            public boolean isAdmin() {
                return true;
            }
        };
    }

    static void update(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}

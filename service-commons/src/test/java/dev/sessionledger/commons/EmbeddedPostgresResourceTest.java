package dev.sessionledger.commons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.EmbeddedPostgresResource;

class EmbeddedPostgresResourceTest {

    @Test
    void starts_a_real_postgresql_and_hands_out_its_coordinates() throws Exception {
        EmbeddedPostgresResource resource = new EmbeddedPostgresResource();
        try {
            Map<String, String> config = resource.start();
            try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                    ResultSet rs = c.createStatement().executeQuery("select current_setting('server_version_num')::int")) {
                assertTrue(rs.next());
                assertTrue(rs.getInt(1) >= 170000, "PostgreSQL 17 or newer");
            }
            assertEquals(config, resource.start(), "a second start reuses the running server");
        } finally {
            resource.stop();
        }
    }
}

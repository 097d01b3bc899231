package vn.temso.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness proves a write into the real (embedded Derby) database, and wants free space under Derby. The probe is
 * tested without the health API (its response builder needs the container).
 */
class DatabaseHealthTest {

    private final EmbeddedDataSource derby = new EmbeddedDataSource();
    private DatabaseHealth health;
    private Path dataDir;

    @BeforeEach
    void setUp() throws Exception {
        dataDir = Files.createTempDirectory("temso-health");
        System.setProperty("temso.data.dir", dataDir.toString()); // the free space is measured here
        derby.setDatabaseName("memory:health-" + System.nanoTime());
        derby.setCreateDatabase("create");
        try (Connection c = derby.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE storage_probe (id VARCHAR(40) PRIMARY KEY, probed_at TIMESTAMP NOT NULL)");
        }
        health = new DatabaseHealth();
        health.dataSource = derby;
        health.clock = Clock.systemUTC();
        health.minFreeMb = 1;
        health.exitAfterSeconds = 0;
    }

    @AfterEach
    void tearDown() throws Exception {
        System.clearProperty("temso.data.dir");
        Files.deleteIfExists(dataDir);
    }

    @Test
    void shouldBeUpAfterWritingItsOwnRow() throws Exception {
        DatabaseHealth.Probe p = health.current();
        assertTrue(p.up(), p.toString());
        assertTrue(p.freeMb() >= 1, p.toString());
        assertSame(p, health.current(), "the same probe for a second");
        try (Connection c = derby.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM storage_probe")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "one row per instance, updated by later probes");
        }
    }

    @Test
    void shouldBeDownWhenTheDatabaseRefusesTheWrite() throws Exception {
        try (Connection c = derby.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE storage_probe");
        }
        DatabaseHealth.Probe p = health.current();
        assertFalse(p.up());
        assertTrue(p.error().contains("42X05"), p.error()); // not a storage fault: DOWN, but Derby is not booted again
        assertFalse(p.storageFault());
    }

    @Test
    void shouldBeDownWhileTheDataDirectoryHasTooLittleSpace() {
        health.minFreeMb = Long.MAX_VALUE >> 21;
        DatabaseHealth.Probe p = health.current();
        assertFalse(p.up());
        assertTrue(p.error().startsWith("disk space:"), p.error());
        assertFalse(health.writable());
    }
}

package vn.temso.trace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import vn.temso.platform.time.FarmTime;

/**
 * A stamp's history rebuilt from its scan rows (after an eviction or a restart), on real Derby with the whole
 * changelog (010 adds the network column and its index): the networks in order of first scan, capped, rows written
 * before 010 (no network) counted as scans only.
 */
class ScanNetworksTest {

    private static final String GTIN = "08931234500016";
    private static final String STAMP = GTIN + ".SER1";

    @Test
    void shouldRebuildTheNetworksOfAStampInOrderOfFirstScan() throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:derby:memory:networks-" + System.nanoTime() + ";create=true");
                Statement s = c.createStatement()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
            new Liquibase(
                            "db/changelog/db.changelog-master.xml",
                            new ClassLoaderResourceAccessor(getClass().getClassLoader()),
                            database)
                    .update("");
            c.setAutoCommit(true);
            s.execute(
                    "INSERT INTO cooperative (id, name, kind, created_at) VALUES ('c1', 'HTX Tân Trụ', 'COOPERATIVE', CURRENT_TIMESTAMP)");
            s.execute(
                    "INSERT INTO product (id, cooperative_id, gtin, name, created_at, updated_at) VALUES ('p1', 'c1', '"
                            + GTIN + "', 'Gạo ST25', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO batch (id, cooperative_id, product_id, lot_code, status, created_at)"
                    + " VALUES ('b1', 'c1', 'p1', 'LOT1', 'OPEN', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO stamp (id, gtin, serial, batch_id, seq, kid, url, status, issued_at) VALUES ('"
                    + STAMP + "', '" + GTIN + "', 'SER1', 'b1', 1, 'k1', 'u', 'ACTIVE', CURRENT_TIMESTAMP)");
            Instant t0 = Instant.parse("2026-11-01T03:00:00Z");
            // network n0 scanned first and again last; an old row without a network; n1..n7 a day apart
            String[] nets = {"n0", null, "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n0"};
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO scan (id, stamp_id, scanned_at, client_hash, network_hash) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < nets.length; i++) {
                    ps.setString(1, "s" + i);
                    ps.setString(2, STAMP);
                    ps.setTimestamp(3, Timestamp.from(t0.plus(Duration.ofDays(i))));
                    ps.setString(4, "h");
                    ps.setString(5, nets[i]);
                    ps.executeUpdate();
                }
            }
            List<CloneRules.SeenNetwork> five = ScanWriter.networks(c, STAMP, 5);
            assertEquals(
                    List.of("n0", "n1", "n2", "n3", "n4"),
                    five.stream().map(CloneRules.SeenNetwork::networkHash).toList());
            assertEquals(t0, five.get(0).firstAt());
            assertEquals(t0.plus(Duration.ofDays(2)), five.get(1).firstAt());

            CloneRules rules = new CloneRules(6, 2, Duration.ofDays(60), 3, FarmTime.ZONE);
            CloneRules.History h = rules.new History(10, t0, ScanWriter.networks(c, STAMP, rules.networkCap()));
            assertEquals(8, h.places());
            assertEquals("MANY_NETWORKS", h.suspicion, "8 networks over 9 days, as it was before the eviction");
            assertTrue(ScanWriter.networks(c, "no-such-stamp", 10).isEmpty());
        }
    }
}

package vn.temso.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import vn.temso.zone.entity.ZoneGeometry;

/** Changelog 011 gives zones stored before it their display outline and SVG (real Derby, real Liquibase). */
class ZoneDisplayOutlineMigrationTest {

    @Test
    void shouldFillTheDisplayOutlineOfZonesStoredBefore() throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:derby:memory:zone-outline-" + System.nanoTime() + ";create=true");
                Statement s = c.createStatement()) {
            migrate(c, "db/changelog-before-011.xml");
            s.execute(
                    "INSERT INTO cooperative (id, name, kind, created_at) VALUES ('c1', 'HTX Tân Trụ', 'COOPERATIVE', CURRENT_TIMESTAMP)");
            // 20,000 positions: accepted by the old rules, over today's cap; it must still be drawn
            String big = "{\"type\":\"Polygon\",\"coordinates\":[" + circle(20_000) + "]}";
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO material_zone (id, cooperative_id, code, name, status,"
                            + " created_at, version, geometry) VALUES (?, 'c1', ?, 'Vùng', 'ACTIVE', CURRENT_TIMESTAMP, 3, ?)")) {
                p.setString(1, "z-big");
                p.setString(2, "VN-BIG");
                p.setString(3, big);
                p.execute();
                p.setString(1, "z-none");
                p.setString(2, "VN-NONE");
                p.setString(3, null);
                p.execute();
            }

            migrate(c, SchemaMigrator.CHANGELOG);

            try (ResultSet r = s.executeQuery(
                    "SELECT display_geometry, outline_svg, version FROM material_zone WHERE id = 'z-big'")) {
                assertTrue(r.next());
                ZoneGeometry display = ZoneGeometry.parse(r.getString(1));
                assertTrue(display.vertexCount() <= ZoneGeometry.MAX_DISPLAY_VERTICES, "" + display.vertexCount());
                assertNotNull(r.getString(2));
                assertTrue(r.getString(2).startsWith("M") && r.getString(2).endsWith("Z"));
                assertEquals(3, r.getInt(3), "a migration is no edit: the version stays");
            }
            try (ResultSet r =
                    s.executeQuery("SELECT display_geometry, outline_svg FROM material_zone WHERE id = 'z-none'")) {
                assertTrue(r.next());
                assertNull(r.getString(1));
                assertNull(r.getString(2));
            }
        }
    }

    private static String circle(int n) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (i % n) / n;
            s.append(i == 0 ? "" : ",")
                    .append('[')
                    .append(106.5 + 0.0046 * Math.cos(a))
                    .append(',')
                    .append(10.5 + 0.0045 * Math.sin(a))
                    .append(']');
        }
        return s.append(']').toString();
    }

    private static void migrate(Connection c, String changelog) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
        new Liquibase(
                        changelog,
                        new ClassLoaderResourceAccessor(ZoneDisplayOutlineMigrationTest.class.getClassLoader()),
                        database)
                .update("");
        c.setAutoCommit(true);
    }
}

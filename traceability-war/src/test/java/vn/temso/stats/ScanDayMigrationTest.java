package vn.temso.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * Changelog 026 gives scans written before it their Vietnamese day: scanned_at (UTC by convention) plus seven hours,
 * the same day {@code FarmTime.dateOf} gives the rows written since.
 */
class ScanDayMigrationTest {

    @Test
    void shouldFillTheVietnameseDayOfOlderScans() throws Exception {
        try (Connection c =
                        DriverManager.getConnection("jdbc:derby:memory:scanday-" + System.nanoTime() + ";create=true");
                Statement s = c.createStatement()) {
            migrate(c, "db/changelog-before-026.xml");
            String[][] scans = {
                {"a", "2026-12-01 16:59:59"}, // 23:59:59 in Vietnam
                {"b", "2026-12-01 17:00:00"}, // midnight in Vietnam: the next day
                {"c", "2026-12-31 23:30:00"}, // 06:30 on New Year's Day
                {"d", "2024-02-28 18:00:00"} // a leap day
            };
            for (String[] scan : scans) {
                s.execute("INSERT INTO scan (id, stamp_id, scanned_at, client_hash) VALUES ('" + scan[0] + "', 'x', "
                        + "TIMESTAMP('" + scan[1] + "'), 'h')");
            }
            migrate(c, "db/changelog/db.changelog-master.xml");
            List<String> days = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id, scan_day FROM scan ORDER BY id")) {
                while (r.next()) {
                    days.add(r.getString(1) + " " + r.getString(2));
                }
            }
            assertEquals(List.of("a 2026-12-01", "b 2026-12-02", "c 2027-01-01", "d 2024-02-29"), days);
        }
    }

    private static void migrate(Connection c, String changelog) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
        new Liquibase(changelog, new ClassLoaderResourceAccessor(ScanDayMigrationTest.class.getClassLoader()), database)
                .update("");
        c.setAutoCommit(true);
    }
}

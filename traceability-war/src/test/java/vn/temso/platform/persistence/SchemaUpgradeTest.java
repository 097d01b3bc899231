package vn.temso.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/** Upgrades a database holding stamps, scans and a buyer report from the schema before changelog 008 (real Derby). */
class SchemaUpgradeTest {

    private static final String GTIN = "08931234500016";

    @Test
    void shouldGiveStampsTheirGs1IdsAndKeepWhatPointsAtThem() throws Exception {
        try (Connection c =
                        DriverManager.getConnection("jdbc:derby:memory:upgrade-" + System.nanoTime() + ";create=true");
                Statement s = c.createStatement()) {
            migrate(c, "db/changelog-before-008.xml");
            s.execute(
                    "INSERT INTO cooperative (id, name, kind, created_at) VALUES ('c1', 'HTX Tân Trụ', 'COOPERATIVE', CURRENT_TIMESTAMP)");
            s.execute(
                    "INSERT INTO product (id, cooperative_id, gtin, name, created_at, updated_at) VALUES ('p1', 'c1', '"
                            + GTIN + "', 'Gạo ST25', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO batch (id, cooperative_id, product_id, lot_code, status, created_at)"
                    + " VALUES ('b1', 'c1', 'p1', 'LOT1', 'OPEN', CURRENT_TIMESTAMP)");
            for (int i = 1; i <= 3; i++) {
                s.execute("INSERT INTO stamp (id, gtin, serial, batch_id, seq, kid, url, status, issued_at, suspicious)"
                        + " VALUES ('00000000-0000-4000-8000-00000000000" + i + "', '" + GTIN + "', 'SER" + i
                        + "', 'b1', " + i + ", 'k1', 'https://t.example/01/" + GTIN + "/10/LOT1/21/SER" + i
                        + "?8030=x', 'ACTIVE', CURRENT_TIMESTAMP, " + (i == 2) + ")");
            }
            s.execute("INSERT INTO scan (id, stamp_id, scanned_at, client_hash)"
                    + " VALUES ('s1', '00000000-0000-4000-8000-000000000002', CURRENT_TIMESTAMP, 'h')");
            s.execute("INSERT INTO buyer_report (id, stamp_id, cooperative_id, kind, client_hash, created_at)"
                    + " VALUES ('r1', '00000000-0000-4000-8000-000000000003', 'c1', 'FAKE', 'h', CURRENT_TIMESTAMP)");

            migrate(c, SchemaMigrator.CHANGELOG);

            assertEquals(
                    List.of(GTIN + ".SER1|1|false", GTIN + ".SER2|2|true", GTIN + ".SER3|3|false"),
                    rows(s, "SELECT id, seq, suspicious FROM stamp ORDER BY seq"));
            assertEquals(
                    List.of("b1|3"),
                    rows(s, "SELECT batch_id, last_seq FROM stamp_seq"),
                    "009: numbering goes on at 4");
            assertEquals(List.of(GTIN + ".SER2"), rows(s, "SELECT stamp_id FROM scan"));
            assertEquals(List.of(GTIN + ".SER3"), rows(s, "SELECT stamp_id FROM buyer_report"));
            assertEquals(
                    List.of("32768"),
                    rows(s, "SELECT DISTINCT pagesize FROM TABLE (SYSCS_DIAG.SPACE_TABLE('APP', 'STAMP')) t"));
            assertEquals(
                    List.of("4096"),
                    rows(s, "SELECT DISTINCT pagesize FROM TABLE (SYSCS_DIAG.SPACE_TABLE('APP', 'SCAN')) t"),
                    "the 32 KB page size was asked for the stamp table only");
            // the primary key keeps serials unique per GTIN; the check keeps ids in their GS1 form
            SQLException duplicate =
                    assertThrows(SQLException.class, () -> s.execute(stampInsert(GTIN + ".SER1", "SER1")));
            assertEquals("23505", duplicate.getSQLState());
            SQLException offForm =
                    assertThrows(SQLException.class, () -> s.execute(stampInsert(GTIN + ".SER9", "SER8")));
            assertEquals("23513", offForm.getSQLState());
            // reports still point at existing stamps only
            assertThrows(
                    SQLException.class,
                    () -> s.execute("INSERT INTO buyer_report (id, stamp_id, cooperative_id, kind,"
                            + " client_hash, created_at) VALUES ('r2', 'nope', 'c1', 'FAKE', 'h', CURRENT_TIMESTAMP)"));
        }
    }

    private static String stampInsert(String id, String serial) {
        return "INSERT INTO stamp (id, gtin, serial, batch_id, seq, kid, url, status, issued_at) VALUES ('" + id
                + "', '" + GTIN + "', '" + serial + "', 'b1', 9, 'k1', 'u', 'ACTIVE', CURRENT_TIMESTAMP)";
    }

    private static void migrate(Connection c, String changelog) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
        new Liquibase(changelog, new ClassLoaderResourceAccessor(SchemaUpgradeTest.class.getClassLoader()), database)
                .update("");
        c.setAutoCommit(true); // Liquibase leaves auto-commit off
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}

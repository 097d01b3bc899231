package vn.temso.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Which failures are storage faults (503, jobs pause) and which are not (their own handling, or 500): real exception
 * chains from embedded Derby and the PostgreSQL driver, inside the wrappers the container adds on the way up.
 */
class StorageFaultsTest {

    @Test
    void shouldTellAConnectionToAStoppedDerbyDatabase() throws Exception {
        String url = "jdbc:derby:memory:faults-" + System.nanoTime();
        Connection c = DriverManager.getConnection(url + ";create=true");
        SQLException shutdown =
                assertThrows(SQLException.class, () -> DriverManager.getConnection(url + ";shutdown=true"));
        assertEquals("08006", shutdown.getSQLState());
        SQLException gone =
                assertThrows(SQLException.class, () -> c.createStatement().executeQuery("VALUES 1"));
        assertEquals("08003", gone.getSQLState());
        assertTrue(StorageFaults.isStorageFault(gone));
        // as JPA and a CDI transaction hand it up
        assertTrue(StorageFaults.isStorageFault(new TransactionalException(
                "commit failed", new PersistenceException("Exception [EclipseLink-4002]", gone))));
        assertTrue(StorageFaults.isStorageFault(new EJBException(new IllegalStateException("reading failed", gone))));
    }

    @Test
    void shouldTellAnUnreachablePostgreSql() {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL("jdbc:postgresql://127.0.0.1:1/temso"); // nothing listens on port 1
        pg.setConnectTimeout(2);
        SQLException refused = assertThrows(SQLException.class, pg::getConnection);
        assertEquals("08001", refused.getSQLState());
        assertTrue(StorageFaults.isStorageFault(new IllegalStateException("Counting a sign-in failed", refused)));
    }

    @Test
    void shouldTellAFullDiskAsDerbyReportsIt() {
        // the chain of a 2,500-stamp chunk on a full tmpfs (scripts/storage-fault-check.sh), built from its parts:
        // Derby's SQLException XSDG1 with the IOException as cause and XJ001 as next exception
        SQLException page = new SQLException(
                "Page Page(361,Container(0, 2880)) could not be written to disk",
                "XSDG1",
                40000,
                new IOException("No space left on device"));
        page.setNextException(
                new SQLException("Java exception: 'No space left on device: java.io.IOException'.", "XJ001"));
        BatchUpdateException batch = new BatchUpdateException(page.getMessage(), "XSDG1", 40000, new int[0], page);
        assertTrue(StorageFaults.isStorageFault(new IllegalStateException("Writing 2500 stamps failed", batch)));
        // the log cannot grow, the database is read-only after a boot on a full disk, PostgreSQL's disk is full
        assertTrue(StorageFaults.isStorageFault(new SQLException("log write failed", "XSLA4")));
        assertTrue(StorageFaults.isStorageFault(new SQLException("read-only", "25502")));
        assertTrue(StorageFaults.isStorageFault(new SQLException("could not extend file", "53100")));
        RollbackException rollback = new RollbackException("transaction rolled back");
        rollback.initCause(page);
        assertTrue(StorageFaults.isStorageFault(rollback));
    }

    @Test
    void shouldNotTakeRequestOrCodeFailuresForStorageFaults() throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:derby:memory:faults-ok-" + System.nanoTime() + ";create=true");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1)");
            SQLException duplicate = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t VALUES (1)"));
            assertEquals("23505", duplicate.getSQLState());
            assertFalse(StorageFaults.isStorageFault(new PersistenceException(duplicate)));
            SQLException syntax = assertThrows(SQLException.class, () -> s.execute("SELEC nothing"));
            assertFalse(StorageFaults.isStorageFault(syntax));
        }
        assertFalse(StorageFaults.isStorageFault(new IllegalArgumentException("a bug")));
        assertFalse(StorageFaults.isStorageFault(null));
    }
}

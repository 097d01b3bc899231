package vn.temso.platform.persistence;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.platform.config.Settings;

/**
 * Shuts embedded Derby down cleanly when the application stops: without it Derby's identity and sequence
 * caches are lost and the next start recovers the log.
 */
@WebListener
public class DerbyLifecycle implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(DerbyLifecycle.class.getName());

    /** The data directory (created if missing): the Derby database and derby.log live here. */
    public static Path dataDirectory() {
        Path dir =
                Path.of(Settings.get("temso.data.dir", "data")).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir, e);
        }
        return dir;
    }

    /** The embedded database's name (its directory): {@code temso.db.url} without {@code jdbc:derby:}, else data/db. */
    static String databaseName() {
        return Settings.get("temso.db.url")
                .filter(u -> u.startsWith("jdbc:derby:"))
                .map(u -> u.substring("jdbc:derby:".length()))
                .orElseGet(() -> dataDirectory().resolve("db").toString());
    }

    /**
     * Stops the embedded database (not Derby itself) so that the next connection boots it again. After Derby stopped
     * the database on a write it could not make (disk full), the next connection booted it again while the disk was
     * still full, and such a boot leaves it read-only (SQLState 25502) even once space is back: only a new boot makes
     * it writable. The pool's connections to the stopped database fail their validation and are replaced.
     *
     * @return whether Derby confirmed the shutdown (SQLState 08006)
     */
    static boolean restartDatabase() {
        org.apache.derby.jdbc.EmbeddedDataSource shutdown = new org.apache.derby.jdbc.EmbeddedDataSource();
        shutdown.setDatabaseName(databaseName());
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection().close();
            LOG.warning("Derby database shutdown was not confirmed");
            return false;
        } catch (SQLException e) {
            if ("08006".equals(e.getSQLState())) {
                LOG.warning(
                        "Embedded Derby database stopped to be booted again (it was left read-only by a full disk)");
                return true;
            }
            LOG.log(Level.WARNING, "Stopping the Derby database failed: " + e.getSQLState() + " " + e.getMessage());
            return false;
        }
    }

    static boolean usesDerby() {
        return Settings.get("temso.db.url")
                .map(u -> u.startsWith("jdbc:derby:"))
                .orElse(true);
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        if (!usesDerby()) {
            return;
        }
        try {
            // DriverManager only hands out drivers visible to this class loader: make sure Derby's is loaded
            Class.forName("org.apache.derby.iapi.jdbc.AutoloadedDriver");
            DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
        } catch (ClassNotFoundException e) {
            LOG.warning("Derby driver not found at shutdown");
        } catch (SQLException e) {
            if ("XJ015".equals(e.getSQLState())) {
                LOG.info("Derby shut down cleanly");
            } else {
                LOG.log(Level.WARNING, "Derby shutdown: " + e.getSQLState() + " " + e.getMessage());
            }
        }
    }
}

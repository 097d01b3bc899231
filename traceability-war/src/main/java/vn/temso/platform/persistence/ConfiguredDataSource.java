package vn.temso.platform.persistence;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import vn.temso.platform.config.Settings;

/**
 * The application's JDBC source, chosen at deploy time from configuration rather than at build time, so one
 * WAR serves every environment: with {@code TEMSO_DB_URL} unset it is embedded Derby under
 * {@code TEMSO_DATA_DIR}; with a {@code jdbc:postgresql:} URL it is PostgreSQL. Payara's pool wraps it
 * (see {@link DataSourceConfig}).
 */
public class ConfiguredDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

    private volatile DataSource delegate;
    private int loginTimeout;

    private DataSource delegate() {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create();
                }
                d = delegate;
            }
        }
        return d;
    }

    private static DataSource create() {
        String url = Settings.get("temso.db.url").orElse(null);
        if (url == null || url.startsWith("jdbc:derby:")) {
            return derby();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            Settings.get("temso.db.user").ifPresent(pg::setUser);
            Settings.get("temso.db.password").ifPresent(pg::setPassword);
            LOG.info(() -> "Database: PostgreSQL at " + pg.getServerNames()[0] + "/" + pg.getDatabaseName());
            return pg;
        }
        throw new IllegalStateException("TEMSO_DB_URL must start with jdbc:postgresql: or jdbc:derby: (was "
                + url.replaceAll("password=[^&;]*", "password=***") + ")");
    }

    private static DataSource derby() {
        Path dir = DerbyLifecycle.dataDirectory();
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty(
                    "derby.stream.error.file", dir.resolve("derby.log").toString());
        }
        // Derby's default cache of 1,000 pages holds 4 MB of 4 KB pages: the stamp table's indexes alone outgrow it
        // within one 100,000-stamp job and every insert then reads and writes pages on disk. 4,000 pages are 16 to
        // 128 MB (the stamp table uses 32 KB pages) of the 1 GB heap. A -Dderby.storage.pageCacheSize wins.
        if (System.getProperty("derby.storage.pageCacheSize") == null) {
            System.setProperty("derby.storage.pageCacheSize", "4000");
        }
        // the log is written (synchronously) each time its buffer fills: with 1 MB instead of 32 KB a 2,500-stamp
        // chunk's log (about 1.5 MB) goes out in a few large writes instead of about fifty small ones
        if (System.getProperty("derby.storage.logBufferSize") == null) {
            System.setProperty("derby.storage.logBufferSize", "1048576");
        }
        EmbeddedDataSource derby = new EmbeddedDataSource();
        String name = DerbyLifecycle.databaseName();
        derby.setDatabaseName(name);
        derby.setCreateDatabase("create");
        LOG.info(() -> "Database: embedded Derby at " + name);
        return derby;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        // the pool may pass the (empty) credentials of the definition: the configured ones win
        return delegate().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}

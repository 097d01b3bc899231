package vn.temso.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema up to date before anything else touches the database. Liquibase's database-neutral
 * changelog gives the same schema on Derby and PostgreSQL; its lock table keeps two clustered instances from
 * migrating at once. Migrations are checked once: the SHA-256 of the changelog files is stored after a migration,
 * and a start whose changelog has the same fingerprint skips Liquibase (a second or more of every start).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {

    static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
    private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"([^\"]+)\"");
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String fingerprint = fingerprint(SchemaMigrator.class.getClassLoader());
        try (Connection connection = dataSource.getConnection()) {
            if (fingerprint.equals(storedFingerprint(connection))) {
                LOG.info("Database schema is up to date (changelog unchanged since its last migration)");
                return;
            }
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                // Liquibase would shut embedded Derby down when it closes; the application still needs it
                derby.setShutdownEmbeddedDerby(false);
            }
            try (Liquibase liquibase = new Liquibase(CHANGELOG,
                    new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()), database)) {
                liquibase.update("");
            }
            // closing Liquibase closed its connection: store the fingerprint on a new one
            try (Connection after = dataSource.getConnection()) {
                storeFingerprint(after, fingerprint);
            }
            LOG.info("Database schema is up to date");
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
    }

    /** SHA-256 over the master changelog and every file it includes, in order. */
    static String fingerprint(ClassLoader loader) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] master = read(loader, CHANGELOG);
            sha.update(master);
            Matcher m = INCLUDE.matcher(new String(master, StandardCharsets.UTF_8));
            while (m.find()) {
                sha.update(m.group(1).getBytes(StandardCharsets.UTF_8));
                sha.update(read(loader, m.group(1)));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Changelog " + resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stored fingerprint, or null before the first migration. The table's existence is asked of the metadata: a
     * failed SELECT would abort the transaction the connection may be in on PostgreSQL (the start-up bean's), and
     * Liquibase's first statement on it then failed with "current transaction is aborted".
     */
    private static String storedFingerprint(Connection c) {
        try {
            DatabaseMetaData meta = c.getMetaData();
            boolean exists = false;
            for (String name : new String[] {"schema_fingerprint", "SCHEMA_FINGERPRINT"}) {
                try (ResultSet tables = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                    exists |= tables.next();
                }
            }
            if (!exists) {
                return null;
            }
        } catch (SQLException e) {
            return null;
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT fingerprint FROM schema_fingerprint WHERE id = 1")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static void storeFingerprint(Connection c, String fingerprint) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (PreparedStatement up = c.prepareStatement("UPDATE schema_fingerprint SET fingerprint = ? WHERE id = 1")) {
            up.setString(1, fingerprint);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement(
                        "INSERT INTO schema_fingerprint (id, fingerprint) VALUES (1, ?)")) {
                    in.setString(1, fingerprint);
                    in.executeUpdate();
                } catch (SQLException raced) {
                    // another instance stored it at the same moment: same changelog, same fingerprint, or the
                    // next start simply checks the changelog once more
                }
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }
}

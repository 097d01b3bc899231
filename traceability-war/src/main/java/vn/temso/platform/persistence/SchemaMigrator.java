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
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                // Liquibase would shut embedded Derby down when it closes; the application still needs it
                derby.setShutdownEmbeddedDerby(false);
            }
            try (Liquibase liquibase = new Liquibase(
                    CHANGELOG, new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()), database)) {
                liquibase.update("");
            }
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
        // a connection of its own: closing Liquibase closed the one it migrated with
        try (Connection connection = dataSource.getConnection()) {
            storeFingerprint(connection, fingerprint);
            LOG.info("Database schema is up to date");
        } catch (SQLException e) {
            // the schema is migrated; the next start merely checks the changelog again
            LOG.warning("Could not store the changelog's fingerprint: " + e);
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

    /** The stored fingerprint, or null before the first migration (no table yet). */
    private static String storedFingerprint(Connection c) throws SQLException {
        // looked up first: on PostgreSQL a failed read would abort the transaction Liquibase then works in
        boolean exists = false;
        for (String name : new String[] {"schema_fingerprint", "SCHEMA_FINGERPRINT"}) {
            try (ResultSet t = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                exists |= t.next();
            }
        }
        if (!exists) {
            return null;
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT fingerprint FROM schema_fingerprint WHERE id = 1")) {
            return rs.next() ? rs.getString(1) : null;
        } finally {
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static void storeFingerprint(Connection c, String fingerprint) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (PreparedStatement up = c.prepareStatement("UPDATE schema_fingerprint SET fingerprint = ? WHERE id = 1")) {
            up.setString(1, fingerprint);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement in =
                        c.prepareStatement("INSERT INTO schema_fingerprint (id, fingerprint) VALUES (1, ?)")) {
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

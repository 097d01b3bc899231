package vn.temso.platform.files;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** A file store on a fresh in-memory Derby database with the real schema (all changelogs), for tests. */
public final class DerbyFiles {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private DerbyFiles() {}

    public static EmbeddedDataSource database() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:files-" + DATABASES.incrementAndGet() + "-" + System.nanoTime());
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
            new Liquibase(
                            "db/changelog/db.changelog-master.xml",
                            new ClassLoaderResourceAccessor(DerbyFiles.class.getClassLoader()),
                            database)
                    .update("");
        }
        return ds;
    }

    /** A file store on a database that already has the schema (bench/province-feed.sh). */
    public static DatabaseFileStore store(javax.sql.DataSource dataSource) {
        return new DatabaseFileStore(new FileRows(dataSource), DatabaseFileStore.CHUNK);
    }

    public static DatabaseFileStore store() throws Exception {
        return new DatabaseFileStore(new FileRows(database()), DatabaseFileStore.CHUNK);
    }
}

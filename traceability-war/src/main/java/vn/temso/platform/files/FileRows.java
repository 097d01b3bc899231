package vn.temso.platform.files;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.temso.platform.persistence.DataSourceConfig;

/**
 * Plain JDBC on the file tables (changelog 013). Each method runs on its own connection outside any container
 * transaction (an upload spans many of them: a transaction per chunk keeps the database's log small, and the
 * file only appears in the final one). JDBC rather than JPA: a chunk is bytes in, bytes out, and nothing should
 * sit in a persistence context.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class FileRows {

    private static final String DUPLICATE_KEY = "23505";
    private static final String COLUMNS = "file_key, blob_id, content_type, size_bytes, sha256, created_at";

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    public FileRows() {}

    FileRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Lists a new version as an orphan until its file is committed, so an interrupted upload is swept. */
    public void begin(String blobId, Instant now) {
        update("INSERT INTO stored_file_orphan (blob_id, orphaned_at) VALUES (?, ?)", blobId, Timestamp.from(now));
    }

    /** Keeps an upload that is still being written from being swept. */
    public void touch(String blobId, Instant now) {
        update("UPDATE stored_file_orphan SET orphaned_at = ? WHERE blob_id = ?", Timestamp.from(now), blobId);
    }

    public void chunk(String blobId, int seq, byte[] data) {
        update("INSERT INTO stored_file_chunk (blob_id, seq, chunk) VALUES (?, ?, ?)", blobId, seq, data);
    }

    /** The bytes of one chunk, or null when there is no such chunk (swept after its file was replaced). */
    public byte[] read(String blobId, int seq) {
        try (Connection c = connection();
                PreparedStatement s =
                        c.prepareStatement("SELECT chunk FROM stored_file_chunk WHERE blob_id = ? AND seq = ?")) {
            s.setString(1, blobId);
            s.setInt(2, seq);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new FileStoreException("Reading a stored file failed", e);
        }
    }

    /**
     * Makes {@code f} the current version of its key in one transaction: the previous version (if any) becomes an
     * orphan, the new one stops being one.
     */
    public void commit(StoredFile f, Instant now) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                String previous = lockCurrent(c, f.key());
                if (previous == null) {
                    try (PreparedStatement s =
                            c.prepareStatement("INSERT INTO stored_file (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                        s.setString(1, f.key());
                        s.setString(2, f.version());
                        s.setString(3, f.contentType());
                        s.setLong(4, f.size());
                        s.setString(5, f.sha256());
                        s.setTimestamp(6, Timestamp.from(f.created()));
                        s.executeUpdate();
                    }
                } else {
                    try (PreparedStatement s =
                            c.prepareStatement("UPDATE stored_file SET blob_id = ?, content_type = ?,"
                                    + " size_bytes = ?, sha256 = ?, created_at = ? WHERE file_key = ?")) {
                        s.setString(1, f.version());
                        s.setString(2, f.contentType());
                        s.setLong(3, f.size());
                        s.setString(4, f.sha256());
                        s.setTimestamp(5, Timestamp.from(f.created()));
                        s.setString(6, f.key());
                        s.executeUpdate();
                    }
                    orphan(c, previous, now);
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM stored_file_orphan WHERE blob_id = ?")) {
                    s.setString(1, f.version());
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    commit(f, now); // another instance stored the same key first: replace it
                    return;
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new FileStoreException("Storing " + f.key() + " failed", e);
        }
    }

    /** The current version of a key, its row locked until the transaction ends (two writers replace in turn). */
    private static String lockCurrent(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE stored_file SET blob_id = blob_id WHERE file_key = ?")) {
            s.setString(1, key);
            if (s.executeUpdate() == 0) {
                return null;
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT blob_id FROM stored_file WHERE file_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static void orphan(Connection c, String blobId, Instant now) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO stored_file_orphan (blob_id, orphaned_at) VALUES (?, ?)")) {
            s.setString(1, blobId);
            s.setTimestamp(2, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    public Optional<StoredFile> find(String key) {
        List<StoredFile> found = query("SELECT " + COLUMNS + " FROM stored_file WHERE file_key = ?", 1, key);
        return found.stream().findFirst();
    }

    public boolean delete(String key, Instant now) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                String current = lockCurrent(c, key);
                if (current != null) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM stored_file WHERE file_key = ?")) {
                        s.setString(1, key);
                        s.executeUpdate();
                    }
                    orphan(c, current, now);
                }
                c.commit();
                return current != null;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new FileStoreException("Deleting " + key + " failed", e);
        }
    }

    public List<StoredFile> list(String prefix, String afterKey, int limit) {
        return query(
                "SELECT " + COLUMNS + " FROM stored_file WHERE file_key LIKE ? ESCAPE '!' AND file_key > ?"
                        + " ORDER BY file_key",
                limit,
                like(prefix),
                afterKey == null ? "" : afterKey);
    }

    public List<StoredFile> createdBefore(String prefix, Instant cutoff, int limit) {
        return query(
                "SELECT " + COLUMNS + " FROM stored_file WHERE file_key LIKE ? ESCAPE '!' AND created_at < ?"
                        + " ORDER BY created_at",
                limit,
                like(prefix),
                Timestamp.from(cutoff));
    }

    /**
     * Deletes the chunks of up to {@code limit} versions orphaned before {@code cutoff}: uploads that died and files
     * replaced or deleted long enough ago that no download can still be reading them.
     *
     * @return how many versions were deleted
     */
    public int sweep(Instant cutoff, int limit) {
        List<String> ids = new ArrayList<>();
        try (Connection c = connection()) {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT blob_id FROM stored_file_orphan WHERE orphaned_at < ?")) {
                s.setMaxRows(limit);
                s.setTimestamp(1, Timestamp.from(cutoff));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            for (String id : ids) {
                discard(c, id);
            }
        } catch (SQLException e) {
            throw new FileStoreException("Deleting old file versions failed", e);
        }
        return ids.size();
    }

    /** Deletes an upload that will not be committed at once (best effort: the sweep retries). */
    public void discard(String blobId) {
        try (Connection c = connection()) {
            discard(c, blobId);
        } catch (SQLException e) {
            throw new FileStoreException("Discarding an upload failed", e);
        }
    }

    private static void discard(Connection c, String blobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM stored_file_chunk WHERE blob_id = ?")) {
            s.setString(1, blobId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM stored_file_orphan WHERE blob_id = ?")) {
            s.setString(1, blobId);
            s.executeUpdate();
        }
    }

    private static String like(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private List<StoredFile> query(String sql, int limit, Object... params) {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(limit);
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<StoredFile> files = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    files.add(new StoredFile(
                            r.getString(1),
                            r.getString(3),
                            r.getLong(4),
                            r.getString(5).trim(),
                            r.getTimestamp(6).toInstant(),
                            r.getString(2).trim()));
                }
            }
            return files;
        } catch (SQLException e) {
            throw new FileStoreException("Reading stored files failed", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof byte[] bytes) {
                    s.setBytes(i + 1, bytes);
                } else {
                    s.setObject(i + 1, params[i]);
                }
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new FileStoreException("Writing a stored file failed", e);
        }
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }
}

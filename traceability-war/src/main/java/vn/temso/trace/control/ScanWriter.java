package vn.temso.trace.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.temso.platform.persistence.RowIds;
import vn.temso.platform.time.FarmTime;
import vn.temso.stamping.entity.Stamp;

/** Writes scan rows in batches, and the suspicion flags of stamps; reads a stamp's networks back for the clone rules. */
@ApplicationScoped
public class ScanWriter {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource(lookup = "java:app/jdbc/temso")
    DataSource dataSource;

    /** Marks a stamp suspicious (first reason wins) for the staff's list; a no-op when it already is. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void flag(String stampId, String why) {
        Stamp s = em.find(Stamp.class, stampId);
        if (s != null) {
            s.flag(why, clock.instant());
        }
    }

    /**
     * The scan rows, in one transaction, as one JDBC batch: thousands of rows a second with no use for entity
     * objects (they are only ever counted). Scan counts are read from these rows, never kept in the stamp's row:
     * every scan reads that row, and Derby makes a read wait for a writer's row locks.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(List<ScanLedger.Pending> scans) {
        try (Connection c = dataSource.getConnection(); // enlisted in this transaction
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO scan (id, stamp_id, scanned_at, client_hash, network_hash, scan_day)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ScanLedger.Pending p : scans) {
                ps.setString(1, RowIds.timeOrdered());
                ps.setString(2, p.stampId());
                ps.setTimestamp(3, Timestamp.from(p.at()));
                ps.setString(4, p.clientHash());
                ps.setString(5, p.networkHash());
                // the Vietnamese day the statistics count it on (changelog 026)
                ps.setDate(6, java.sql.Date.valueOf(FarmTime.dateOf(p.at())));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing " + scans.size() + " scans failed: " + e.getMessage(), e);
        }
    }

    /**
     * The networks a stamp was scanned from, in order of their first scan, at most {@code max}: read once when an
     * instance first sees the stamp (or after its history was evicted), from the (stamp, network, time) index.
     */
    public List<CloneRules.SeenNetwork> networks(String stampId, int max) {
        try (Connection c = dataSource.getConnection()) {
            return networks(c, stampId, max);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the networks of a stamp failed: " + e.getMessage(), e);
        }
    }

    /** As above, on a connection (plain SQL that Derby and PostgreSQL both run). */
    static List<CloneRules.SeenNetwork> networks(Connection c, String stampId, int max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT network_hash, MIN(scanned_at) AS first_at FROM scan"
                + " WHERE stamp_id = ? AND network_hash IS NOT NULL GROUP BY network_hash ORDER BY first_at")) {
            ps.setString(1, stampId);
            ps.setMaxRows(max);
            List<CloneRules.SeenNetwork> networks = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    networks.add(new CloneRules.SeenNetwork(
                            r.getString(1), r.getTimestamp(2).toInstant()));
                }
            }
            return networks;
        }
    }
}

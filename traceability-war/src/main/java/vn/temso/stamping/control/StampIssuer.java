package vn.temso.stamping.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.platform.jobs.Lease;
import vn.temso.stamp.StampSigner;
import vn.temso.stamp.serial.SerialGenerator;
import vn.temso.stamping.entity.IssuanceJob;
import vn.temso.stamping.entity.Stamp;
import vn.temso.stamping.entity.StampsWritten;

/**
 * The steps of an issuing job: what is left to issue, signing a chunk of stamps (no transaction, any thread), and
 * writing a signed chunk in its own transaction, where the stamps and the job's progress commit together.
 */
@ApplicationScoped
public class StampIssuer {

    static final int CHUNK = 2500;

    /** Stamps of one job, as far as signing them needs to know. */
    public record Target(String gtin, String lot, int remaining) {}

    /** A serial and its signed URL. */
    public record Signed(String serial, String url) {}

    /** Stamps signed with one key, not yet written. */
    public record SignedChunk(String kid, List<Signed> stamps) {}

    /**
     * A unique key was taken by another writer: a serial of the chunk already issued for this GTIN (1 in 10^8 per
     * chunk at a million stamps), or a batch's first counter row created at the same moment. The transaction rolled
     * back; sign the chunk again and retry.
     */
    public static final class Clash extends RuntimeException {
        Clash(SQLException e) {
            super("A unique key of the chunk is already taken: " + e.getMessage(), e);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/temso")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    StampKeys keys;

    @Inject
    Event<StampsWritten> written;

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String baseUrl;

    private final SerialGenerator serials = new SerialGenerator();

    /** @return what the job still has to issue, or null when it is not running */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Target target(String jobId) {
        IssuanceJob job = em.find(IssuanceJob.class, jobId);
        if (job == null || job.getStatus() != IssuanceJob.Status.RUNNING) {
            return null;
        }
        Batch batch = em.find(Batch.class, job.getBatchId());
        return new Target(batch.getProduct().getGtin(), batch.getLotCode(), job.remaining());
    }

    /** The active signer (unsealed once and cached by {@link StampKeys}). */
    public StampSigner signer() {
        return keys.signer();
    }

    /** Draws {@code n} fresh serials and signs their URLs: pure computation, safe on any thread. */
    public SignedChunk sign(StampSigner signer, Target target, int n) {
        Signed[] stamps = new Signed[n];
        for (int i = 0; i < n; i++) {
            String serial = serials.next();
            stamps[i] = new Signed(serial, signer.sign(baseUrl, target.gtin(), target.lot(), serial));
        }
        return new SignedChunk(signer.kid(), List.of(stamps));
    }

    /**
     * Writes (the part still due of) a signed chunk and the job's progress in one transaction, after checking that
     * the batch may still get stamps. A chunk signed with a key that is no longer the active one (rotated or revoked
     * while it waited) is signed again with the active key first.
     *
     * @return stamps still to issue after this chunk (0 when the job is done or failed)
     * @throws Clash when a serial or a batch's first counter row is taken (rolled back; sign a new chunk)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int issueChunk(String jobId, SignedChunk chunk, String owner) {
        // locked until commit: only the run holding the job's lease writes a chunk, and nobody can take the lease
        // over before this chunk and the job's progress have committed together
        IssuanceJob job = em.find(IssuanceJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.getStatus() != IssuanceJob.Status.RUNNING) {
            return 0;
        }
        if (!owner.equals(job.getLeaseOwner())) {
            throw new Lease.Lost("Issuing job " + jobId);
        }
        Batch batch = em.find(Batch.class, job.getBatchId());
        if (batch.getStatus() != BatchStatus.OPEN || batch.getZones().stream().anyMatch(z -> !z.isActive())) {
            job.fail("The batch is " + batch.getStatus() + " or one of its zones is no longer active", clock.instant());
            return 0;
        }
        StampSigner active = keys.signer();
        Target target = new Target(batch.getProduct().getGtin(), batch.getLotCode(), job.remaining());
        int n = Math.min(chunk.stamps().size(), job.remaining());
        SignedChunk stamps = active.kid().equals(chunk.kid()) ? chunk : sign(active, target, n);
        try (Connection c = dataSource.getConnection()) { // the connection of this transaction
            int seq = takeSeqs(c, batch.getId(), n);
            insert(c, target.gtin(), stamps, n, batch.getId(), seq, jobId, clock.instant());
            written.fire(new StampsWritten(batch, jobId, seq + 1, seq + n, clock.instant()));
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new Clash(e);
            }
            throw new IllegalStateException("Writing " + n + " stamps failed: " + e.getMessage(), e);
        }
        job.progressed(n, clock.instant());
        return job.remaining();
    }

    /**
     * Takes the next {@code n} issue numbers of the batch from its counter row; the row stays locked until this
     * transaction ends, so concurrent jobs of one batch (on any instance) take turns. A batch's first chunk creates
     * the row (after the stamps it may already have); two first chunks at once: one gets a {@link Clash}.
     *
     * @return the last seq before the taken ones
     */
    private static int takeSeqs(Connection c, String batchId, int n) throws SQLException {
        try (PreparedStatement up =
                c.prepareStatement("UPDATE stamp_seq SET last_seq = last_seq + ? WHERE batch_id = ?")) {
            up.setInt(1, n);
            up.setString(2, batchId);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement("INSERT INTO stamp_seq (batch_id, last_seq)"
                        + " SELECT ?, COALESCE(MAX(seq), 0) + ? FROM stamp WHERE batch_id = ?")) {
                    in.setString(1, batchId);
                    in.setInt(2, n);
                    in.setString(3, batchId);
                    in.executeUpdate();
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM stamp_seq WHERE batch_id = ?")) {
            q.setString(1, batchId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1) - n;
            }
        }
    }

    /**
     * One JDBC batch on this transaction's connection: entity objects for 100,000 rows that are only inserted cost
     * more than signing them. Stamp is not in the shared cache, so nothing cached goes stale.
     */
    private static void insert(
            Connection c,
            String gtin,
            SignedChunk chunk,
            int n,
            String batchId,
            int lastSeq,
            String jobId,
            Instant issuedAt)
            throws SQLException {
        Timestamp now = Timestamp.from(issuedAt);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stamp (id, gtin, serial, batch_id, seq, kid, url,"
                + " job_id, status, issued_at, suspicious) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                Signed s = chunk.stamps().get(i);
                ps.setString(1, Stamp.idFor(gtin, s.serial()));
                ps.setString(2, gtin);
                ps.setString(3, s.serial());
                ps.setString(4, batchId);
                ps.setInt(5, lastSeq + i + 1);
                ps.setString(6, chunk.kid());
                ps.setString(7, s.url());
                ps.setString(8, jobId);
                ps.setString(9, Stamp.Status.ACTIVE.name());
                ps.setTimestamp(10, now);
                ps.setBoolean(11, false);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) { // Derby and PostgreSQL: unique constraint violated
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && cause != e && isUniqueViolation(cause);
    }

    /** Fails the job, if {@code owner} still runs it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(String jobId, String reason, String owner) {
        IssuanceJob job = em.find(IssuanceJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job != null && job.getStatus() == IssuanceJob.Status.RUNNING && owner.equals(job.getLeaseOwner())) {
            job.fail(reason, clock.instant());
        }
    }
}

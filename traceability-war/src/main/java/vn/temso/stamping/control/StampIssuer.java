package vn.temso.stamping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.stamp.StampSigner;
import vn.temso.stamp.serial.SerialGenerator;
import vn.temso.stamping.entity.IssuanceJob;
import vn.temso.stamping.entity.Stamp;

/** Issues one chunk of a job in its own transaction: the stamps and the job's progress commit together. */
@ApplicationScoped
public class StampIssuer {

    static final int CHUNK = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    StampKeys keys;

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String baseUrl;

    private final SerialGenerator serials = new SerialGenerator();

    /** Last seq written per batch id by this instance: a starting point for {@link #lastSeq}, never trusted alone. */
    private final Map<String, Integer> lastSeqHint = new ConcurrentHashMap<>();

    /** @return stamps still to issue after this chunk (0 when the job is done or failed) */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int issueChunk(String jobId) {
        IssuanceJob job = em.find(IssuanceJob.class, jobId);
        if (job == null || job.getStatus() != IssuanceJob.Status.RUNNING) {
            return 0;
        }
        Batch batch = em.find(Batch.class, job.getBatchId());
        if (batch.getStatus() != BatchStatus.OPEN || batch.getZones().stream().anyMatch(z -> !z.isActive())) {
            job.fail("The batch is " + batch.getStatus() + " or one of its zones is no longer active");
            return 0;
        }
        int n = Math.min(CHUNK, job.remaining());
        int seq = lastSeq(batch);
        StampSigner signer = keys.signer();
        String gtin = batch.getProduct().getGtin();
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            String serial = serials.next();
            String url = signer.sign(baseUrl, gtin, batch.getLotCode(), serial);
            em.persist(new Stamp(batch, gtin, serial, ++seq, signer.kid(), url, jobId, now));
        }
        job.progressed(n);
        lastSeqHint.put(batch.getId(), seq);
        return job.remaining();
    }

    /**
     * The highest seq of the batch. Derby answers a plain MAX(seq) by scanning every stamp of the batch, which made
     * each chunk slower than the last (quadratic over a 100,000-stamp job); from a hint at or below the true
     * maximum only the tail of the (batch_id, seq) index is read. A hint above it (its chunk rolled back) finds no
     * row and the full query decides. Stamps are never deleted, so a batch's maximum never goes down.
     */
    private int lastSeq(Batch batch) {
        Integer hint = lastSeqHint.get(batch.getId());
        if (hint != null) {
            Integer max = em.createQuery("SELECT MAX(s.seq) FROM Stamp s WHERE s.batch = :b AND s.seq >= :h",
                    Integer.class).setParameter("b", batch).setParameter("h", hint).getSingleResult();
            if (max != null) {
                return max;
            }
        }
        Integer max = em.createQuery("SELECT MAX(s.seq) FROM Stamp s WHERE s.batch = :b", Integer.class)
                .setParameter("b", batch).getSingleResult();
        return max == null ? 0 : max;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(String jobId, String reason) {
        IssuanceJob job = em.find(IssuanceJob.class, jobId);
        if (job != null && job.getStatus() == IssuanceJob.Status.RUNNING) {
            job.fail(reason);
        }
    }
}

package vn.temso.stamping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
        Integer maxSeq = em.createQuery("SELECT MAX(s.seq) FROM Stamp s WHERE s.batch = :b", Integer.class)
                .setParameter("b", batch).getSingleResult();
        int seq = maxSeq == null ? 0 : maxSeq;
        StampSigner signer = keys.signer();
        String gtin = batch.getProduct().getGtin();
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            String serial = serials.next();
            String url = signer.sign(baseUrl, gtin, batch.getLotCode(), serial);
            em.persist(new Stamp(batch, gtin, serial, ++seq, signer.kid(), url, jobId, now));
        }
        job.progressed(n);
        return job.remaining();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(String jobId, String reason) {
        IssuanceJob job = em.find(IssuanceJob.class, jobId);
        if (job != null && job.getStatus() == IssuanceJob.Status.RUNNING) {
            job.fail(reason);
        }
    }
}

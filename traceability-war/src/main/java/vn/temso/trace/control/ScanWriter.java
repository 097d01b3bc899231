package vn.temso.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.temso.stamping.entity.Stamp;
import vn.temso.stamping.entity.Scan;

/** Writes scan rows in batches, and the suspicion flags of stamps. */
@ApplicationScoped
public class ScanWriter {

    @PersistenceContext
    EntityManager em;

    /** Marks a stamp suspicious (first reason wins) for the staff's list; a no-op when it already is. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void flag(String stampId, String why) {
        Stamp s = em.find(Stamp.class, stampId);
        if (s != null) {
            s.flag(why);
        }
    }

    /**
     * The scan rows, in one transaction (JDBC batch inserts). Scan counts are read from these rows, never kept in
     * the stamp's row: every scan reads that row, and Derby makes a read wait for a writer's row locks.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(List<ScanLedger.Pending> scans) {
        for (ScanLedger.Pending p : scans) {
            em.persist(new Scan(p.stampId(), p.at(), p.clientHash()));
        }
    }
}

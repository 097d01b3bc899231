package vn.temso.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.temso.stamping.entity.Stamp;
import vn.temso.trace.entity.Scan;

/** Writes a batch of scans and the stamps' counters in one transaction, and the suspicion flags of stamps. */
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

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(List<ScanLedger.Pending> scans) {
        record Totals(int n, Instant first, Instant last, boolean setFirst) {
        }
        Map<String, Totals> perStamp = new HashMap<>();
        for (ScanLedger.Pending p : scans) {
            em.persist(new Scan(p.stampId(), p.at(), p.clientHash()));
            perStamp.merge(p.stampId(), new Totals(1, p.at(), p.at(), p.first()), (a, b) -> new Totals(a.n() + b.n(),
                    a.first().isBefore(b.first()) ? a.first() : b.first(), a.last().isAfter(b.last()) ? a.last() : b.last(),
                    a.setFirst() || b.setFirst()));
        }
        // the first scan time is set by a statement of its own, only for stamps whose first scan this is
        // (EclipseLink writes a bound timestamp inside COALESCE as an unquoted literal, which Derby rejects)
        perStamp.forEach((id, t) -> {
            em.createQuery("UPDATE Stamp s SET s.scanCount = s.scanCount + :n, s.lastScanAt = :last WHERE s.id = :id")
                    .setParameter("n", t.n()).setParameter("last", t.last()).setParameter("id", id).executeUpdate();
            if (t.setFirst()) {
                em.createQuery("UPDATE Stamp s SET s.firstScanAt = :first WHERE s.id = :id AND s.firstScanAt IS NULL")
                        .setParameter("first", t.first()).setParameter("id", id).executeUpdate();
            }
        });
    }
}

package vn.temso.portal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import vn.temso.batch.entity.Batch;
import vn.temso.portal.entity.PortalLot;

/**
 * Which lots' records must be built again ({@link PortalLot}). Marks are bulk updates in the caller's transaction (a
 * fact marks its lot in the transaction that records it); rows are created for a new lot by the fact that records it,
 * and for lots older than this table by the scheduler's sweep.
 */
@ApplicationScoped
@Transactional
public class PortalLots {

    private static final String BUMP = "UPDATE PortalLot p SET p.generation = p.generation + 1, p.dirty = :dirty";

    @PersistenceContext
    EntityManager em;

    /** A lot to build, and the generation the build answers. */
    public record Dirty(String batchId, long generation) {}

    /** What the event log holds for a lot in the look-back window: a change in either means new events. */
    public record Activity(String batchId, Instant lastRecorded, long events) {}

    /** A lot was recorded or its details changed: its row is created, or marked. */
    public void recorded(Batch b) {
        if (em.find(PortalLot.class, b.getId()) == null) {
            em.persist(new PortalLot(b.getId(), b.getCooperative().getId()));
        } else {
            mark(b.getId());
        }
    }

    /** @return whether the lot has a row (else the next sweep adopts it) */
    public boolean mark(String batchId) {
        return em.createQuery(BUMP + " WHERE p.batchId = :b")
                        .setParameter("dirty", 1)
                        .setParameter("b", batchId)
                        .executeUpdate()
                == 1;
    }

    public int markProduct(String productId) {
        return em.createQuery(BUMP + " WHERE p.batchId IN (SELECT b.id FROM Batch b WHERE b.product.id = :p)")
                .setParameter("dirty", 1)
                .setParameter("p", productId)
                .executeUpdate();
    }

    public int markCooperative(String cooperativeId) {
        return em.createQuery(BUMP + " WHERE p.cooperativeId = :c")
                .setParameter("dirty", 1)
                .setParameter("c", cooperativeId)
                .executeUpdate();
    }

    public int markZone(String zoneId) {
        return em.createQuery(BUMP + " WHERE p.batchId IN (SELECT b.id FROM Batch b JOIN b.zones z WHERE z.id = :z)")
                .setParameter("dirty", 1)
                .setParameter("z", zoneId)
                .executeUpdate();
    }

    /** Every lot (a new day: OCOP ratings and certificates lapse; a start: the mapping may have changed). */
    public int markAll() {
        return em.createQuery(BUMP).setParameter("dirty", 1).executeUpdate();
    }

    /** Rows for every lot that has none (lots older than the portal feature, demo data), dirty. */
    public int adoptAll() {
        return em.createNativeQuery(
                        "INSERT INTO portal_lot (batch_id, cooperative_id, generation, built_generation, dirty)"
                                + " SELECT b.id, b.cooperative_id, 1, 0, ? FROM batch b"
                                + " WHERE NOT EXISTS (SELECT 1 FROM portal_lot p WHERE p.batch_id = b.id)")
                .setParameter(1, 1)
                .executeUpdate();
    }

    /** Marks a lot, creating its row if it has none. */
    public void markOrAdopt(String batchId) {
        if (!mark(batchId)) {
            em.createNativeQuery(
                            "INSERT INTO portal_lot (batch_id, cooperative_id, generation, built_generation, dirty)"
                                    + " SELECT b.id, b.cooperative_id, 1, 0, ? FROM batch b WHERE b.id = ?"
                                    + " AND NOT EXISTS (SELECT 1 FROM portal_lot p WHERE p.batch_id = b.id)")
                    .setParameter(1, 1)
                    .setParameter(2, batchId)
                    .executeUpdate();
        }
    }

    /** Lots whose records must be built, up to {@code limit}. */
    public List<Dirty> dirty(int limit) {
        return em.createQuery(
                        "SELECT NEW vn.temso.portal.control.PortalLots.Dirty(p.batchId, p.generation) FROM PortalLot p"
                                + " WHERE p.dirty = :dirty ORDER BY p.batchId",
                        Dirty.class)
                .setParameter("dirty", 1)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The build of {@code generation} is done: clean unless a change came meanwhile (then it stays dirty). */
    public boolean built(String batchId, long generation, Instant now) {
        return em.createQuery("UPDATE PortalLot p SET p.builtGeneration = :g, p.dirty = :clean, p.builtAt = :now"
                                + " WHERE p.batchId = :b AND p.generation = :g")
                        .setParameter("g", generation)
                        .setParameter("clean", 0)
                        .setParameter("now", now)
                        .setParameter("b", batchId)
                        .executeUpdate()
                == 1;
    }

    /** Per lot, the last record time and count of its events recorded since {@code since}. */
    public List<Activity> activity(Instant since) {
        return em.createQuery(
                        "SELECT NEW vn.temso.portal.control.PortalLots.Activity(e.batchId, MAX(e.recordTime), COUNT(e))"
                                + " FROM EpcisEvent e WHERE e.recordTime >= :since AND e.batchId IS NOT NULL"
                                + " GROUP BY e.batchId",
                        Activity.class)
                .setParameter("since", since)
                .getResultList();
    }
}

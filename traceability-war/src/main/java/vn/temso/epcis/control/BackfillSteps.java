package vn.temso.epcis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.epcis.entity.EventKind;
import vn.temso.epcis.entity.Identifiers;
import vn.temso.printing.entity.PrintJob;

/** The backfill's steps, one transaction each (see {@link EventBackfill}). */
@ApplicationScoped
public class BackfillSteps {

    /** Records in the order their events depend on each other. */
    enum Step {
        LOTS,
        DIARY,
        STAMPS,
        VOIDS,
        PRINTS,
        TRANSFORMATIONS,
        RECALLS
    }

    /** The stamps one issuing job wrote to a batch. */
    public record JobStamps(String batchId, String jobId, int fromSeq, int toSeq, Instant issuedAt) {}

    /** Stamps voided together (same moment, same reason). */
    public record VoidGroup(String batchId, Instant voidedAt, String reason, int fromSeq, int toSeq) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    EventLog log;

    @Inject
    FactObserver facts;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int run(Step step) {
        Instant now = clock.instant();
        return switch (step) {
            case LOTS -> lots();
            case DIARY -> diary(now);
            case STAMPS -> stamps(now);
            case VOIDS -> voids(now);
            case PRINTS -> prints(now);
            case TRANSFORMATIONS -> transformations(now);
            case RECALLS -> recalls(now);
        };
    }

    private int lots() {
        List<Batch> batches = em.createQuery(
                        "SELECT b FROM Batch b WHERE NOT EXISTS (SELECT x.eventId FROM EpcisEvent x"
                                + " WHERE x.kind = :k AND x.recordId = b.id)",
                        Batch.class)
                .setParameter("k", EventKind.LOT)
                .getResultList();
        batches.forEach(facts::recordLot);
        return batches.size();
    }

    private int diary(Instant now) {
        List<BatchEvent> entries = em.createQuery(
                        "SELECT e FROM BatchEvent e WHERE NOT EXISTS (SELECT x.eventId FROM EpcisEvent x"
                                + " WHERE x.kind = :k AND x.recordId = e.id) ORDER BY e.recordedAt",
                        BatchEvent.class)
                .setParameter("k", EventKind.DIARY)
                .getResultList();
        for (BatchEvent e : entries) {
            EventProjection.Projected p = EventProjection.diary(e, now);
            log.append(p);
            if (e.getCorrectsEventId() != null) {
                log.declareError(
                        Identifiers.eventId(EventKind.DIARY, e.getCorrectsEventId()),
                        e.getRecordedAt(),
                        FactObserver.INCORRECT_DATA,
                        List.of(p.event().getEventId()));
            }
        }
        return entries.size();
    }

    private int stamps(Instant now) {
        List<String> jobs = em.createQuery(
                        "SELECT j.id FROM IssuanceJob j WHERE j.issued > 0 AND NOT EXISTS (SELECT x.eventId"
                                + " FROM EpcisEvent x WHERE x.kind = :k AND x.stampJobId = j.id)",
                        String.class)
                .setParameter("k", EventKind.STAMPS)
                .getResultList();
        int n = 0;
        for (String job : jobs) {
            List<JobStamps> groups = em.createQuery(
                            "SELECT NEW vn.temso.epcis.control.BackfillSteps.JobStamps(s.batch.id, s.jobId,"
                                    + " MIN(s.seq), MAX(s.seq), MIN(s.issuedAt)) FROM Stamp s WHERE s.jobId = :j"
                                    + " GROUP BY s.batch.id, s.jobId",
                            JobStamps.class)
                    .setParameter("j", job)
                    .getResultList();
            for (JobStamps g : groups) {
                Batch b = em.find(Batch.class, g.batchId());
                n += log.append(EventProjection.stamps(b, g.jobId(), g.fromSeq(), g.toSeq(), g.issuedAt(), now))
                        ? 1
                        : 0;
            }
        }
        return n;
    }

    private int voids(Instant now) {
        List<VoidGroup> groups = em.createQuery(
                        "SELECT NEW vn.temso.epcis.control.BackfillSteps.VoidGroup(s.batch.id, s.voidedAt,"
                                + " s.voidReason, MIN(s.seq), MAX(s.seq)) FROM Stamp s WHERE s.voidedAt IS NOT NULL"
                                + " GROUP BY s.batch.id, s.voidedAt, s.voidReason",
                        VoidGroup.class)
                .getResultList();
        int n = 0;
        for (VoidGroup g : groups) {
            String voidId = "before-events/" + g.batchId() + "/" + g.voidedAt().toEpochMilli() + "/" + g.fromSeq();
            if (!em.createQuery(
                            "SELECT x.eventId FROM EpcisEvent x WHERE x.kind = :k AND x.batchId = :b"
                                    + " AND x.eventTime = :t",
                            String.class)
                    .setParameter("k", EventKind.VOID)
                    .setParameter("b", g.batchId())
                    .setParameter("t", g.voidedAt())
                    .getResultList()
                    .isEmpty()) {
                continue; // voided after the event log existed: its event was written live
            }
            Batch b = em.find(Batch.class, g.batchId());
            n += log.append(EventProjection.voided(b, voidId, g.fromSeq(), g.toSeq(), g.reason(), g.voidedAt(), now))
                    ? 1
                    : 0;
        }
        return n;
    }

    private int prints(Instant now) {
        List<PrintJob> jobs = em.createQuery(
                        "SELECT j FROM PrintJob j WHERE j.status = :done AND j.fromSeq IS NOT NULL"
                                + " AND NOT EXISTS (SELECT x.eventId FROM EpcisEvent x WHERE x.kind = :k"
                                + " AND x.recordId = j.id)",
                        PrintJob.class)
                .setParameter("done", PrintJob.Status.DONE)
                .setParameter("k", EventKind.PRINT)
                .getResultList();
        for (PrintJob j : jobs) {
            Batch b = em.find(Batch.class, j.getBatchId());
            log.append(EventProjection.printed(b, j.getId(), j.getFromSeq(), j.getToSeq(), j.getFinishedAt(), now));
        }
        return jobs.size();
    }

    private int transformations(Instant now) {
        List<Batch> outputs = em.createQuery(
                        "SELECT DISTINCT i.output FROM BatchInput i WHERE NOT EXISTS (SELECT x.eventId"
                                + " FROM EpcisEvent x WHERE x.kind = :k AND x.recordId = i.output.id)",
                        Batch.class)
                .setParameter("k", EventKind.TRANSFORMATION)
                .getResultList();
        outputs.forEach(b -> log.append(EventProjection.transformed(b, FactObserver.inputs(b.getInputs()), now)));
        return outputs.size();
    }

    private int recalls(Instant now) {
        List<Batch> batches = em.createQuery(
                        "SELECT b FROM Batch b WHERE b.status = :r AND NOT EXISTS (SELECT x.eventId"
                                + " FROM EpcisEvent x WHERE x.kind = :k AND x.recordId = b.id)",
                        Batch.class)
                .setParameter("r", BatchStatus.RECALLED)
                .setParameter("k", EventKind.RECALL)
                .getResultList();
        batches.forEach(b -> log.append(EventProjection.recalled(b, now)));
        return batches.size();
    }
}

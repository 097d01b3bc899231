package vn.temso.epcis.control;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.BatchInput;
import vn.temso.batch.entity.DiaryEntryAdded;
import vn.temso.batch.entity.LotRecalled;
import vn.temso.batch.entity.LotRecorded;
import vn.temso.batch.entity.LotTransformed;
import vn.temso.epcis.entity.EpcisEvent;
import vn.temso.epcis.entity.EventKind;
import vn.temso.epcis.entity.Identifiers;
import vn.temso.printing.entity.LabelsPrinted;
import vn.temso.printing.entity.PrintJob;
import vn.temso.stamping.entity.StampsVoided;
import vn.temso.stamping.entity.StampsWritten;

/**
 * Records each fact as its EPCIS event as it happens: the features fire their facts inside the transaction that
 * records them, so the event commits (or rolls back) with the record.
 */
@ApplicationScoped
public class FactObserver {

    /** CBV error reason for a diary entry or lot detail that was corrected. */
    static final String INCORRECT_DATA = "incorrect_data";

    @PersistenceContext
    EntityManager em;

    @Inject
    EventLog log;

    @Inject
    Clock clock;

    void diary(@Observes DiaryEntryAdded fact) {
        BatchEvent entry = fact.entry();
        EventProjection.Projected p = EventProjection.diary(entry, clock.instant());
        log.appendNew(p); // the entry was just written: its event is new too
        if (entry.getCorrectsEventId() != null) {
            // the corrected entry stays as it was written; its event is declared wrong, naming the correction
            log.declareError(
                    Identifiers.eventId(EventKind.DIARY, entry.getCorrectsEventId()),
                    clock.instant(),
                    INCORRECT_DATA,
                    List.of(p.event().getEventId()));
        }
    }

    void lot(@Observes LotRecorded fact) {
        recordLot(fact.batch());
    }

    /**
     * The lot's commissioning: the first time as {@link EventKind#LOT}; after a change of its harvest details a new
     * commissioning ({@link EventKind#LOT_CORRECTION}) and an error declaration on the one it replaces.
     */
    void recordLot(Batch b) {
        List<EpcisEvent> current = em.createQuery(
                        "SELECT e FROM EpcisEvent e WHERE e.batchId = :b AND e.kind IN :kinds"
                                + " AND e.errorDeclaredAt IS NULL ORDER BY e.recordTime DESC",
                        EpcisEvent.class)
                .setParameter("b", b.getId())
                .setParameter("kinds", List.of(EventKind.LOT, EventKind.LOT_CORRECTION))
                .getResultList();
        if (current.isEmpty()) {
            log.append(EventProjection.lot(b, EventKind.LOT, b.getId(), clock.instant()));
            return;
        }
        EpcisEvent last = current.get(0);
        long count = em.createQuery(
                        "SELECT COUNT(e) FROM EpcisEvent e WHERE e.batchId = :b AND e.kind IN :kinds", Long.class)
                .setParameter("b", b.getId())
                .setParameter("kinds", List.of(EventKind.LOT, EventKind.LOT_CORRECTION))
                .getSingleResult();
        EventProjection.Projected next =
                EventProjection.lot(b, EventKind.LOT_CORRECTION, b.getId() + "#" + count, clock.instant());
        if (sameFacts(EventProjection.body(last), EventProjection.body(next.event()))) {
            return;
        }
        log.append(next);
        log.declareError(
                last.getEventId(),
                clock.instant(),
                INCORRECT_DATA,
                List.of(next.event().getEventId()));
    }

    /** Two commissionings say the same when everything but their ids is equal. */
    private static boolean sameFacts(JsonObject a, JsonObject b) {
        return withoutId(a).equals(withoutId(b));
    }

    private static JsonObject withoutId(JsonObject o) {
        return JSON.createObjectBuilder(o).remove("eventID").build();
    }

    void recalled(@Observes LotRecalled fact) {
        log.append(EventProjection.recalled(fact.batch(), clock.instant()));
    }

    void transformed(@Observes LotTransformed fact) {
        log.append(EventProjection.transformed(fact.output(), inputs(fact.inputs()), clock.instant()));
    }

    static List<EventProjection.Input> inputs(List<BatchInput> inputs) {
        return inputs.stream()
                .map(i -> new EventProjection.Input(i.getInput(), i.getQuantity(), i.getUnit()))
                .toList();
    }

    void stamps(@Observes StampsWritten fact) {
        log.append(EventProjection.stamps(
                fact.batch(), fact.jobId(), fact.fromSeq(), fact.toSeq(), fact.at(), clock.instant()));
    }

    void voided(@Observes StampsVoided fact) {
        log.append(EventProjection.voided(
                fact.batch(), fact.voidId(), fact.fromSeq(), fact.toSeq(), fact.reason(), fact.at(), clock.instant()));
    }

    void printed(@Observes LabelsPrinted fact) {
        PrintJob job = fact.job();
        if (job.getFromSeq() == null || job.getToSeq() == null) {
            return; // nothing was printed from stamps
        }
        Batch b = em.find(Batch.class, job.getBatchId());
        log.append(EventProjection.printed(
                b, job.getId(), job.getFromSeq(), job.getToSeq(), job.getFinishedAt(), clock.instant()));
    }
}

package vn.temso.epcis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.BatchInput;
import vn.temso.batch.entity.EventType;
import vn.temso.epcis.entity.EventKind;

/**
 * A lot's "one step back, one step forward" ({@link Journey}): where it came from (zones, input lots, inputs received)
 * and its chain of custody after the producer, from the producer's shipping entries and the partners' captured
 * events ({@link CustodyMapping}). Every read is bounded: at most {@link #MAX_STEPS} captured events by each of two
 * indexed queries (events filed under the lot: {@code ix_epcis_event_batch}; events naming the lot's class:
 * {@code ix_epcis_epc}), and the lot's own genealogy and diary, which the trace record loads anyway.
 */
@ApplicationScoped
public class Custody {

    /** Custody steps shown per direction; the lot's EPCIS events hold the rest. */
    public static final int MAX_STEPS = 20;

    /** Input lots and lots made from this one shown, each. */
    public static final int MAX_LOTS = 20;

    @PersistenceContext
    EntityManager em;

    /** A partner's event as the custody step needs it (a JPQL constructor expression). */
    public record CapturedRow(String eventId, Instant eventTime, String body) {}

    /** A cooperative's name by id (a JPQL constructor expression). */
    public record CooperativeName(String id, String name) {}

    /** The journey of a lot the caller may see (the public trace page: any lot; the lot page: checked by Batches). */
    @Transactional
    public Journey journey(Batch lot) {
        Batch b = em.find(Batch.class, lot.getId());
        List<Journey.Zone> zones = b.getZones().stream()
                .sorted(Comparator.comparing(z -> z.getCode()))
                .map(z -> new Journey.Zone(z.getCode(), z.getName(), z.getCommune()))
                .toList();
        List<BatchInput> inputLines = b.getInputs().stream()
                .sorted(Comparator.comparing(i -> i.getInput().getLotCode()))
                .toList();
        List<BatchInput> outputLines = b.getUsedIn().stream()
                .sorted(Comparator.comparing(BatchInput::getRecordedAt))
                .toList();
        List<BatchEvent> diary = b.currentEvents();
        List<CustodyStep> received = diarySteps(diary, EventType.RECEIVING);
        List<CustodyStep> forward = new ArrayList<>(diarySteps(diary, EventType.SHIPPING));
        boolean capturedCut = captured(b, forward);
        forward.sort(Comparator.comparing(CustodyStep::at).thenComparing(CustodyStep::partner));
        boolean more = capturedCut
                || received.size() > MAX_STEPS
                || forward.size() > MAX_STEPS
                || inputLines.size() > MAX_LOTS
                || outputLines.size() > MAX_LOTS;
        Function<CustodyStep, CustodyStep> names = names(b, first(received, MAX_STEPS), first(forward, MAX_STEPS));
        return new Journey(
                zones,
                first(inputLines, MAX_LOTS).stream()
                        .map(i -> lot(i.getInput(), i))
                        .toList(),
                first(received, MAX_STEPS).stream().map(names).toList(),
                first(forward, MAX_STEPS).stream().map(names).toList(),
                first(outputLines, MAX_LOTS).stream()
                        .map(i -> lot(i.getOutput(), i))
                        .toList(),
                more);
    }

    private static Journey.Lot lot(Batch other, BatchInput line) {
        return Journey.Lot.of(
                other.getProduct().getGtin(),
                other.getLotCode(),
                other.getProduct().getName(),
                other.getCooperative().getName(),
                line.getQuantity(),
                line.getUnit());
    }

    private static List<CustodyStep> diarySteps(List<BatchEvent> diary, EventType type) {
        return diary.stream()
                .filter(e -> e.getType() == type)
                .map(e -> CustodyMapping.diary(type, e.getOccurredAt(), e.getPartyName(), e.getPartyGln()))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(CustodyStep::at))
                .toList();
    }

    /**
     * Adds the partners' steps: events filed under the lot, and events naming its class that were filed under another
     * lot (one event about a pallet of several lots), each the first {@link #MAX_STEPS} by event time.
     *
     * @return whether either query had more
     */
    private boolean captured(Batch b, List<CustodyStep> into) {
        List<CapturedRow> filed = em.createQuery(
                        "SELECT NEW vn.temso.epcis.control.Custody.CapturedRow(e.eventId, e.eventTime, e.body)"
                                + " FROM EpcisEvent e WHERE e.batchId = :b AND e.kind = :k"
                                + " AND e.errorDeclaredAt IS NULL ORDER BY e.eventTime, e.eventId",
                        CapturedRow.class)
                .setParameter("b", b.getId())
                .setParameter("k", EventKind.CAPTURED)
                .setMaxResults(MAX_STEPS + 1)
                .getResultList();
        List<CapturedRow> named = em.createQuery(
                        "SELECT NEW vn.temso.epcis.control.Custody.CapturedRow(e.eventId, e.eventTime, e.body)"
                                + " FROM EventEpc c, EpcisEvent e WHERE c.epc = :cls AND c.classLevel = :classLevel"
                                + " AND e.eventId = c.eventId AND e.kind = :k AND e.errorDeclaredAt IS NULL"
                                + " AND (e.batchId IS NULL OR e.batchId <> :b) ORDER BY e.eventTime, e.eventId",
                        CapturedRow.class)
                .setParameter("cls", EventProjection.lotClass(b))
                .setParameter("classLevel", true)
                .setParameter("k", EventKind.CAPTURED)
                .setParameter("b", b.getId())
                .setMaxResults(MAX_STEPS + 1)
                .getResultList();
        Set<String> seen = new HashSet<>();
        Stream.concat(first(filed, MAX_STEPS).stream(), first(named, MAX_STEPS).stream())
                .filter(r -> seen.add(r.eventId()))
                .map(r -> CustodyMapping.essentials(r.body())
                        .flatMap(essentials -> CustodyMapping.captured(essentials, r.eventTime())))
                .flatMap(Optional::stream)
                .forEach(into::add);
        return filed.size() > MAX_STEPS || named.size() > MAX_STEPS;
    }

    /**
     * Names the Temso cooperatives that partners' events name by party URI (one query for all of them), and leaves out
     * a "from" that is the lot's own producer (the page already says who produced it).
     */
    private Function<CustodyStep, CustodyStep> names(Batch b, List<CustodyStep> received, List<CustodyStep> forward) {
        Set<String> ids = new HashSet<>();
        Stream.concat(received.stream(), forward.stream())
                .flatMap(s -> Stream.of(s.party(), s.from()))
                .filter(p -> p != null && p.cooperativeId() != null)
                .forEach(p -> ids.add(p.cooperativeId()));
        Map<String, String> byId = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery(
                            "SELECT NEW vn.temso.epcis.control.Custody.CooperativeName(c.id, c.name)"
                                    + " FROM Cooperative c WHERE c.id IN :ids",
                            CooperativeName.class)
                    .setParameter("ids", List.copyOf(ids))
                    .getResultList()
                    .forEach(c -> byId.put(c.id(), CustodyMapping.shown(c.name())));
        }
        String producer = b.getCooperative().getId();
        return s -> new CustodyStep(
                s.step(),
                s.at(),
                named(s.party(), byId),
                s.from() != null && producer.equals(s.from().cooperativeId()) ? null : named(s.from(), byId),
                s.place(),
                s.partner());
    }

    /** A party as the page gets it: a cooperative by its name, never by its id; an unknown cooperative is nobody. */
    private static CustodyStep.Party named(CustodyStep.Party p, Map<String, String> cooperatives) {
        if (p == null || p.cooperativeId() == null) {
            return p;
        }
        return CustodyStep.Party.of(cooperatives.get(p.cooperativeId()), p.gln());
    }

    private static <T> List<T> first(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }
}

package vn.temso.batch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.temso.audit.control.AuditLog;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.BatchInput;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.batch.entity.DiaryEntryAdded;
import vn.temso.batch.entity.Genealogy;
import vn.temso.batch.entity.InputUse;
import vn.temso.batch.entity.LotClosed;
import vn.temso.batch.entity.LotCode;
import vn.temso.batch.entity.LotRecalled;
import vn.temso.batch.entity.LotRecorded;
import vn.temso.batch.entity.LotTransformed;
import vn.temso.batch.entity.Season;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.persistence.ClientIds;
import vn.temso.platform.persistence.PagedQuery;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Tenancy;
import vn.temso.platform.text.Texts;
import vn.temso.product.control.Products;
import vn.temso.product.entity.Product;
import vn.temso.zone.control.Zones;
import vn.temso.zone.entity.MaterialZone;

/**
 * Use cases on harvest batches, their genealogy and their farm diary. Each change announces its fact ({@link
 * LotRecorded}, {@link LotTransformed}, {@link LotClosed}, {@link LotRecalled}, {@link DiaryEntryAdded})
 * synchronously, in its own transaction, after the change.
 */
@ApplicationScoped
@Transactional
public class Batches {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    @Inject
    Tenancy tenancy;

    @Inject
    Cooperatives cooperatives;

    @Inject
    Products products;

    @Inject
    Clock clock;

    @Inject
    Zones zones;

    @Inject
    AuditLog audit;

    @Inject
    Event<LotRecorded> lotRecorded;

    @Inject
    Event<LotTransformed> lotTransformed;

    @Inject
    Event<LotClosed> lotClosed;

    @Inject
    Event<LotRecalled> lotRecalled;

    @Inject
    Event<DiaryEntryAdded> diaryEntryAdded;

    public Batch readable(String id) {
        return tenancy.readable(Batch.class, id, "Batch", Batch::getCooperative);
    }

    public Batch manageable(String id) {
        return tenancy.manageable(Batch.class, id, "Batch", Batch::getCooperative);
    }

    public Page<Batch> list(
            String productId,
            BatchStatus status,
            String zoneId,
            String lot,
            LocalDate harvestedFrom,
            LocalDate harvestedTo,
            PageRequest page) {
        return list(null, productId, status, zoneId, lot, harvestedFrom, harvestedTo, page);
    }

    /** As {@link #list(String, BatchStatus, String, String, LocalDate, LocalDate, PageRequest)}, and {@code q}: part
     * of the lot code or of the product's name. */
    public Page<Batch> list(
            String q,
            String productId,
            BatchStatus status,
            String zoneId,
            String lot,
            LocalDate harvestedFrom,
            LocalDate harvestedTo,
            PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(tenancy.scope("b.cooperative", params));
        if (Texts.clean(q) != null) {
            where.append(" AND (LOWER(b.lotCode) LIKE :q OR LOWER(b.product.name) LIKE :q)");
            params.put("q", "%" + Texts.key(q) + "%");
        }
        if (productId != null) {
            where.append(" AND b.product.id = :product");
            params.put("product", productId);
        }
        if (status != null) {
            where.append(" AND b.status = :status");
            params.put("status", status);
        }
        if (zoneId != null) {
            where.append(" AND EXISTS (SELECT z FROM Batch b2 JOIN b2.zones z WHERE b2 = b AND z.id = :zone)");
            params.put("zone", zoneId);
        }
        if (lot != null) {
            where.append(" AND b.lotCode = :lot");
            params.put("lot", lot.strip());
        }
        if (harvestedFrom != null) {
            where.append(" AND b.harvestDate >= :from");
            params.put("from", harvestedFrom);
        }
        if (harvestedTo != null) {
            where.append(" AND b.harvestDate <= :to");
            params.put("to", harvestedTo);
        }
        return PagedQuery.page(
                em, Batch.class, "Batch b", where.toString(), "b.harvestDate DESC, b.lotCode", params, page);
    }

    public Batch create(BatchCommand r) {
        if (r.productId() == null) {
            throw new Problems.ValidationFailed("productId", "productId is required");
        }
        Product product = products.manageable(r.productId());
        String lot = LotCode.validate(r.lotCode());
        if (!em.createQuery("SELECT b.id FROM Batch b WHERE b.product = :p AND b.lotCode = :l", String.class)
                .setParameter("p", product)
                .setParameter("l", lot)
                .getResultList()
                .isEmpty()) {
            throw new Problems.Conflict("Product " + product.getGtin() + " already has a batch with lot " + lot);
        }
        Batch b = new Batch(
                product, lot, resolveZones(r.zoneIds()), resolveInputs(r.inputs()), r.clientId(), clock.instant());
        b.record(r.harvestDate(), r.expiryDate(), r.quantity(), r.unit());
        em.persist(b);
        em.flush(); // a second request with the same client id fails here, inside this call
        audit.record(
                b.getCooperative(),
                "create",
                "batch",
                b.getId(),
                product.getGtin() + " lot " + lot
                        + (b.getInputs().isEmpty()
                                ? ""
                                : " from lots "
                                        + String.join(
                                                ", ",
                                                b.getInputs().stream()
                                                        .map(i -> i.getInput().getLotCode())
                                                        .toList())));
        lotRecorded.fire(new LotRecorded(b));
        if (!b.getInputs().isEmpty()) {
            lotTransformed.fire(new LotTransformed(b, b.getInputs()));
        }
        takeSeasons(b);
        return b;
    }

    /**
     * The batch this client id made, if it was made for the cooperative of the product named; 409 if the id names
     * another record (another cooperative's batch).
     */
    public Optional<Batch> byClientId(BatchCommand r) {
        if (r.productId() == null) {
            return Optional.empty(); // refused by create, on productId
        }
        Cooperative coop = products.manageable(r.productId()).getCooperative();
        return ClientIds.sameTarget(
                em, Batch.class, r.clientId(), b -> b.getCooperative().getId().equals(coop.getId()));
    }

    /**
     * Input batches are resolved as readable by the caller: another cooperative's batch is "not found" on
     * {@code inputs}, as zones are on {@code zoneIds}; an admin's pick of another cooperative's batch is refused by
     * the genealogy rules.
     */
    private List<InputUse> resolveInputs(List<BatchCommand.Input> inputs) {
        List<InputUse> uses = new ArrayList<>();
        for (BatchCommand.Input in : inputs) {
            if (in == null || in.batchId() == null) {
                throw new Problems.ValidationFailed(Genealogy.FIELD, "each input names its batchId");
            }
            try {
                uses.add(new InputUse(readable(in.batchId()), in.quantity(), in.unit()));
            } catch (Problems.NotFound e) {
                throw new Problems.ValidationFailed(Genealogy.FIELD, "Batch " + in.batchId() + " was not found");
            }
        }
        // locked (in one order, against deadlocks) and read again: a recall of an input in between either waits for
        // this batch and then recalls it too, or has committed and is seen here
        uses.stream()
                .map(InputUse::batch)
                .distinct()
                .sorted(Comparator.comparing(Batch::getId))
                .forEach(b -> em.refresh(b, LockModeType.PESSIMISTIC_WRITE));
        return uses;
    }

    public Batch update(String id, BatchCommand r) {
        Batch b = manageable(id);
        if (b.getStatus() != BatchStatus.OPEN) {
            throw new Problems.RuleViolated(
                    "batch-not-open",
                    "Batch " + b.getLotCode() + " is " + b.getStatus() + "; only open batches can change");
        }
        if ((r.productId() != null && !r.productId().equals(b.getProduct().getId()))
                || (r.lotCode() != null && !r.lotCode().strip().equals(b.getLotCode()))) {
            throw new Problems.ValidationFailed("lotCode", "The product and lot code of a batch cannot change");
        }
        if (!r.inputs().isEmpty() && !sameInputs(b.getInputs(), r.inputs())) {
            throw new Problems.ValidationFailed(Genealogy.FIELD, "The inputs of a batch are fixed when it is created");
        }
        b.assignZones(resolveZones(r.zoneIds()));
        b.record(r.harvestDate(), r.expiryDate(), r.quantity(), r.unit());
        audit.record(b.getCooperative(), "update", "batch", b.getId(), b.getLotCode());
        lotRecorded.fire(new LotRecorded(b));
        takeSeasons(b);
        return b;
    }

    /** An update may repeat the inputs as they are (a client sending back what it read), never change them. */
    private static boolean sameInputs(List<BatchInput> recorded, List<BatchCommand.Input> given) {
        Map<String, BatchInput> byId = new HashMap<>();
        recorded.forEach(i -> byId.put(i.getInput().getId(), i));
        if (given.size() != recorded.size()) {
            return false;
        }
        for (BatchCommand.Input in : given) {
            BatchInput line = in == null ? null : byId.get(in.batchId());
            if (line == null
                    || (in.quantity() == null
                            ? line.getQuantity() != null
                            : line.getQuantity() == null || in.quantity().compareTo(line.getQuantity()) != 0)) {
                return false;
            }
        }
        return true;
    }

    /** Zones are resolved as readable by the caller: another cooperative's zone is simply "not found". */
    private Set<MaterialZone> resolveZones(Set<String> ids) {
        Set<MaterialZone> result = new LinkedHashSet<>();
        for (String zid : ids) {
            try {
                result.add(zones.readable(zid));
            } catch (Problems.NotFound e) {
                throw new Problems.ValidationFailed("zoneIds", "Zone " + zid + " was not found");
            }
        }
        return result;
    }

    public Batch close(String id) {
        Batch b = manageable(id);
        b.close(clock.instant());
        audit.record(b.getCooperative(), "close", "batch", b.getId(), b.getLotCode());
        lotClosed.fire(new LotClosed(b));
        return b;
    }

    /**
     * Recalls a batch and every batch made from it, at any depth (those already recalled stay as they are), in one
     * transaction: each is audited and announced. Every change goes through the entities, never a bulk update, so
     * the entity listeners and the audit's change signal drop what scans keep in memory for each of them.
     */
    public Batch recall(String id, String reason) {
        Batch b = manageable(id);
        em.refresh(b, LockModeType.PESSIMISTIC_WRITE);
        lockDerived(b);
        Instant at = clock.instant();
        b.recall(reason, at);
        recalled(b);
        for (Batch d : b.recallDerived(at)) {
            recalled(d);
        }
        return b;
    }

    /**
     * Locks every batch made from {@code root}, at any depth, before the recall reads them: a batch being made from
     * one of them (which locks its inputs) is then either seen or waits until the recall committed and sees it.
     */
    private void lockDerived(Batch root) {
        Set<String> seen = new HashSet<>(Set.of(root.getId()));
        Deque<Batch> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            List<Batch> outputs = em.createQuery(
                            "SELECT i.output FROM BatchInput i WHERE i.input = :b ORDER BY i.output.id", Batch.class)
                    .setParameter("b", todo.pop())
                    .getResultList();
            for (Batch out : outputs) {
                if (seen.add(out.getId())) {
                    em.refresh(out, LockModeType.PESSIMISTIC_WRITE);
                    todo.add(out);
                }
            }
        }
    }

    private void recalled(Batch b) {
        audit.record(b.getCooperative(), "recall", "batch", b.getId(), b.getLotCode() + ": " + b.getStatusReason());
        lotRecalled.fire(new LotRecalled(b));
    }

    public List<BatchEvent> events(String batchId) {
        return readable(batchId).getEvents();
    }

    public BatchEvent addEvent(String batchId, EventCommand r) {
        return appendEvent(batchId, r, true);
    }

    /**
     * A diary entry from a spreadsheet import: checked and announced like {@link #addEvent}, but not audited one by
     * one (a file of 50,000 rows is one act, audited once by the import that wrote it).
     */
    public BatchEvent addImportedEvent(String batchId, EventCommand r) {
        return appendEvent(batchId, r, false);
    }

    private BatchEvent appendEvent(String batchId, EventCommand r, boolean audited) {
        Batch b = readable(batchId);
        Caller caller = current.require();
        if (!caller.canRecordDiary(
                b.getCooperative().getId(), b.getCooperative().getCommuneKey())) {
            throw new Problems.Forbidden("Your role (" + caller.role() + ") may not write this cooperative's diary");
        }
        MaterialZone zone = null;
        if (r.zoneId() != null) {
            zone = b.getZones().stream()
                    .filter(z -> z.getId().equals(r.zoneId()))
                    .findFirst()
                    .orElseThrow(() -> new Problems.ValidationFailed(
                            "zoneId", "Zone " + r.zoneId() + " is not a zone of this batch"));
        }
        BatchEvent e = b.appendEvent(
                r.toNewEvent(caller.username(), zone),
                clock.instant(),
                corrected -> !em.createQuery(
                                "SELECT e.id FROM BatchEvent e WHERE e.id = :id AND e.batch = :b", String.class)
                        .setParameter("id", corrected)
                        .setParameter("b", b)
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty());
        em.persist(e);
        if (r.clientId() != null) {
            em.flush(); // a second request with the same client id fails here, inside this call
        }
        if (audited) {
            audit.record(
                    b.getCooperative(),
                    "event",
                    "batch",
                    b.getId(),
                    r.type() + " on lot " + b.getLotCode()
                            + (r.correctsEventId() == null ? "" : " correcting " + r.correctsEventId()));
        }
        diaryEntryAdded.fire(new DiaryEntryAdded(e));
        return e;
    }

    /** The entry this client id made, if it was written on that batch; 409 if the id names another record. */
    public Optional<BatchEvent> eventByClientId(String batchId, String clientId) {
        Batch b = readable(batchId);
        return ClientIds.sameTarget(
                em, BatchEvent.class, clientId, e -> e.getBatch().getId().equals(b.getId()));
    }

    /**
     * A batch harvested from zones takes the diary of each zone's season that holds its harvest day (a batch made
     * from other batches has their diaries, not a season's). Seasons are locked first, so an entry being written in
     * one is either seen here or waits and then joins this batch's diary.
     */
    private void takeSeasons(Batch b) {
        if (!b.getInputs().isEmpty() || b.getHarvestDate() == null) {
            return;
        }
        List<Season> due = em.createQuery(
                        "SELECT s FROM Season s WHERE s.zone.id IN :zones AND s.startsOn <= :day"
                                + " AND (s.endsOn IS NULL OR s.endsOn >= :day) ORDER BY s.id",
                        Season.class)
                .setParameter(
                        "zones", b.getZones().stream().map(MaterialZone::getId).toList())
                .setParameter("day", b.getHarvestDate())
                .getResultList();
        for (Season s : due) {
            if (b.getSeasons().contains(s)) {
                continue;
            }
            em.refresh(s, LockModeType.PESSIMISTIC_WRITE);
            for (BatchEvent copy : b.takeSeason(s)) {
                em.persist(copy);
                diaryEntryAdded.fire(new DiaryEntryAdded(copy));
            }
            audit.record(
                    b.getCooperative(),
                    "season",
                    "batch",
                    b.getId(),
                    "lot " + b.getLotCode() + " took the diary of season " + s.getName() + " of zone "
                            + s.getZone().getCode());
        }
    }
}

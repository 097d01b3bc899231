package vn.temso.batch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.temso.audit.control.AuditLog;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.batch.entity.DiaryEntryAdded;
import vn.temso.batch.entity.LotRecalled;
import vn.temso.batch.entity.LotRecorded;
import vn.temso.batch.entity.NewEvent;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.platform.persistence.PagedQuery;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Tenancy;
import vn.temso.product.control.Products;
import vn.temso.product.entity.Product;
import vn.temso.zone.control.Zones;
import vn.temso.zone.entity.MaterialZone;

/** Use cases on harvest batches and their farm diary. */
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
    Event<LotRecorded> recorded;

    @Inject
    Event<LotRecalled> recalled;

    @Inject
    Event<DiaryEntryAdded> diary;

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
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(tenancy.scope("b.cooperative", params));
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
        String lot = vn.temso.batch.entity.LotCode.validate(r.lotCode());
        if (!em.createQuery("SELECT b.id FROM Batch b WHERE b.product = :p AND b.lotCode = :l", String.class)
                .setParameter("p", product)
                .setParameter("l", lot)
                .getResultList()
                .isEmpty()) {
            throw new Problems.Conflict("Product " + product.getGtin() + " already has a batch with lot " + lot);
        }
        Batch b = new Batch(product, lot, resolveZones(r.zoneIds()), clock.instant());
        b.record(r.harvestDate(), r.expiryDate(), r.quantity(), r.unit());
        em.persist(b);
        recorded.fire(new LotRecorded(b));
        audit.record(b.getCooperative(), "create", "batch", b.getId(), product.getGtin() + " lot " + lot);
        return b;
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
        b.assignZones(resolveZones(r.zoneIds()));
        b.record(r.harvestDate(), r.expiryDate(), r.quantity(), r.unit());
        recorded.fire(new LotRecorded(b));
        audit.record(b.getCooperative(), "update", "batch", b.getId(), b.getLotCode());
        return b;
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
        return b;
    }

    public Batch recall(String id, String reason) {
        Batch b = manageable(id);
        b.recall(reason, clock.instant());
        recalled.fire(new LotRecalled(b));
        audit.record(b.getCooperative(), "recall", "batch", b.getId(), b.getLotCode() + ": " + b.getStatusReason());
        return b;
    }

    public List<BatchEvent> events(String batchId) {
        return readable(batchId).getEvents();
    }

    public BatchEvent addEvent(String batchId, EventCommand r) {
        Batch b = readable(batchId);
        Caller caller = current.require();
        if (!caller.canRecordDiary(b.getCooperative().getId())) {
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
        BatchEvent e = b.addEvent(
                NewEvent.of(r.type(), r.occurredAt(), caller.username())
                        .zone(zone)
                        .actor(r.actor())
                        .note(r.note())
                        .inputName(r.inputName())
                        .dose(r.dose())
                        .preHarvestIntervalDays(r.preHarvestIntervalDays())
                        .correctsEventId(r.correctsEventId())
                        .build(),
                clock.instant());
        em.persist(e);
        diary.fire(new DiaryEntryAdded(e));
        audit.record(
                b.getCooperative(),
                "event",
                "batch",
                b.getId(),
                r.type() + " on lot " + b.getLotCode()
                        + (r.correctsEventId() == null ? "" : " correcting " + r.correctsEventId()));
        return e;
    }
}

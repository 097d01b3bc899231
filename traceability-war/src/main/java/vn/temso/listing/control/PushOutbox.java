package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.temso.audit.control.AuditLog;
import vn.temso.catalog.push.PushResult;
import vn.temso.catalog.push.RetryPolicy;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.listing.entity.Listing;
import vn.temso.listing.entity.OutboxEntry;
import vn.temso.listing.entity.OutboxEntry.Status;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.TenantScope;

/**
 * The push outbox. Every state change is one conditional UPDATE on the row's version, each in its own
 * transaction, so any number of instances can work the same table: only one wins a claim, and a sender whose
 * lease ran out cannot overwrite what the next claimer did. A crash after sending but before marking leaves the
 * row SENDING; when the lease expires it is claimed again and resent with the same idempotency key.
 */
@ApplicationScoped
@Transactional
public class PushOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller current;

    @Inject
    Listings listings;

    @Inject
    Cooperatives cooperatives;

    @Inject
    AuditLog audit;

    /** A claimed row: what to send, and the version that proves we still own it. */
    public record Claim(String id, int version, int attempts, String idempotencyKey, String contentHash, String body) {}

    /** A row that may be sent now, and the version a claim must find it at. */
    public record Due(String id, int version) {}

    /** A queued version of a product, with the product's name and GTIN, for the status list. */
    public record StatusRow(OutboxEntry entry, String productName, String gtin) {}

    /** How many rows are in one status. */
    public record StatusCount(Status status, long count) {}

    /**
     * Rows that may be sent now: pending and due, or claimed by a sender whose lease expired; never a version
     * while an older version of the same product and channel is still unsent (marketplaces get them in order).
     */
    public List<Due> due(Instant now, int limit) {
        return em.createQuery(
                        "SELECT NEW vn.temso.listing.control.PushOutbox.Due(o.id, o.version)"
                                + " FROM OutboxEntry o WHERE"
                                + " ((o.status = :pending AND o.nextAttemptAt <= :now) OR (o.status = :sending AND o.leaseUntil < :now))"
                                + " AND NOT EXISTS (SELECT e.id FROM OutboxEntry e WHERE e.productId = o.productId"
                                + " AND e.channel = o.channel AND e.productVersion < o.productVersion AND e.status IN :open)"
                                + " ORDER BY o.nextAttemptAt",
                        Due.class)
                .setParameter("pending", Status.PENDING)
                .setParameter("sending", Status.SENDING)
                .setParameter("now", now)
                .setParameter("open", List.of(Status.PENDING, Status.SENDING))
                .setMaxResults(limit)
                .getResultList();
    }

    /** Claims a row if it is still in the state {@link #due} saw; null if another sender was faster. */
    public Claim claim(String id, int version, Instant now, Duration lease) {
        int won = em.createQuery("UPDATE OutboxEntry o SET o.status = :sending, o.leaseUntil = :lease,"
                        + " o.attempts = o.attempts + 1, o.version = o.version + 1, o.updatedAt = :now"
                        + " WHERE o.id = :id AND o.version = :v"
                        + " AND (o.status = :pending OR (o.status = :sending AND o.leaseUntil < :now))")
                .setParameter("sending", Status.SENDING)
                .setParameter("pending", Status.PENDING)
                .setParameter("lease", now.plus(lease))
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("v", version)
                .executeUpdate();
        if (won != 1) {
            return null;
        }
        OutboxEntry o = em.find(OutboxEntry.class, id);
        em.refresh(o);
        return new Claim(
                o.getId(), o.getVersion(), o.getAttempts(), o.getIdempotencyKey(), o.getContentHash(), o.getBody());
    }

    /** Records the outcome of the attempt made under {@code claim}; ignored if the claim was lost meanwhile. */
    public boolean complete(Claim claim, PushResult result, RetryPolicy.Decision decision, Instant now) {
        String error = decision.reason();
        if (error != null && error.length() > 1200) {
            error = error.substring(0, 1200);
        }
        Status status = switch (decision.action()) {
            case DONE -> Status.SYNCED;
            case RETRY -> Status.PENDING;
            case FAILED -> Status.FAILED;
        };
        return em.createQuery(
                                "UPDATE OutboxEntry o SET o.status = :s, o.nextAttemptAt = :next, o.leaseUntil = NULL,"
                                        + " o.lastError = :err, o.httpStatus = :http, o.syncedAt = :synced, o.updatedAt = :now,"
                                        + " o.version = o.version + 1 WHERE o.id = :id AND o.version = :v AND o.status = :sending")
                        .setParameter("s", status)
                        .setParameter("next", now.plus(decision.delay()))
                        .setParameter("err", status == Status.SYNCED ? null : error)
                        .setParameter("http", result.httpStatus() == 0 ? null : result.httpStatus())
                        .setParameter("synced", status == Status.SYNCED ? now : null)
                        .setParameter("now", now)
                        .setParameter("id", claim.id())
                        .setParameter("v", claim.version())
                        .setParameter("sending", Status.SENDING)
                        .executeUpdate()
                == 1;
    }

    /** Staff retry: the failed versions of a listing go back to pending with a fresh attempt count. */
    public int retry(String listingId) {
        Listing l = listings.readable(listingId);
        Cooperative coop = cooperatives.manageable(l.getCooperativeId());
        int n = em.createQuery(
                        "UPDATE OutboxEntry o SET o.status = :pending, o.attempts = 0, o.nextAttemptAt = :now,"
                                + " o.updatedAt = :now, o.version = o.version + 1 WHERE o.listingId = :l AND o.status = :failed")
                .setParameter("pending", Status.PENDING)
                .setParameter("failed", Status.FAILED)
                .setParameter("now", clock.instant())
                .setParameter("l", l.getId())
                .executeUpdate();
        if (n == 0) {
            throw new Problems.Conflict("Listing " + listingId + " has no failed push to retry");
        }
        audit.record(
                coop,
                "retry",
                "listing",
                l.getId(),
                n + " failed push(es) of " + l.getProduct().getGtin() + " queued again");
        return n;
    }

    /** Per-version push status of the listings the caller may read, newest first. */
    public Page<StatusRow> status(String cooperativeId, String productId, Status status, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(TenantScope.condition(current.require(), "c", params));
        if (cooperativeId != null) {
            where.append(" AND c.id = :coop");
            params.put("coop", cooperativeId);
        }
        if (productId != null) {
            where.append(" AND o.productId = :product");
            params.put("product", productId);
        }
        if (status != null) {
            where.append(" AND o.status = :status");
            params.put("status", status);
        }
        String from =
                " FROM OutboxEntry o, Cooperative c, Product p WHERE c.id = o.cooperativeId AND p.id = o.productId AND ";
        var q = em.createQuery(
                "SELECT NEW vn.temso.listing.control.PushOutbox.StatusRow(o, p.name, p.gtin)" + from + where
                        + " ORDER BY o.createdAt DESC, o.productVersion DESC",
                StatusRow.class);
        var c = em.createQuery("SELECT COUNT(o)" + from + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            c.setParameter(k, v);
        });
        return new Page<>(
                q.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                page.page(),
                page.size(),
                c.getSingleResult());
    }

    /** Counts per status in the caller's scope. */
    public Map<String, Long> counts(String cooperativeId) {
        Map<String, Object> params = new HashMap<>();
        String where = TenantScope.condition(current.require(), "c", params);
        if (cooperativeId != null) {
            where += " AND c.id = :coop";
            params.put("coop", cooperativeId);
        }
        var q = em.createQuery(
                "SELECT NEW vn.temso.listing.control.PushOutbox.StatusCount(o.status, COUNT(o))"
                        + " FROM OutboxEntry o, Cooperative c WHERE c.id = o.cooperativeId AND " + where
                        + " GROUP BY o.status",
                StatusCount.class);
        params.forEach(q::setParameter);
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Status s : Status.values()) {
            counts.put(s.name(), 0L);
        }
        q.getResultList().forEach(r -> counts.put(r.status().name(), r.count()));
        return counts;
    }
}

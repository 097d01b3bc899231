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
import vn.temso.platform.outbox.Outbox;
import vn.temso.platform.outbox.OutboxQueue;
import vn.temso.platform.outbox.OutboxStatus;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.TenantScope;

/**
 * The push outbox of catalog listings: the {@code push_outbox} table worked through the shared {@link Outbox} (claims
 * and outcomes as conditional updates, safe for any number of instances), with the one rule of its own that versions
 * of a product go out in order.
 */
@ApplicationScoped
@Transactional
public class PushOutbox implements OutboxQueue {

    /** The statuses a push row can have (a push is never held or superseded). */
    static final List<OutboxStatus> STATUSES =
            List.of(OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.SYNCED, OutboxStatus.FAILED);

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

    @Inject
    Outbox outbox;

    /** A queued version of a product, with the product's name and GTIN, for the status list. */
    public record StatusRow(OutboxEntry entry, String productName, String gtin) {}

    /**
     * Rows that may be sent now: pending and due, or claimed by a sender whose lease expired; never a version
     * while an older version of the same product and channel is still unsent (marketplaces get them in order).
     */
    @Override
    public List<Outbox.Due> due(Instant now, int limit) {
        var q = em.createQuery(
                "SELECT NEW vn.temso.platform.outbox.Outbox.Due(o.id, o.version) FROM OutboxEntry o WHERE "
                        + Outbox.dueCondition("o")
                        + " AND NOT EXISTS (SELECT e.id FROM OutboxEntry e WHERE e.productId = o.productId"
                        + " AND e.channel = o.channel AND e.productVersion < o.productVersion AND e.status IN :open)"
                        + " ORDER BY o.nextAttemptAt",
                Outbox.Due.class);
        Outbox.dueParameters(q, now);
        return q.setParameter("open", List.of(OutboxStatus.PENDING, OutboxStatus.SENDING))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Outbox.Claim claim(String id, int version, Instant now, Duration lease) {
        return outbox.claim(OutboxEntry.class, id, version, now, lease);
    }

    @Override
    public boolean complete(Outbox.Claim claim, PushResult result, RetryPolicy.Decision decision, Instant now) {
        return outbox.complete(OutboxEntry.class, claim, result, decision, now);
    }

    /** Staff retry: the failed versions of a listing go back to pending with a fresh attempt count. */
    public int retry(String listingId) {
        Listing l = listings.readable(listingId);
        Cooperative coop = cooperatives.manageable(l.getCooperativeId());
        int n = outbox.retryFailed(OutboxEntry.class, "o.listingId = :l", Map.of("l", l.getId()), clock.instant());
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
    public Page<StatusRow> status(String cooperativeId, String productId, OutboxStatus status, PageRequest page) {
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
        return outbox.counts(
                "FROM OutboxEntry o, Cooperative c WHERE c.id = o.cooperativeId AND " + where, params, STATUSES);
    }
}

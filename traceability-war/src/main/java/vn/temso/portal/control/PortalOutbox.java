package vn.temso.portal.control;

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
import vn.temso.batch.entity.Batch;
import vn.temso.catalog.push.PushResult;
import vn.temso.catalog.push.RetryPolicy;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.outbox.Outbox;
import vn.temso.platform.outbox.OutboxQueue;
import vn.temso.platform.outbox.OutboxStatus;
import vn.temso.platform.persistence.PagedQuery;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.TenantScope;
import vn.temso.portal.entity.PortalOutboxEntry;

/**
 * The {@code portal_outbox} table worked through the shared {@link Outbox}: any number of instances may send, each row
 * is claimed by one, a version of a lot waits while an older one is being sent. Queuing a new version supersedes the
 * lot's unsent older ones.
 */
@ApplicationScoped
@Transactional
public class PortalOutbox implements OutboxQueue {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller current;

    @Inject
    Cooperatives cooperatives;

    @Inject
    AuditLog audit;

    /** A queued version with its lot's number and product, for the status list. */
    public record StatusRow(PortalOutboxEntry entry, String lotCode, String productName) {}

    @Override
    public List<Outbox.Due> due(Instant now, int limit) {
        var q = em.createQuery(
                "SELECT NEW vn.temso.platform.outbox.Outbox.Due(o.id, o.version) FROM PortalOutboxEntry o WHERE "
                        + Outbox.dueCondition("o")
                        + " AND NOT EXISTS (SELECT e.id FROM PortalOutboxEntry e WHERE e.batchId = o.batchId"
                        + " AND e.recordVersion < o.recordVersion AND e.status = :sending)"
                        + " ORDER BY o.nextAttemptAt",
                Outbox.Due.class);
        Outbox.dueParameters(q, now);
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public Outbox.Claim claim(String id, int version, Instant now, Duration lease) {
        return outbox.claim(PortalOutboxEntry.class, id, version, now, lease);
    }

    @Override
    public boolean complete(Outbox.Claim claim, PushResult result, RetryPolicy.Decision decision, Instant now) {
        return outbox.complete(PortalOutboxEntry.class, claim, result, decision, now);
    }

    /** The newest version queued for a lot, or null. */
    public PortalOutboxEntry latest(String batchId) {
        return em.createQuery(
                        "SELECT o FROM PortalOutboxEntry o WHERE o.batchId = :b ORDER BY o.recordVersion DESC",
                        PortalOutboxEntry.class)
                .setParameter("b", batchId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * Queues a lot's record unless its newest version has the same content hash: the next version, PENDING, or HELD
     * with the missing fields; the lot's unsent older versions are superseded.
     *
     * @return the new row, or null when nothing changed
     */
    public PortalOutboxEntry queue(
            String batchId, String cooperativeId, String contentHash, String body, String missing, Instant now) {
        PortalOutboxEntry last = latest(batchId);
        if (last != null && last.getContentHash().equals(contentHash)) {
            return null;
        }
        int version = last == null ? 1 : last.getRecordVersion() + 1;
        outbox.supersede(PortalOutboxEntry.class, "o.batchId = :b", Map.of("b", batchId), now);
        PortalOutboxEntry row = new PortalOutboxEntry(
                batchId,
                cooperativeId,
                version,
                contentHash,
                idempotencyKey(batchId, version, contentHash),
                body,
                missing,
                now);
        em.persist(row);
        return row;
    }

    /**
     * The key a version is sent with, {@code <batch id>:<record version>:<content hash>}: a resend of the same version
     * carries the same key (the portal applies it once), a change is a new version with a new key, even when it
     * returns to an earlier content (A → B → A delivers the second A).
     */
    static String idempotencyKey(String batchId, int version, String contentHash) {
        return batchId + ":" + version + ":" + contentHash;
    }

    /** Staff retry of a FAILED version (managers of its cooperative, admins): back to PENDING, fresh attempts. */
    public StatusRow retry(String id) {
        PortalOutboxEntry row = id == null || id.length() > 36 ? null : em.find(PortalOutboxEntry.class, id);
        if (row == null) {
            throw new Problems.NotFound("Portal outbox entry", String.valueOf(id));
        }
        Cooperative coop;
        try {
            coop = cooperatives.readable(row.getCooperativeId());
        } catch (Problems.NotFound e) {
            throw new Problems.NotFound("Portal outbox entry", id); // another cooperative's: as if it did not exist
        }
        cooperatives.manageable(coop.getId());
        int n = outbox.retryFailed(PortalOutboxEntry.class, "o.id = :id", Map.of("id", id), clock.instant());
        if (n == 0) {
            throw new Problems.Conflict(
                    "Portal outbox entry " + id + " is " + row.getStatus() + "; only a FAILED one can be retried");
        }
        audit.record(
                coop,
                "retry",
                "portal-record",
                row.getBatchId(),
                "version " + row.getRecordVersion() + " queued again for the national portal");
        em.refresh(row);
        Batch b = em.find(Batch.class, row.getBatchId());
        return new StatusRow(row, b.getLotCode(), b.getProduct().getName());
    }

    /** Counts per status of the rows the caller may read. */
    public Map<String, Long> counts() {
        Map<String, Object> params = new HashMap<>();
        String where = TenantScope.condition(current.require(), "c", params);
        return outbox.counts(
                "FROM PortalOutboxEntry o, Cooperative c WHERE c.id = o.cooperativeId AND " + where,
                params,
                List.of(OutboxStatus.values()));
    }

    /** The rows the caller may read, optionally of one status, the most recently changed first. */
    public Page<StatusRow> rows(OutboxStatus status, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("o.cooperativeId IN (SELECT c.id FROM Cooperative c WHERE "
                + TenantScope.condition(current.require(), "c", params) + ")");
        if (status != null) {
            where.append(" AND o.status = :status");
            params.put("status", status);
        }
        Page<PortalOutboxEntry> p = PagedQuery.page(
                em,
                PortalOutboxEntry.class,
                "PortalOutboxEntry o",
                where.toString(),
                "o.updatedAt DESC, o.id",
                params,
                page);
        return new Page<>(
                p.items().stream()
                        .map(o -> {
                            Batch b = em.find(Batch.class, o.getBatchId());
                            return new StatusRow(
                                    o, b.getLotCode(), b.getProduct().getName());
                        })
                        .toList(),
                p.page(),
                p.size(),
                p.total());
    }

    /** The most recent delivery error in the caller's scope, or null. */
    public PortalOutboxEntry lastError() {
        Map<String, Object> params = new HashMap<>();
        String where = TenantScope.condition(current.require(), "c", params);
        var q = em.createQuery(
                "SELECT o FROM PortalOutboxEntry o, Cooperative c WHERE c.id = o.cooperativeId AND o.lastError IS NOT"
                        + " NULL AND " + where + " ORDER BY o.updatedAt DESC",
                PortalOutboxEntry.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(1).getResultStream().findFirst().orElse(null);
    }
}

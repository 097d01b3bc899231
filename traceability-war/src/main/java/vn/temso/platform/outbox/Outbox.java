package vn.temso.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.temso.catalog.push.PushResult;
import vn.temso.catalog.push.RetryPolicy;

/**
 * The state changes of any outbox table whose entity extends {@link OutboxRow}. Every change is one conditional UPDATE
 * on the row's version, each in its own transaction, so any number of instances can work the same table: only one
 * wins a claim, and a sender whose lease ran out cannot overwrite what the next claimer did. A crash after sending but
 * before marking leaves the row SENDING; when the lease expires it is claimed again and resent with the same
 * idempotency key.
 */
@ApplicationScoped
@Transactional
public class Outbox {

    /** Longest error text kept (the column's size). */
    public static final int MAX_ERROR = 1200;

    @PersistenceContext
    EntityManager em;

    /** A claimed row: what to send, and the version that proves we still own it. */
    public record Claim(String id, int version, int attempts, String idempotencyKey, String contentHash, String body) {}

    /** A row that may be sent now, and the version a claim must find it at. */
    public record Due(String id, int version) {}

    /** How many rows are in one status. */
    public record StatusCount(OutboxStatus status, long count) {}

    /** The JPQL condition of rows a sender may take now: pending and due, or claimed with a lease run out. */
    public static String dueCondition(String alias) {
        return "((" + alias + ".status = :pending AND " + alias + ".nextAttemptAt <= :now) OR (" + alias
                + ".status = :sending AND " + alias + ".leaseUntil < :now))";
    }

    /** The parameters of {@link #dueCondition}. */
    public static void dueParameters(Query q, Instant now) {
        q.setParameter("pending", OutboxStatus.PENDING)
                .setParameter("sending", OutboxStatus.SENDING)
                .setParameter("now", now);
    }

    /** Claims a row if it is still in the state the caller saw; null if another sender was faster. */
    public Claim claim(Class<? extends OutboxRow> type, String id, int version, Instant now, Duration lease) {
        int won = em.createQuery("UPDATE " + entity(type) + " o SET o.status = :sending, o.leaseUntil = :lease,"
                        + " o.attempts = o.attempts + 1, o.version = o.version + 1, o.updatedAt = :now"
                        + " WHERE o.id = :id AND o.version = :v"
                        + " AND (o.status = :pending OR (o.status = :sending AND o.leaseUntil < :now))")
                .setParameter("sending", OutboxStatus.SENDING)
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("lease", now.plus(lease))
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("v", version)
                .executeUpdate();
        if (won != 1) {
            return null;
        }
        OutboxRow o = em.find(type, id);
        em.refresh(o);
        return new Claim(
                o.getId(), o.getVersion(), o.getAttempts(), o.getIdempotencyKey(), o.getContentHash(), o.getBody());
    }

    /** Records the outcome of the attempt made under {@code claim}; ignored if the claim was lost meanwhile. */
    public boolean complete(
            Class<? extends OutboxRow> type,
            Claim claim,
            PushResult result,
            RetryPolicy.Decision decision,
            Instant now) {
        OutboxStatus status = switch (decision.action()) {
            case DONE -> OutboxStatus.SYNCED;
            case RETRY -> OutboxStatus.PENDING;
            case FAILED -> OutboxStatus.FAILED;
        };
        return em.createQuery(
                                "UPDATE " + entity(type)
                                        + " o SET o.status = :s, o.nextAttemptAt = :next, o.leaseUntil = NULL,"
                                        + " o.lastError = :err, o.httpStatus = :http, o.syncedAt = :synced, o.updatedAt = :now,"
                                        + " o.version = o.version + 1 WHERE o.id = :id AND o.version = :v AND o.status = :sending")
                        .setParameter("s", status)
                        .setParameter("next", now.plus(decision.delay()))
                        .setParameter("err", status == OutboxStatus.SYNCED ? null : clip(decision.reason()))
                        .setParameter("http", result.httpStatus() == 0 ? null : result.httpStatus())
                        .setParameter("synced", status == OutboxStatus.SYNCED ? now : null)
                        .setParameter("now", now)
                        .setParameter("id", claim.id())
                        .setParameter("v", claim.version())
                        .setParameter("sending", OutboxStatus.SENDING)
                        .executeUpdate()
                == 1;
    }

    /**
     * Puts the FAILED rows that also match {@code condition} (JPQL on alias {@code o}) back to PENDING with a fresh
     * attempt count.
     *
     * @return rows queued again
     */
    public int retryFailed(Class<? extends OutboxRow> type, String condition, Map<String, Object> params, Instant now) {
        Query q = em.createQuery("UPDATE " + entity(type)
                        + " o SET o.status = :pending, o.attempts = 0, o.nextAttemptAt = :now, o.updatedAt = :now,"
                        + " o.version = o.version + 1 WHERE o.status = :failed AND " + condition)
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("failed", OutboxStatus.FAILED)
                .setParameter("now", now);
        params.forEach(q::setParameter);
        return q.executeUpdate();
    }

    /**
     * Marks the unsent rows (pending, held or failed; never one being sent) that match {@code condition} superseded:
     * a newer version of the same record replaces them.
     */
    public int supersede(Class<? extends OutboxRow> type, String condition, Map<String, Object> params, Instant now) {
        Query q = em.createQuery("UPDATE " + entity(type) + " o SET o.status = :superseded, o.updatedAt = :now,"
                        + " o.leaseUntil = NULL, o.version = o.version + 1 WHERE o.status IN :unsent AND " + condition)
                .setParameter("superseded", OutboxStatus.SUPERSEDED)
                .setParameter("unsent", List.of(OutboxStatus.PENDING, OutboxStatus.HELD, OutboxStatus.FAILED))
                .setParameter("now", now);
        params.forEach(q::setParameter);
        return q.executeUpdate();
    }

    /**
     * Counts per status of the rows {@code from} names (JPQL from the FROM keyword on, with the row as {@code o}),
     * every status in {@code shown} present (0 when none).
     */
    public Map<String, Long> counts(String from, Map<String, Object> params, List<OutboxStatus> shown) {
        var q = em.createQuery(
                "SELECT NEW vn.temso.platform.outbox.Outbox.StatusCount(o.status, COUNT(o)) " + from
                        + " GROUP BY o.status",
                StatusCount.class);
        params.forEach(q::setParameter);
        Map<String, Long> counts = new TreeMap<>();
        shown.forEach(s -> counts.put(s.name(), 0L));
        q.getResultList().stream()
                .filter(r -> shown.contains(r.status()))
                .forEach(r -> counts.put(r.status().name(), r.count()));
        return counts;
    }

    private String entity(Class<? extends OutboxRow> type) {
        return em.getMetamodel().entity(type).getName();
    }

    private static String clip(String error) {
        return error != null && error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    }
}

package vn.temso.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import vn.temso.audit.entity.AuditEntry;
import vn.temso.platform.persistence.ChangeSignal;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Tenant;

/**
 * Records changes in the caller's transaction, so a change and its audit entry commit or fail together. Every audited
 * change is also signalled to the cluster ({@link ChangeSignal}): what public pages show may have changed.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller caller;

    @Inject
    ChangeSignal changes;

    /**
     * Records a change to a cooperative's data (or to none: {@code coop} null). A change a community digital team
     * member makes is recorded as done on behalf of that cooperative ({@link Caller#actsOnBehalfOf}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Tenant coop, String action, String entityType, String entityId, String summary) {
        Optional<Caller> who = caller.get();
        String coopId = coop == null ? null : coop.getId();
        em.persist(new AuditEntry(
                who.map(Caller::username).orElse("system"),
                who.map(c -> c.role().name()).orElse(null),
                who.filter(c -> c.actsOnBehalfOf(coopId)).map(c -> coopId).orElse(null),
                coopId,
                coop == null ? null : coop.getCommuneKey(),
                action,
                entityType,
                entityId,
                summary,
                clock.instant()));
        // once per transaction: the counter only tells other instances that something changed (an import of 50,000
        // diary rows made 50,000 counter updates, each flushing the persistence context before it)
        changes.changedOnce();
    }
}

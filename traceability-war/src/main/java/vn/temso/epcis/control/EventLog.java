package vn.temso.epcis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import vn.temso.epcis.entity.EpcisEvent;
import vn.temso.epcis.entity.EventEpc;
import vn.temso.epcis.entity.EventKind;
import vn.temso.platform.persistence.ChangeSignal;

/**
 * Appends events, in the caller's transaction. An event whose id is already held is left as it is: projecting a
 * record twice (live, then by the backfill) is harmless.
 * <p>
 * A partner's event ({@link EventKind#CAPTURED}) changes what the lot's trace page shows (its chain of custody), and
 * no record of Temso's changed with it: appending one signals the change ({@link ChangeSignal#changedOnce}, once per
 * transaction), so cached trace pages are dropped at once here and within the poll interval on the other instances
 * of a cluster. Temso's own events need no signal of their own: the record they come from signalled already.
 */
@ApplicationScoped
public class EventLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    ChangeSignal changes;

    /** @return whether the event was new */
    public boolean append(EventProjection.Projected p) {
        if (em.find(EpcisEvent.class, p.event().getEventId()) != null) {
            return false;
        }
        appendNew(p);
        return true;
    }

    /**
     * The event of a record written in this transaction, whose id cannot be held yet: not looked up first (a diary
     * import appends 50,000 of them).
     */
    public void appendNew(EventProjection.Projected p) {
        EpcisEvent e = p.event();
        em.persist(e);
        p.classes().stream().distinct().forEach(c -> em.persist(new EventEpc(e.getEventId(), c, true)));
        p.instances().stream().distinct().forEach(c -> em.persist(new EventEpc(e.getEventId(), c, false)));
        if (e.getKind() == EventKind.CAPTURED) {
            changes.changedOnce();
        }
    }

    public boolean holds(String eventId) {
        return em.find(EpcisEvent.class, eventId) != null;
    }

    /** Declares an event wrong (if held and not declared yet), naming the events that correct it. */
    public void declareError(String eventId, Instant at, String reason, List<String> correctiveIds) {
        EpcisEvent e = em.find(EpcisEvent.class, eventId);
        if (e != null) {
            e.declareError(at, reason, correctiveIds);
            if (e.getKind() == EventKind.CAPTURED) {
                changes.changedOnce(); // the step leaves the trace page
            }
        }
    }
}

package vn.temso.epcis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import vn.temso.epcis.entity.EpcisEvent;
import vn.temso.epcis.entity.EventEpc;

/**
 * Appends events, in the caller's transaction. An event whose id is already held is left as it is: projecting a
 * record twice (live, then by the backfill) is harmless.
 */
@ApplicationScoped
public class EventLog {

    @PersistenceContext
    EntityManager em;

    /** @return whether the event was new */
    public boolean append(EventProjection.Projected p) {
        EpcisEvent e = p.event();
        if (em.find(EpcisEvent.class, e.getEventId()) != null) {
            return false;
        }
        em.persist(e);
        p.classes().stream().distinct().forEach(c -> em.persist(new EventEpc(e.getEventId(), c, true)));
        p.instances().stream().distinct().forEach(c -> em.persist(new EventEpc(e.getEventId(), c, false)));
        return true;
    }

    public boolean holds(String eventId) {
        return em.find(EpcisEvent.class, eventId) != null;
    }

    /** Declares an event wrong (if held and not declared yet), naming the events that correct it. */
    public void declareError(String eventId, Instant at, String reason, List<String> correctiveIds) {
        EpcisEvent e = em.find(EpcisEvent.class, eventId);
        if (e != null) {
            e.declareError(at, reason, correctiveIds);
        }
    }
}

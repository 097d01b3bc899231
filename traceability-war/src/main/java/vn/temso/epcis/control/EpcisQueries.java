package vn.temso.epcis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import vn.temso.batch.entity.Batch;
import vn.temso.epcis.entity.EventKind;
import vn.temso.epcis.entity.Identifiers;
import vn.temso.epcis.entity.StampRange;
import vn.temso.platform.persistence.KeysetPages;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.TenantScope;
import vn.temso.stamping.entity.Stamp;

/**
 * Reads events for the query interface, filtered in the database and ordered by event time then id (keyset pages:
 * a deep page costs what the first does). Signed-in callers (and partner keys) see their cooperatives' events as
 * everywhere in Temso; an anonymous caller sees what the public trace page shows, and only by naming a lot or a
 * stamp.
 */
@ApplicationScoped
public class EpcisQueries {

    /** MATCH_epc / MATCH_anyEPCClass values one query may name. */
    public static final int MAX_IDENTIFIERS = 50;

    private static final int EXPORT_PAGE = 2000;
    private static final List<EventKind> PUBLIC_KINDS = java.util.Arrays.stream(EventKind.values())
            .filter(EventKind::shownPublicly)
            .toList();
    private static final int SERIAL_PAGE = 5000;

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    /** Up to {@code size + 1} events after {@code after} (null: from the first): one more tells there is a next page. */
    public List<EventRow> page(EventFilter f, EventRow.Cursor after, int size) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope(f, params));
        in(where, params, "e.eventType", "types", f.eventTypes(), UnaryOperator.identity());
        in(where, params, "e.bizStep", "steps", f.bizSteps(), Vocabulary::bizStep);
        in(where, params, "e.disposition", "disps", f.dispositions(), Vocabulary::disposition);
        in(where, params, "e.bizLocation", "locs", f.bizLocations(), String::strip);
        if (f.geEventTime() != null) {
            where.append(" AND e.eventTime >= :ge");
            params.put("ge", f.geEventTime());
        }
        if (f.ltEventTime() != null) {
            where.append(" AND e.eventTime < :lt");
            params.put("lt", f.ltEventTime());
        }
        if (!f.epcClasses().isEmpty()) {
            // no "c.classLevel = TRUE": EclipseLink writes it as CLASS_LEVEL = 1, which Derby refuses (BOOLEAN =
            // INTEGER); a canonical class (/01/{gtin}/10/{lot}) is never an instance (/01/{gtin}/21/{serial}) anyway
            where.append(" AND EXISTS (SELECT c.epc FROM EventEpc c WHERE c.eventId = e.eventId"
                    + " AND c.epc IN :classes)");
            params.put(
                    "classes",
                    f.epcClasses().stream().map(EpcisQueries::canonical).toList());
        }
        if (!f.epcs().isEmpty()) {
            matchEpcs(where, params, f.epcs());
        }
        return run(where, params, after, size + 1);
    }

    /** One event, if the caller may see it. */
    public EventRow one(String eventId) {
        Map<String, Object> params = new HashMap<>();
        Optional<Caller> caller = current.get();
        String scope =
                caller.isPresent() ? TenantScope.condition(caller.get(), "e.cooperative", params) : publicOnly(params);
        params.put("id", eventId);
        List<EventRow> rows = query(EventRow.SELECT + " WHERE " + scope + " AND e.eventId = :id", params, 1);
        if (rows.isEmpty()) {
            throw new Problems.NotFound("Event", eventId);
        }
        return rows.get(0);
    }

    /**
     * Every event about a lot, streamed page by page: the lot's own events, and those naming its class (a partner's
     * shipping, the transformation that used it as an input). Two index-served reads merged in event order (one
     * "batch = ? OR names the class" read walked the whole log for every page). The caller has checked the lot is
     * readable.
     */
    public Stream<EventRow> ofBatch(Batch b) {
        Stream<EventRow> own = pages("e.batchId = :b", Map.of("b", b.getId()));
        Stream<EventRow> naming = pages(
                "e.eventId IN (SELECT c.eventId FROM EventEpc c WHERE c.epc = :cls)"
                        + " AND (e.batchId IS NULL OR e.batchId <> :b)",
                Map.of("b", b.getId(), "cls", EventProjection.lotClass(b)));
        return InOrder.merge(own, naming, EventRow.ORDER);
    }

    private Stream<EventRow> pages(String condition, Map<String, Object> fixed) {
        return KeysetPages.stream(
                (EventRow.Cursor) null,
                EXPORT_PAGE,
                (after, size) -> run(new StringBuilder(condition), new HashMap<>(fixed), after, size),
                EventRow::cursor);
    }

    /** A stamp's issue number and serial. */
    public record Serial(int seq, String serial) {}

    /** The serials of a stamp range in issue order, page by page. */
    public Stream<String> serials(String batchId, StampRange range) {
        String jobCondition = range.jobId() == null ? "" : " AND s.jobId = :j";
        return KeysetPages.stream(
                        range.fromSeq() - 1,
                        SERIAL_PAGE,
                        (after, size) -> {
                            TypedQuery<Serial> q = em.createQuery(
                                            "SELECT NEW vn.temso.epcis.control.EpcisQueries.Serial(s.seq, s.serial)"
                                                    + " FROM Stamp s WHERE s.batch.id = :b AND s.seq > :after"
                                                    + " AND s.seq <= :to" + jobCondition + " ORDER BY s.seq",
                                            Serial.class)
                                    .setParameter("b", batchId)
                                    .setParameter("after", after)
                                    .setParameter("to", range.toSeq())
                                    .setMaxResults(size);
                            if (range.jobId() != null) {
                                q.setParameter("j", range.jobId());
                            }
                            return q.getResultList();
                        },
                        Serial::seq)
                .map(Serial::serial);
    }

    /** The GTIN of a batch's product (stamps carry it). */
    public String gtinOf(String batchId) {
        return em.createQuery("SELECT b.product.gtin FROM Batch b WHERE b.id = :b", String.class)
                .setParameter("b", batchId)
                .getSingleResult();
    }

    private String scope(EventFilter f, Map<String, Object> params) {
        Optional<Caller> caller = current.get();
        if (caller.isPresent()) {
            return TenantScope.condition(caller.get(), "e.cooperative", params);
        }
        if (!f.namesObjects()) {
            throw new Problems.Unauthenticated("Sign in (or use a partner key) to query events; without signing in,"
                    + " name a lot or a stamp with MATCH_anyEPCClass or MATCH_epc to see what its trace page shows");
        }
        return publicOnly(params);
    }

    /**
     * The events a buyer may see (what the trace page shows), by kind: "e.shownPublicly = TRUE" would be written as
     * SHOWN_PUBLICLY = 1, which Derby refuses (BOOLEAN = INTEGER).
     */
    private static String publicOnly(Map<String, Object> params) {
        params.put("publicKinds", PUBLIC_KINDS);
        return "e.kind IN :publicKinds";
    }

    /**
     * Events naming one of the EPCs: listed in the event, or inside one of Temso's stamp ranges (a stamp is found by
     * its GS1 key and matched by its lot and issue number).
     */
    private void matchEpcs(StringBuilder where, Map<String, Object> params, List<String> epcs) {
        List<String> canonical = epcs.stream().map(EpcisQueries::canonical).toList();
        // instances by their canonical URI (never a class's, see page())
        where.append(" AND (EXISTS (SELECT c.epc FROM EventEpc c WHERE c.eventId = e.eventId" + " AND c.epc IN :epcs)");
        params.put("epcs", canonical);
        int n = 0;
        for (String epc : epcs) {
            Optional<Identifiers.Key> key = Identifiers.parse(epc.strip());
            if (key.isEmpty() || key.get().serial() == null) {
                continue;
            }
            Stamp s =
                    em.find(Stamp.class, Stamp.idFor(key.get().gtin(), key.get().serial()));
            if (s == null) {
                continue;
            }
            where.append(" OR (e.batchId = :sb")
                    .append(n)
                    .append(" AND e.stampFrom <= :ss")
                    .append(n)
                    .append(" AND e.stampTo >= :ss")
                    .append(n)
                    .append(" AND (e.stampJobId IS NULL OR e.stampJobId = :sj")
                    .append(n)
                    .append("))");
            params.put("sb" + n, s.getBatch().getId());
            params.put("ss" + n, s.getSeq());
            params.put("sj" + n, s.getJobId() == null ? "" : s.getJobId());
            n++;
        }
        where.append(')');
    }

    /** A Digital Link URI as Temso writes it (id.gs1.org, canonical path); any other identifier as given. */
    static String canonical(String epc) {
        String v = epc.strip();
        return Identifiers.parse(v)
                .map(Identifiers.Key::canonical)
                .filter(c -> c != null)
                .orElse(v);
    }

    private static void in(
            StringBuilder where,
            Map<String, Object> params,
            String path,
            String name,
            List<String> values,
            UnaryOperator<String> normalise) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(path).append(" IN :").append(name);
            params.put(name, values.stream().map(normalise).distinct().toList());
        }
    }

    private List<EventRow> run(StringBuilder where, Map<String, Object> params, EventRow.Cursor after, int limit) {
        if (after != null) {
            // "eventTime >= :ct" as well: a start key for the index (the OR alone is not one)
            where.append(" AND e.eventTime >= :ct AND (e.eventTime > :ct OR e.eventId > :ci)");
            params.put("ct", after.eventTime());
            params.put("ci", after.eventId());
        }
        return query(EventRow.SELECT + " WHERE " + where + " ORDER BY e.eventTime, e.eventId", params, limit);
    }

    private List<EventRow> query(String jpql, Map<String, Object> params, int limit) {
        TypedQuery<EventRow> q = em.createQuery(jpql, EventRow.class).setMaxResults(limit);
        params.forEach(q::setParameter);
        return new ArrayList<>(q.getResultList());
    }
}

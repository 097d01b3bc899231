package vn.temso.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.TenantScope;

/** Counts for the dashboard, filtered to what the signed-in user may see. */
@Named
@RequestScoped
public class DashboardBean {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    private Map<String, Long> counts;

    @Transactional
    public Map<String, Long> getCounts() {
        if (counts == null) {
            counts = new HashMap<>();
            counts.put("zones", count("SELECT COUNT(z) FROM MaterialZone z WHERE ", "z.cooperative"));
            counts.put("batches", count("SELECT COUNT(b) FROM Batch b WHERE ", "b.cooperative"));
            counts.put("stamps", count("SELECT COUNT(s) FROM Stamp s WHERE ", "s.batch.cooperative"));
            counts.put(
                    "scans",
                    count("SELECT COUNT(c) FROM Scan c, Stamp s WHERE c.stampId = s.id AND ", "s.batch.cooperative"));
            counts.put(
                    "suspicious",
                    count("SELECT COUNT(s) FROM Stamp s WHERE s.flaggedAt IS NOT NULL AND ", "s.batch.cooperative"));
            counts.put(
                    "reports",
                    count("SELECT COUNT(r) FROM BuyerReport r, Cooperative c WHERE r.cooperativeId = c.id AND ", "c"));
        }
        return counts;
    }

    private long count(String jpql, String coopPath) {
        Map<String, Object> params = new HashMap<>();
        var q = em.createQuery(jpql + TenantScope.condition(current.require(), coopPath, params));
        params.forEach(q::setParameter);
        Object r = q.getSingleResult();
        return r == null ? 0 : ((Number) r).longValue();
    }
}

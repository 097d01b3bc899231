package vn.temso.cooperative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.temso.audit.control.AuditLog;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeChanged;
import vn.temso.platform.persistence.PagedQuery;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;
import vn.temso.platform.security.Tenancy;
import vn.temso.platform.security.TenantScope;
import vn.temso.platform.text.Texts;

/** Use cases on cooperatives, and the one place other features resolve a cooperative for a caller. */
@ApplicationScoped
@Transactional
public class Cooperatives {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    @Inject
    Tenancy tenancy;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Event<CooperativeChanged> changed;

    /** The cooperative if the caller may read it; otherwise 404, the same as if it did not exist. */
    public Cooperative readable(String id) {
        return tenancy.readable(Cooperative.class, id, "Cooperative", c -> c);
    }

    /** The cooperative if the caller may change its registry; 404 if unreadable, 403 if read-only. */
    public Cooperative manageable(String id) {
        return tenancy.manageable(Cooperative.class, id, "Cooperative", c -> c);
    }

    /**
     * The cooperative a new record belongs to: a cooperative user's own one (a different id in the request is
     * refused), or the one an admin names.
     */
    public Cooperative ownerForNew(String requestedId) {
        Caller caller = current.require();
        if (caller.role() == Role.ADMIN) {
            if (requestedId == null) {
                throw new Problems.ValidationFailed("cooperativeId", "cooperativeId is required for admins");
            }
            return manageable(requestedId);
        }
        if (caller.cooperativeId() == null) {
            throw new Problems.Forbidden("Your role (" + caller.role() + ") may not create registry records");
        }
        if (requestedId != null && !requestedId.equals(caller.cooperativeId())) {
            throw new Problems.NotFound("Cooperative", requestedId);
        }
        return manageable(caller.cooperativeId());
    }

    /**
     * The cooperative records being entered belong to, for features that take records in (zones, diary, imports):
     * as {@link #ownerForNew}, and for a community digital team member the cooperative they name, which must be of
     * their communes (another commune's is 404, like any cooperative they cannot read).
     */
    public Cooperative ownerForEntry(String requestedId) {
        Caller caller = current.require();
        if (caller.role() != Role.DIGITAL_TEAM) {
            return ownerForNew(requestedId);
        }
        if (requestedId == null) {
            throw new Problems.ValidationFailed(
                    "cooperativeId", "cooperativeId is required: name the cooperative you enter this for");
        }
        Cooperative c = readable(requestedId);
        tenancy.requireEnter(c);
        return c;
    }

    public Page<Cooperative> list(String q, String commune, PageRequest page) {
        Caller caller = current.require();
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(TenantScope.condition(caller, "c", params));
        if (Texts.clean(q) != null) {
            where.append(" AND (LOWER(c.name) LIKE :q OR c.taxId LIKE :q)");
            params.put("q", "%" + Texts.key(q) + "%");
        }
        if (Texts.clean(commune) != null) {
            where.append(" AND c.communeKey = :commune");
            params.put("commune", Texts.key(commune));
        }
        return PagedQuery.page(em, Cooperative.class, "Cooperative c", where.toString(), "c.name, c.id", params, page);
    }

    public Cooperative create(CooperativeCommand r) {
        current.requireRole(Role.ADMIN);
        Cooperative c = new Cooperative(r.name(), r.kind(), r.taxId(), clock.instant());
        c.identify(r.taxId(), r.gln());
        apply(c, r);
        checkTaxIdFree(c.getTaxId(), c.getId());
        em.persist(c);
        audit.record(c, "create", "cooperative", c.getId(), c.getName());
        consent(c, r);
        return c;
    }

    public Cooperative update(String id, CooperativeCommand r) {
        Cooperative c = manageable(id);
        if (current.require().role() != Role.ADMIN
                && Texts.key(r.commune()) != null
                && !Texts.key(r.commune()).equals(c.getCommuneKey())) {
            // moving to another commune changes who supervises the cooperative: province staff only
            throw new Problems.Forbidden("Only an admin may move a cooperative to another commune");
        }
        c.rename(r.name(), r.kind());
        c.identify(r.taxId(), r.gln());
        apply(c, r);
        checkTaxIdFree(c.getTaxId(), c.getId());
        audit.record(c, "update", "cooperative", c.getId(), c.getName());
        consent(c, r);
        changed.fire(new CooperativeChanged(c));
        return c;
    }

    /** The catalogue consent, when the command says it: its own audit entry, so the log shows who gave it. */
    private void consent(Cooperative c, CooperativeCommand r) {
        if (r.catalogConsent() != null && c.consentToCatalog(r.catalogConsent())) {
            audit.record(
                    c,
                    "update",
                    "cooperative-catalog-consent",
                    c.getId(),
                    (r.catalogConsent() ? "consents to" : "withdraws from") + " the commune and province catalogue");
        }
    }

    private static void apply(Cooperative c, CooperativeCommand r) {
        c.locate(r.address(), r.commune(), r.district(), r.province());
        c.contact(r.phone(), r.email(), r.representative());
    }

    private void checkTaxIdFree(String taxId, String selfId) {
        if (taxId == null) {
            return;
        }
        List<String> ids = em.createQuery("SELECT c.id FROM Cooperative c WHERE c.taxId = :t", String.class)
                .setParameter("t", taxId)
                .getResultList();
        if (ids.stream().anyMatch(i -> !i.equals(selfId))) {
            throw new Problems.Conflict("A cooperative with tax id " + taxId + " is already registered");
        }
    }
}

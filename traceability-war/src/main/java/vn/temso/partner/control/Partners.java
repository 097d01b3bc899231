package vn.temso.partner.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.temso.audit.control.AuditLog;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.partner.entity.Partner;
import vn.temso.partner.entity.PartnerKind;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;
import vn.temso.platform.security.Tenancy;
import vn.temso.platform.security.TenantScope;
import vn.temso.platform.security.Tokens;

/**
 * Partners' API keys: a cooperative's manager (or an admin) issues one per partner, sees it once, lists and revokes
 * them. Keys are {@value #KEY_PREFIX} and 32 random bytes in base64url; only their SHA-256 is stored, and no key is
 * ever logged or written to the audit trail.
 */
@ApplicationScoped
@Transactional
public class Partners {

    /** Every partner key starts with this, so a key is told from a session token without a lookup. */
    public static final String KEY_PREFIX = "tpk_";

    /** Characters of a key kept in clear to tell keys apart: the prefix and 6 of its 43 random ones. */
    static final int HINT_LENGTH = KEY_PREFIX.length() + 6;

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    @Inject
    Cooperatives cooperatives;

    @Inject
    Tenancy tenancy;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A partner to issue a key for; {@code cooperativeId} is required of admins, a manager's own by default. */
    public record NewPartner(String cooperativeId, String name, PartnerKind kind, String gln) {}

    /** A partner with its key in clear: the only time the key is seen. */
    public record Issued(Partner partner, String key) {}

    public Issued issue(NewPartner request) {
        Caller caller = current.requireRole(Role.ADMIN, Role.COOP_MANAGER);
        Cooperative coop = cooperatives.ownerForNew(request.cooperativeId());
        String key = KEY_PREFIX + Tokens.newToken();
        Partner p = new Partner(
                coop,
                request.name(),
                request.kind(),
                request.gln(),
                Tokens.sha256Hex(key),
                key.substring(0, HINT_LENGTH),
                clock.instant(),
                caller.username());
        em.persist(p);
        audit.record(coop, "issue-key", "partner", p.getId(), p.getName() + " (" + p.getKind() + ")");
        return new Issued(p, key);
    }

    /** The partners of the cooperatives the caller manages (admins: all), newest first, revoked ones included. */
    public List<Partner> list() {
        Caller caller = current.requireRole(Role.ADMIN, Role.COOP_MANAGER);
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Partner> q = em.createQuery(
                "SELECT p FROM Partner p WHERE " + TenantScope.condition(caller, "p.cooperative", params)
                        + " ORDER BY p.createdAt DESC, p.id",
                Partner.class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Revokes a partner's key at once (every instance reads keys from the database); revoking twice is harmless. */
    public Partner revoke(String id) {
        Caller caller = current.requireRole(Role.ADMIN, Role.COOP_MANAGER);
        Partner p = tenancy.manageable(Partner.class, id, "Partner", Partner::getCooperative);
        if (p.isActive()) {
            p.revoke(clock.instant(), caller.username());
            audit.record(p.getCooperative(), "revoke-key", "partner", p.getId(), p.getName());
        }
        return p;
    }

    /** The caller a presented key stands for, or empty if it is unknown or revoked. */
    public Optional<Caller> authenticate(String key) {
        if (key == null || key.length() > 200 || !key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT p FROM Partner p WHERE p.keyHash = :h AND p.revokedAt IS NULL", Partner.class)
                .setParameter("h", Tokens.sha256Hex(key))
                .getResultStream()
                .findFirst()
                .map(p -> Caller.partner(p.getId(), p.getCooperative().getId()));
    }
}

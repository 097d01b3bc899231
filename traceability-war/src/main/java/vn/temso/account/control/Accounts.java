package vn.temso.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.account.entity.SessionToken;
import vn.temso.account.entity.UserAccount;
import vn.temso.audit.control.AuditLog;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;
import vn.temso.platform.security.Tokens;

/** Sign-in, sessions and user management. Passwords and tokens never leave this class in clear. */
@ApplicationScoped
public class Accounts {

    /** Deliberately the same for unknown users and wrong passwords. */
    static final String BAD_CREDENTIALS = "Wrong username or password";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller current;

    @Inject
    Cooperatives cooperatives;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "temso.session.ttl-minutes", defaultValue = "480")
    int sessionMinutes;

    public record SignedIn(String token, Instant expiresAt, UserAccount user) {}

    /** The account a sign-in names, read in a short transaction of its own (no hashing inside it). */
    @Transactional
    public Optional<UserAccount> findForSignIn(String key) {
        return findByUsername(key);
    }

    /** A new session for a user whose password was just checked; refused if they were disabled meanwhile. */
    @Transactional
    public SignedIn openSession(String userId) {
        UserAccount user = em.find(UserAccount.class, userId);
        if (user == null || !user.isEnabled()) {
            throw new Problems.Unauthenticated(BAD_CREDENTIALS);
        }
        String token = Tokens.newToken();
        SessionToken session = new SessionToken(
                Tokens.sha256Hex(token),
                user,
                clock.instant(),
                clock.instant().plus(Duration.ofMinutes(sessionMinutes)));
        em.persist(session);
        return new SignedIn(token, session.getExpiresAt(), user);
    }

    /** The caller for a bearer token, or empty if it is unknown, expired or its user is disabled. */
    @Transactional
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        SessionToken s = em.find(SessionToken.class, Tokens.sha256Hex(token));
        if (s == null || !s.isValidAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(s.getUser().toCaller());
    }

    @Transactional
    public void signOut(String token) {
        if (token != null) {
            SessionToken s = em.find(SessionToken.class, Tokens.sha256Hex(token));
            if (s != null) {
                em.remove(s);
            }
        }
    }

    @Transactional
    public UserAccount me() {
        return em.find(UserAccount.class, current.require().userId());
    }

    /** Stores the caller's new password hash (checked and computed by SignIn) and ends all their sessions. */
    @Transactional
    public void storeOwnPasswordHash(String passwordHash) {
        UserAccount u = me();
        u.replacePasswordHash(passwordHash);
        endSessions(u);
        audit.record(u.getCooperative(), "change-password", "user", u.getId(), u.getUsername());
    }

    /**
     * Disables or enables a user. Admins may change anyone but themselves; a cooperative manager the users of
     * their own cooperative but themselves. Disabling ends the user's sessions at once; at least one admin stays
     * enabled (the enabled admins' rows are locked while counting, so two admins cannot disable each other at the
     * same moment).
     */
    @Transactional
    public UserAccount setEnabled(String userId, boolean enabled) {
        Caller caller = current.requireRole(Role.ADMIN, Role.COOP_MANAGER);
        UserAccount u = userId == null ? null : em.find(UserAccount.class, userId);
        if (u == null
                || (caller.role() != Role.ADMIN
                        && (u.getCooperative() == null
                                || !u.getCooperative().getId().equals(caller.cooperativeId())))) {
            throw new Problems.NotFound("User", userId);
        }
        if (u.getId().equals(caller.userId())) {
            throw new Problems.Conflict("You cannot " + (enabled ? "enable" : "disable") + " yourself");
        }
        if (u.isEnabled() == enabled) {
            return u;
        }
        if (enabled) {
            u.enable();
        } else {
            if (u.getRole() == Role.ADMIN) {
                long others = em.createQuery(
                                "SELECT u FROM UserAccount u WHERE u.role = :r AND u.enabled = TRUE", UserAccount.class)
                        .setParameter("r", Role.ADMIN)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultStream()
                        .filter(a -> !a.getId().equals(u.getId()))
                        .count();
                if (others == 0) {
                    throw new Problems.Conflict("At least one admin must stay enabled");
                }
            }
            u.disable();
            endSessions(u);
        }
        audit.record(u.getCooperative(), enabled ? "enable" : "disable", "user", u.getId(), u.getUsername());
        return u;
    }

    private void endSessions(UserAccount u) {
        em.createQuery("DELETE FROM SessionToken s WHERE s.user = :u")
                .setParameter("u", u)
                .executeUpdate();
    }

    /**
     * Admins create anyone; a cooperative manager creates members and managers of their own cooperative. Commune
     * staff and community digital team members are created by admins only: they reach every cooperative of their
     * communes, which is more than any one cooperative's manager may hand out.
     */
    @Transactional
    public UserAccount create(
            String username,
            String displayName,
            Role role,
            String cooperativeId,
            Set<String> communes,
            String password) {
        Caller caller = current.require();
        Cooperative coop = null;
        if (role == Role.COOP_MANAGER || role == Role.COOP_MEMBER) {
            coop = cooperatives.ownerForNew(cooperativeId);
        } else if (caller.role() != Role.ADMIN) {
            throw new Problems.Forbidden("Only an admin may create " + role + " users");
        } else if (cooperativeId != null) {
            throw new Problems.ValidationFailed("cooperativeId", "Only cooperative roles belong to a cooperative");
        }
        boolean communeRole = role == Role.COMMUNE_STAFF || role == Role.DIGITAL_TEAM;
        if (communeRole && (communes == null || communes.isEmpty())) {
            throw new Problems.ValidationFailed(
                    "communes",
                    (role == Role.COMMUNE_STAFF ? "Commune staff need" : "Digital team members need")
                            + " at least one commune");
        }
        if (caller.role() != Role.ADMIN && caller.role() != Role.COOP_MANAGER) {
            throw new Problems.Forbidden("Your role (" + caller.role() + ") may not create users");
        }
        String key = UserAccount.normalizeUsername(username);
        if (findByUsername(key).isPresent()) {
            throw new Problems.Conflict("The username " + key + " is taken");
        }
        UserAccount u = new UserAccount(
                key, displayName, role, coop, communeRole ? communes : Set.of(), password, clock.instant());
        em.persist(u);
        audit.record(coop, "create", "user", u.getId(), u.getUsername() + " as " + role);
        return u;
    }

    @Transactional
    public List<UserAccount> list() {
        Caller caller = current.requireRole(Role.ADMIN, Role.COOP_MANAGER);
        if (caller.role() == Role.ADMIN) {
            return em.createQuery("SELECT u FROM UserAccount u ORDER BY u.username", UserAccount.class)
                    .getResultList();
        }
        return em.createQuery(
                        "SELECT u FROM UserAccount u WHERE u.cooperative.id = :c ORDER BY u.username",
                        UserAccount.class)
                .setParameter("c", caller.cooperativeId())
                .getResultList();
    }

    public Optional<UserAccount> findByUsername(String key) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :n", UserAccount.class)
                .setParameter("n", key)
                .getResultStream()
                .findFirst();
    }
}

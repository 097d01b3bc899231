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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.account.entity.SessionToken;
import vn.temso.account.entity.UserAccount;
import vn.temso.audit.control.AuditLog;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.persistence.PagedQuery;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.PasswordHasher;
import vn.temso.platform.security.Role;
import vn.temso.platform.security.Tokens;
import vn.temso.platform.text.Texts;

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
        return session(token).map(Session::caller);
    }

    /**
     * A valid session: its caller, and whether they signed in with a temporary password they must change before
     * anything else.
     */
    public record Session(Caller caller, boolean mustChangePassword) {}

    /** The session of a bearer token, or empty if it is unknown, expired or its user is disabled. */
    @Transactional
    public Optional<Session> session(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        SessionToken s = em.find(SessionToken.class, Tokens.sha256Hex(token));
        if (s == null || !s.isValidAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Session(s.getUser().toCaller(), s.getUser().isMustChangePassword()));
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
     * their own cooperative but themselves ({@link RoleGrants}). Disabling ends the user's sessions at once; at least
     * one admin stays enabled.
     */
    @Transactional
    public UserAccount setEnabled(String userId, boolean enabled) {
        UserAccount u = manageableOther(userId, enabled ? "enable" : "disable");
        if (u.isEnabled() == enabled) {
            return u;
        }
        if (enabled) {
            u.enable();
        } else {
            requireAnotherEnabledAdmin(u);
            u.disable();
            endSessions(u);
        }
        audit.record(u.getCooperative(), enabled ? "enable" : "disable", "user", u.getId(), u.getUsername());
        return u;
    }

    /**
     * Gives a user another role, within what the caller may grant ({@link RoleGrants}): an admin any role, a
     * cooperative manager member or manager of their own cooperative. A cooperative role keeps the user's cooperative
     * unless an admin names another; a commune role keeps the user's communes unless new ones are given. Nobody
     * changes their own role, and the last enabled admin keeps theirs. The user's sessions go on with the new role
     * (every request reads it).
     */
    @Transactional
    public UserAccount changeRole(String userId, Role role, String cooperativeId, Set<String> communes) {
        Caller caller = current.requireRole(Role.ADMIN, Role.COOP_MANAGER);
        UserAccount u = manageableOther(userId, "change the role of");
        RoleGrants.requireGrantable(caller, role);
        Cooperative coop = null;
        if (RoleGrants.isCooperativeRole(role)) {
            String wanted = cooperativeId != null
                    ? cooperativeId
                    : u.getCooperative() == null ? null : u.getCooperative().getId();
            coop = cooperatives.ownerForNew(wanted);
        } else if (cooperativeId != null) {
            throw new Problems.ValidationFailed("cooperativeId", "Only cooperative roles belong to a cooperative");
        }
        Set<String> keys = communes == null || communes.isEmpty() ? u.getCommuneKeys() : communes;
        if (RoleGrants.isCommuneRole(role) && keys.isEmpty()) {
            throw new Problems.ValidationFailed("communes", "This role needs at least one commune");
        }
        Role before = u.getRole();
        if (before == Role.ADMIN && role != Role.ADMIN && u.isEnabled()) {
            requireAnotherEnabledAdmin(u);
        }
        u.changeRole(role, coop, keys);
        audit.record(coop, "change-role", "user", u.getId(), u.getUsername() + ": " + before + " -> " + role);
        return u;
    }

    /** A one-time temporary password, returned once and stored only as a hash. */
    public record Reset(UserAccount user, String temporaryPassword) {}

    /**
     * Resets a user's password (same permissions as disabling): a new random temporary password replaces theirs, all
     * their sessions end, and at their next sign-in they must change it before anything else. The temporary password
     * is returned to the caller once and neither logged nor audited.
     */
    @Transactional
    public Reset resetPassword(String userId) {
        UserAccount u = manageableOther(userId, "reset the password of");
        String temporary = TemporaryPasswords.next();
        u.resetPassword(PasswordHasher.hash(temporary));
        endSessions(u);
        audit.record(u.getCooperative(), "reset-password", "user", u.getId(), u.getUsername());
        return new Reset(u, temporary);
    }

    /**
     * The account {@code userId} if the caller may manage it ({@link RoleGrants#mayManage}), and it is not the caller's
     * own: another cooperative's looks unknown (404), one's own is a conflict (409).
     */
    private UserAccount manageableOther(String userId, String what) {
        UserAccount u = manageable(userId);
        if (u.getId().equals(current.require().userId())) {
            throw new UserRefusals.OwnAccount(what);
        }
        return u;
    }

    /**
     * Refuses to take away the last enabled admin. The enabled admins' rows are locked while counting, so two admins
     * cannot demote or disable each other at the same moment.
     */
    private void requireAnotherEnabledAdmin(UserAccount u) {
        if (u.getRole() != Role.ADMIN) {
            return;
        }
        long others = em.createQuery(
                        "SELECT u FROM UserAccount u WHERE u.role = :r AND u.enabled = TRUE", UserAccount.class)
                .setParameter("r", Role.ADMIN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .filter(a -> !a.getId().equals(u.getId()))
                .count();
        if (others == 0) {
            throw new UserRefusals.LastAdmin();
        }
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
        if (RoleGrants.isCooperativeRole(role)) {
            coop = cooperatives.ownerForNew(cooperativeId);
        } else if (caller.role() != Role.ADMIN) {
            throw new UserRefusals.RoleNotGrantable(caller.role(), role);
        } else if (cooperativeId != null) {
            throw new Problems.ValidationFailed("cooperativeId", "Only cooperative roles belong to a cooperative");
        }
        boolean communeRole = RoleGrants.isCommuneRole(role);
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

    /**
     * One page of the users the caller manages (admin: all; manager: their cooperative's), by username, optionally
     * only those whose username or name contains {@code q}, and only enabled or disabled ones.
     */
    @Transactional
    public Page<UserAccount> page(String q, Boolean enabled, PageRequest page) {
        Caller caller = current.requireRole(Role.ADMIN, Role.COOP_MANAGER);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (caller.role() != Role.ADMIN) {
            where.append(" AND u.cooperative.id = :c");
            params.put("c", caller.cooperativeId());
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND (u.username LIKE :q OR LOWER(u.displayName) LIKE :q)");
            params.put("q", "%" + Texts.clean(q).toLowerCase(Locale.ROOT) + "%");
        }
        if (enabled != null) {
            where.append(" AND u.enabled = :e");
            params.put("e", enabled);
        }
        return PagedQuery.page(em, UserAccount.class, "UserAccount u", where.toString(), "u.username", params, page);
    }

    /** A user the caller may manage (their own account too), else {@link UserRefusals.UnknownUser}. */
    @Transactional
    public UserAccount manageable(String userId) {
        Caller caller = current.requireRole(Role.ADMIN, Role.COOP_MANAGER);
        UserAccount u = userId == null ? null : em.find(UserAccount.class, userId);
        if (u == null
                || !RoleGrants.mayManage(
                        caller,
                        u.getCooperative() == null ? null : u.getCooperative().getId())) {
            throw new UserRefusals.UnknownUser(userId);
        }
        return u;
    }

    public Optional<UserAccount> findByUsername(String key) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :n", UserAccount.class)
                .setParameter("n", key)
                .getResultStream()
                .findFirst();
    }
}

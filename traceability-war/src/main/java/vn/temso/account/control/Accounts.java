package vn.temso.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.account.entity.LoginThrottle;
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

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());
    /** Deliberately the same for unknown users and wrong passwords. */
    static final String BAD_CREDENTIALS = "Wrong username or password";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    @Inject
    Cooperatives cooperatives;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "temso.session.ttl-minutes", defaultValue = "480")
    int sessionMinutes;

    @Inject
    @ConfigProperty(name = "temso.login.free-attempts", defaultValue = "5")
    int freeAttempts;

    @Inject
    @ConfigProperty(name = "temso.login.first-lock-seconds", defaultValue = "30")
    int firstLockSeconds;

    public record SignedIn(String token, Instant expiresAt, UserAccount user) {
    }

    @Transactional(dontRollbackOn = {Problems.Unauthenticated.class, Problems.TooManyRequests.class})
    public SignedIn signIn(String username, String password) {
        String key = UserAccount.normalizeUsername(username);
        Instant now = Instant.now();
        if (key == null || key.length() > 100 || password == null) {
            throw new Problems.Unauthenticated(BAD_CREDENTIALS);
        }
        LoginThrottle throttle = em.find(LoginThrottle.class, key);
        if (throttle != null && throttle.isLocked(now)) {
            long wait = Math.max(1, Duration.between(now, throttle.getLockedUntil()).toSeconds());
            throw new Problems.TooManyRequests("Too many failed sign-ins; try again in " + wait + " s", wait);
        }
        Optional<UserAccount> user = findByUsername(key);
        boolean ok;
        if (user.isPresent()) {
            ok = user.get().isEnabled() && user.get().passwordMatches(password);
        } else {
            vn.temso.platform.security.PasswordHasher.dummyVerify(password);
            ok = false;
        }
        if (!ok) {
            if (throttle == null) {
                throttle = new LoginThrottle(key);
                em.persist(throttle);
            }
            throttle.fail(now, freeAttempts, Duration.ofSeconds(firstLockSeconds));
            LOG.info(() -> "Failed sign-in for a username of length " + key.length());
            throw new Problems.Unauthenticated(BAD_CREDENTIALS);
        }
        if (throttle != null) {
            em.remove(throttle);
        }
        String token = Tokens.newToken();
        SessionToken session = new SessionToken(Tokens.sha256Hex(token), user.get(), now.plus(Duration.ofMinutes(sessionMinutes)));
        em.persist(session);
        return new SignedIn(token, session.getExpiresAt(), user.get());
    }

    /** The caller for a bearer token, or empty if it is unknown, expired or its user is disabled. */
    @Transactional
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        SessionToken s = em.find(SessionToken.class, Tokens.sha256Hex(token));
        if (s == null || !s.isValidAt(Instant.now())) {
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

    @Transactional
    public void changeOwnPassword(String oldPassword, String newPassword) {
        UserAccount u = me();
        if (!u.passwordMatches(oldPassword)) {
            throw new Problems.ValidationFailed("oldPassword", "The current password is wrong");
        }
        u.changePassword(newPassword);
        em.createQuery("DELETE FROM SessionToken s WHERE s.user = :u").setParameter("u", u).executeUpdate();
        audit.record(u.getCooperative(), "change-password", "user", u.getId(), u.getUsername());
    }

    /** Admins create anyone; a cooperative manager creates members and managers of their own cooperative. */
    @Transactional
    public UserAccount create(String username, String displayName, Role role, String cooperativeId,
                              Set<String> communes, String password) {
        Caller caller = current.require();
        Cooperative coop = null;
        if (role == Role.COOP_MANAGER || role == Role.COOP_MEMBER) {
            coop = cooperatives.ownerForNew(cooperativeId);
        } else if (caller.role() != Role.ADMIN) {
            throw new Problems.Forbidden("Only an admin may create " + role + " users");
        } else if (cooperativeId != null) {
            throw new Problems.ValidationFailed("cooperativeId", "Only cooperative roles belong to a cooperative");
        }
        if (role == Role.COMMUNE_STAFF && (communes == null || communes.isEmpty())) {
            throw new Problems.ValidationFailed("communes", "Commune staff need at least one commune");
        }
        if (caller.role() != Role.ADMIN && caller.role() != Role.COOP_MANAGER) {
            throw new Problems.Forbidden("Your role (" + caller.role() + ") may not create users");
        }
        String key = UserAccount.normalizeUsername(username);
        if (findByUsername(key).isPresent()) {
            throw new Problems.Conflict("The username " + key + " is taken");
        }
        UserAccount u = new UserAccount(key, displayName, role, coop,
                role == Role.COMMUNE_STAFF ? communes : Set.of(), password);
        em.persist(u);
        audit.record(coop, "create", "user", u.getId(), u.getUsername() + " as " + role);
        return u;
    }

    @Transactional
    public List<UserAccount> list() {
        Caller caller = current.requireRole(Role.ADMIN, Role.COOP_MANAGER);
        if (caller.role() == Role.ADMIN) {
            return em.createQuery("SELECT u FROM UserAccount u ORDER BY u.username", UserAccount.class).getResultList();
        }
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.cooperative.id = :c ORDER BY u.username",
                UserAccount.class).setParameter("c", caller.cooperativeId()).getResultList();
    }

    /** Used at start-up only (demo data, configured admin), outside any request. */
    @Transactional
    public UserAccount createSystemUser(String username, String displayName, Role role, Cooperative coop,
                                       Set<String> communes, String password) {
        UserAccount u = new UserAccount(username, displayName, role,
                coop == null ? null : em.merge(coop), communes, password);
        em.persist(u);
        return u;
    }

    @Transactional
    public long countUsers() {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult();
    }

    public Optional<UserAccount> findByUsername(String key) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :n", UserAccount.class)
                .setParameter("n", key).getResultStream().findFirst();
    }
}

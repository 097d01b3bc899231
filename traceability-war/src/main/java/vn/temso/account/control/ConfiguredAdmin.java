package vn.temso.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;
import java.util.logging.Logger;
import vn.temso.account.entity.UserAccount;
import vn.temso.platform.config.Settings;
import vn.temso.platform.security.Role;
import vn.temso.platform.startup.StartupTask;

/**
 * Creates the administrator named by TEMSO_ADMIN_USERNAME / TEMSO_ADMIN_PASSWORD when no user exists yet.
 * Without them nothing is created: there is never a default password outside demo mode. A production start
 * without configured admin credentials says how to configure one.
 */
@ApplicationScoped
public class ConfiguredAdmin implements StartupTask {

    private static final Logger LOG = Logger.getLogger(ConfiguredAdmin.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** After the demo data (100): in demo mode the demo users exist by then, so nothing is created here. */
    @Override
    public int order() {
        return 200;
    }

    @Override
    @Transactional
    public void run() {
        if (em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult() > 0) {
            return;
        }
        String username = Settings.get("temso.admin.username").orElse(null);
        String password = Settings.get("temso.admin.password").orElse(null);
        if (username == null || password == null) {
            LOG.warning("No users exist and no administrator is configured: set TEMSO_ADMIN_USERNAME and"
                    + " TEMSO_ADMIN_PASSWORD (at least 12 characters) and restart. No default account is created.");
            return;
        }
        if (password.length() < 12) {
            LOG.severe("TEMSO_ADMIN_PASSWORD is shorter than 12 characters; the administrator was not created");
            return;
        }
        em.persist(new UserAccount(username, "Administrator", Role.ADMIN, null, Set.of(), password, clock.instant()));
        LOG.info(() -> "Administrator '" + UserAccount.normalizeUsername(username) + "' created from configuration");
    }
}

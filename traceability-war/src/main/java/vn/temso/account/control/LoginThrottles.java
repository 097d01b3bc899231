package vn.temso.account.control;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.account.control.LoginRules.Count;
import vn.temso.platform.persistence.DataSourceConfig;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.ClientAddress;

/**
 * Everything that stands between an unauthenticated request and a password check: the per-address budget, the
 * failure counters and locks in the database, and the bound on parallel hashing. Runs outside any transaction:
 * each counter change commits on its own at once (and no database connection is held while a request waits for
 * a hashing slot).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class LoginThrottles {

    private static final Logger LOG = Logger.getLogger(LoginThrottles.class.getName());

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "temso.login.free-attempts", defaultValue = "5")
    int freeAttempts;

    @Inject
    @ConfigProperty(name = "temso.login.first-lock-seconds", defaultValue = "30")
    int firstLockSeconds;

    @Inject
    @ConfigProperty(name = "temso.login.max-lock-minutes", defaultValue = "15")
    int maxLockMinutes;

    @Inject
    @ConfigProperty(name = "temso.login.account-free-attempts", defaultValue = "50")
    int accountFreeAttempts;

    @Inject
    @ConfigProperty(name = "temso.login.failure-window-hours", defaultValue = "24")
    int windowHours;

    @Inject
    @ConfigProperty(name = "temso.login.known-address-days", defaultValue = "30")
    int knownAddressDays;

    @Inject
    @ConfigProperty(name = "temso.login.address-burst", defaultValue = "30")
    int addressBurst;

    @Inject
    @ConfigProperty(name = "temso.login.address-per-minute", defaultValue = "30")
    int addressPerMinute;

    @Inject
    @ConfigProperty(name = "temso.login.max-parallel-hashes", defaultValue = "0")
    int maxParallelHashes;

    @Inject
    @ConfigProperty(name = "temso.login.hash-wait-ms", defaultValue = "1000")
    long hashWaitMillis;

    private LoginRules rules;
    private AddressBudget budget;
    private HashingGate gate;

    @PostConstruct
    void init() {
        rules = new LoginRules(
                freeAttempts,
                Duration.ofSeconds(firstLockSeconds),
                Duration.ofMinutes(maxLockMinutes),
                accountFreeAttempts,
                Duration.ofHours(windowHours),
                Duration.ofDays(knownAddressDays));
        budget = new AddressBudget(addressBurst, addressPerMinute, 100_000, Ticker.systemTicker());
        int slots = maxParallelHashes > 0
                ? maxParallelHashes
                : HashingGate.defaultSlots(
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory());
        gate = new HashingGate(slots, hashWaitMillis);
        LOG.info(() -> "Password checks: at most " + gate.size() + " at once, " + addressBurst + " failures per address"
                + " then " + addressPerMinute + " a minute");
    }

    public LoginRules rules() {
        return rules;
    }

    /** A password check let through the lock and the budget; it holds one token of its address's budget. */
    public record Admission(String loginKey, String clientKey) {}

    /**
     * Lets a password check for this username from this address through, or refuses it with 429 and Retry-After,
     * cheapest test first: the address's budget in memory (a flood from one address stops here, before any database
     * work), then the locks in the database, then a token of the budget is taken.
     */
    public Admission admit(String loginKey, String address) {
        String client = ClientAddress.key(address);
        refuseIfOverBudget(budget.peek(client));
        refuseIfLocked(loginKey, client, clock.instant());
        refuseIfOverBudget(budget.take(client));
        return new Admission(loginKey, client);
    }

    /**
     * The cheapest refusal, for a servlet filter in front of the sign-in endpoint: the seconds to wait if this
     * address has spent its budget, without parsing the request or touching the database.
     */
    public OptionalLong overBudget(String address) {
        return budget.peek(ClientAddress.key(address));
    }

    /** Runs {@code check} (a password verification) within the bound on parallel hashing and counts the outcome. */
    public boolean check(Admission admission, Supplier<Boolean> check) {
        String client = admission.clientKey();
        boolean ok;
        try {
            ok = gate.run(check);
        } catch (RuntimeException e) {
            budget.giveBack(client); // refused as busy, or failed: not a wrong password
            throw e;
        }
        try (Connection c = connection()) {
            Instant at = clock.instant();
            if (ok) {
                budget.giveBack(client);
                LoginFailures.succeed(c, admission.loginKey(), client, at);
            } else {
                Instant forget = at.minus(rules.window());
                LoginFailures.fail(c, admission.loginKey(), client, at, forget);
                LoginFailures.fail(c, admission.loginKey(), LoginFailures.ANY_ADDRESS, at, forget);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting a sign-in failed", e);
        }
        return ok;
    }

    private static void refuseIfOverBudget(OptionalLong wait) {
        if (wait.isPresent()) {
            throw new Problems.TooManyRequests(
                    "Too many failed sign-ins from your address; try again in " + wait.getAsLong() + " s",
                    wait.getAsLong());
        }
    }

    /** A hash of a new password, within the bound on parallel hashing. */
    public String hash(Supplier<String> hashing) {
        return gate.run(hashing);
    }

    private void refuseIfLocked(String loginKey, String client, Instant now) {
        Count pair;
        Count account;
        try (Connection c = connection()) {
            pair = LoginFailures.read(c, loginKey, client);
            account = LoginFailures.read(c, loginKey, LoginFailures.ANY_ADDRESS);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading sign-in failures failed", e);
        }
        rules.lockedUntil(pair, account, now).ifPresent(until -> {
            long wait = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
            throw new Problems.TooManyRequests("Too many failed sign-ins; try again in " + wait + " s", wait);
        });
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }
}

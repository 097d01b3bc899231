package vn.temso.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import vn.temso.account.control.Accounts.SignedIn;
import vn.temso.account.entity.UserAccount;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.PasswordHasher;

/**
 * The password checks: sign-in and password change. Not transactional on purpose: the Argon2 work (and the
 * wait for a hashing slot) happens outside any transaction, and the throttle counters commit on their own.
 */
@ApplicationScoped
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    LoginThrottles throttles;

    /**
     * Unknown usernames, disabled users and wrong passwords get the same answer after the same work (one
     * Argon2 verification), so none can be told apart, by the message or by timing.
     */
    public SignedIn signIn(String username, String password, String clientAddress) {
        String key = UserAccount.normalizeUsername(username);
        if (key == null || key.isEmpty() || key.length() > 100 || password == null || password.length() > 200) {
            throw new Problems.Unauthenticated(Accounts.BAD_CREDENTIALS);
        }
        LoginThrottles.Admission admission = throttles.admit(key, clientAddress);
        Optional<UserAccount> user = accounts.findForSignIn(key);
        boolean ok = throttles.check(admission, () -> {
            if (user.isEmpty()) {
                PasswordHasher.dummyVerify(password);
                return false;
            }
            return user.get().passwordMatches(password) && user.get().isEnabled();
        });
        if (!ok) {
            LOG.info(() -> "Failed sign-in for a username of length " + key.length());
            throw new Problems.Unauthenticated(Accounts.BAD_CREDENTIALS);
        }
        return accounts.openSession(user.get().getId());
    }

    /** Needs the current password, throttled like a sign-in (same counters); every session of the user ends. */
    public void changeOwnPassword(String oldPassword, String newPassword, String clientAddress) {
        UserAccount me = accounts.me();
        if (oldPassword == null
                || oldPassword.length() > 200
                || !throttles.check(
                        throttles.admit(me.getUsername(), clientAddress), () -> me.passwordMatches(oldPassword))) {
            throw new Problems.ValidationFailed("oldPassword", "The current password is wrong");
        }
        if (newPassword.equals(oldPassword)) {
            throw new Problems.ValidationFailed("newPassword", "Choose a password other than the current one");
        }
        accounts.storeOwnPasswordHash(throttles.hash(() -> PasswordHasher.hash(newPassword)));
    }
}

package vn.temso.account.control;

import java.util.Map;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.Role;

/**
 * Why user management refuses a change. Each keeps the problem type of its kind (not-found, forbidden, conflict) and
 * adds a stable {@code reason} member, so clients tell them apart without reading the message.
 */
public final class UserRefusals {

    private UserRefusals() {}

    /** Unknown, or an account the caller may not manage (another cooperative's): the two look the same. */
    public static final class UnknownUser extends Problems.NotFound {
        public UnknownUser(String id) {
            super("User", id);
        }
    }

    /** The caller's role may not give that role ({@link RoleGrants}). */
    public static final class RoleNotGrantable extends Problems.Forbidden {
        public RoleNotGrantable(Role callerRole, Role role) {
            super("Your role (" + callerRole + ") may not grant the role " + role);
        }

        @Override
        public Map<String, Object> extensions() {
            return Map.of("reason", "role-not-grantable");
        }
    }

    /** Changing one's own role, disabling or resetting oneself. */
    public static final class OwnAccount extends Problems.Conflict {
        public OwnAccount(String what) {
            super("You cannot " + what + " your own account");
        }

        @Override
        public Map<String, Object> extensions() {
            return Map.of("reason", "own-account");
        }
    }

    /** At least one enabled admin stays: the last one is neither disabled nor given another role. */
    public static final class LastAdmin extends Problems.Conflict {
        public LastAdmin() {
            super("At least one admin must stay enabled");
        }

        @Override
        public Map<String, Object> extensions() {
            return Map.of("reason", "last-admin");
        }
    }

    /**
     * The account signed in with a temporary password (after a reset): nothing but changing it is allowed until it
     * is changed with POST /api/auth/password.
     */
    public static final class PasswordChangeRequired extends ProblemException {
        public PasswordChangeRequired() {
            super("Your password was reset: change it with POST /api/auth/password (oldPassword: the temporary"
                    + " password) before anything else");
        }

        @Override
        public String type() {
            return "password-change-required";
        }

        @Override
        public String title() {
            return "Change your password first";
        }

        @Override
        public int status() {
            return 403;
        }
    }
}

package vn.temso.account.control;

import java.util.EnumSet;
import java.util.Set;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.Role;

/**
 * Who may manage which accounts and grant which roles: the one place for it (creating a user, changing a role,
 * disabling, enabling, resetting a password).
 *
 * <ul>
 *   <li>An admin manages every account and grants any role.
 *   <li>A cooperative manager manages the accounts of their own cooperative and grants only the cooperative roles
 *       (member, manager) within it: commune staff and digital teams reach every cooperative of their communes, more
 *       than one cooperative's manager may hand out.
 *   <li>Commune staff, digital teams and members manage no account and grant nothing.
 *   <li>Nobody changes their own role, disables or resets themselves ({@link UserRefusals.OwnAccount}).
 * </ul>
 */
public final class RoleGrants {

    private static final Set<Role> COOPERATIVE_ROLES = EnumSet.of(Role.COOP_MEMBER, Role.COOP_MANAGER);

    private RoleGrants() {}

    /** The roles this caller may give, to accounts they may manage. */
    public static Set<Role> grantable(Caller caller) {
        return switch (caller.role()) {
            case ADMIN -> EnumSet.allOf(Role.class);
            case COOP_MANAGER -> EnumSet.copyOf(COOPERATIVE_ROLES);
            default -> EnumSet.noneOf(Role.class);
        };
    }

    /** May this caller manage an account of that cooperative (null: an account of no cooperative)? */
    public static boolean mayManage(Caller caller, String accountCooperativeId) {
        return caller.role() == Role.ADMIN
                || (caller.role() == Role.COOP_MANAGER
                        && accountCooperativeId != null
                        && accountCooperativeId.equals(caller.cooperativeId()));
    }

    /** Refuses ({@link UserRefusals.RoleNotGrantable}) a role this caller may not give. */
    public static void requireGrantable(Caller caller, Role role) {
        if (!grantable(caller).contains(role)) {
            throw new UserRefusals.RoleNotGrantable(caller.role(), role);
        }
    }

    public static boolean isCooperativeRole(Role role) {
        return COOPERATIVE_ROLES.contains(role);
    }

    public static boolean isCommuneRole(Role role) {
        return role == Role.COMMUNE_STAFF || role == Role.DIGITAL_TEAM;
    }
}

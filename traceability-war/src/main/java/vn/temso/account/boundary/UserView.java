package vn.temso.account.boundary;

import java.util.Set;
import java.util.TreeSet;
import vn.temso.account.entity.UserAccount;
import vn.temso.platform.security.Role;

/** A user as the API shows it: never the password hash. */
public record UserView(
        String id,
        String username,
        String displayName,
        Role role,
        String cooperativeId,
        String cooperativeName,
        Set<String> communes,
        boolean enabled,
        boolean mustChangePassword) {

    public static UserView of(UserAccount u) {
        return new UserView(
                u.getId(),
                u.getUsername(),
                u.getDisplayName(),
                u.getRole(),
                u.getCooperative() == null ? null : u.getCooperative().getId(),
                u.getCooperative() == null ? null : u.getCooperative().getName(),
                new TreeSet<>(u.getCommuneKeys()),
                u.isEnabled(),
                u.isMustChangePassword());
    }
}

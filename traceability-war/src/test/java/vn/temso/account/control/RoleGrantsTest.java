package vn.temso.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.Role;

class RoleGrantsTest {

    private static Caller caller(Role role, String coop) {
        return new Caller("u1", "someone", role, coop, Set.of("binh tinh"));
    }

    @Test
    void shouldLetAnAdminGrantEveryRoleToAnyone() {
        Caller admin = caller(Role.ADMIN, null);
        assertEquals(EnumSet.allOf(Role.class), RoleGrants.grantable(admin));
        assertTrue(RoleGrants.mayManage(admin, null));
        assertTrue(RoleGrants.mayManage(admin, "c2"));
    }

    @Test
    void shouldLetAManagerGrantOnlyCooperativeRolesInTheirOwnCooperative() {
        Caller manager = caller(Role.COOP_MANAGER, "c1");
        assertEquals(EnumSet.of(Role.COOP_MEMBER, Role.COOP_MANAGER), RoleGrants.grantable(manager));
        assertTrue(RoleGrants.mayManage(manager, "c1"));
        assertFalse(RoleGrants.mayManage(manager, "c2"));
        assertFalse(RoleGrants.mayManage(manager, null), "admins and commune staff belong to no cooperative");
        var refused = assertThrows(
                UserRefusals.RoleNotGrantable.class, () -> RoleGrants.requireGrantable(manager, Role.ADMIN));
        assertEquals(403, refused.status());
        assertEquals("role-not-grantable", refused.extensions().get("reason"));
    }

    @Test
    void shouldLetNobodyElseGrantOrManage() {
        for (Role r : EnumSet.of(Role.COMMUNE_STAFF, Role.DIGITAL_TEAM, Role.COOP_MEMBER)) {
            Caller c = caller(r, r == Role.COOP_MEMBER ? "c1" : null);
            assertTrue(RoleGrants.grantable(c).isEmpty(), r.name());
            assertFalse(RoleGrants.mayManage(c, "c1"), r.name());
            assertThrows(UserRefusals.RoleNotGrantable.class, () -> RoleGrants.requireGrantable(c, Role.COOP_MEMBER));
        }
    }

    @Test
    void shouldMakeTemporaryPasswordsOfSixteenUnambiguousCharacters() {
        String p = TemporaryPasswords.next();
        assertTrue(p.matches("([a-zA-Z2-9]{4}-){3}[a-zA-Z2-9]{4}"), p);
        assertFalse(p.matches(".*[01lIO].*"), p);
        assertFalse(p.equals(TemporaryPasswords.next()));
    }
}

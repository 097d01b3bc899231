package vn.temso.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of a community digital team member beside the other roles (issue 16). */
class CallerTest {

    private static final Caller TEAM = new Caller("u1", "tocns.binhtinh", Role.DIGITAL_TEAM, null, Set.of("bình tịnh"));
    private static final Caller STAFF =
            new Caller("u2", "canbo.binhtinh", Role.COMMUNE_STAFF, null, Set.of("bình tịnh"));
    private static final Caller MANAGER = new Caller("u3", "tantru.quanly", Role.COOP_MANAGER, "tantru", Set.of());
    private static final Caller MEMBER = new Caller("u4", "tantru.xavien", Role.COOP_MEMBER, "tantru", Set.of());

    @Test
    void shouldLetATeamMemberEnterForTheCooperativesOfTheirCommunesOnly() {
        assertTrue(TEAM.canRead("tantru", "bình tịnh"));
        assertTrue(TEAM.canEnterFor("tantru", "bình tịnh"));
        assertTrue(TEAM.canRecordDiary("tantru", "bình tịnh"));
        assertFalse(TEAM.canRead("duchoa", "đức hòa hạ"));
        assertFalse(TEAM.canEnterFor("duchoa", "đức hòa hạ"));
        assertFalse(TEAM.canRecordDiary("duchoa", "đức hòa hạ"));
        assertFalse(TEAM.canEnterFor("tantru", null), "no commune, no entry");
    }

    @Test
    void shouldKeepWhatDecidesForACooperativeWithItsManagers() {
        assertFalse(TEAM.canManage("tantru"));
        assertFalse(TEAM.canHoldSignedStamps("tantru", "bình tịnh"));
        assertFalse(TEAM.canCapture("tantru"));
        assertTrue(STAFF.canHoldSignedStamps("tantru", "bình tịnh"), "commune staff print labels, as before");
    }

    @Test
    void shouldNotLetCommuneStaffOrMembersEnterRecords() {
        assertFalse(STAFF.canEnterFor("tantru", "bình tịnh"));
        assertFalse(STAFF.canRecordDiary("tantru", "bình tịnh"));
        assertFalse(MEMBER.canEnterFor("tantru", "bình tịnh"));
        assertTrue(MEMBER.canRecordDiary("tantru", "bình tịnh"));
        assertTrue(MANAGER.canEnterFor("tantru", "bình tịnh"));
        assertFalse(MANAGER.canEnterFor("duchoa", "bình tịnh"));
    }

    @Test
    void shouldActOnBehalfOfACooperativeOnlyAsATeamMember() {
        assertTrue(TEAM.actsOnBehalfOf("tantru"));
        assertFalse(TEAM.actsOnBehalfOf(null));
        assertFalse(MANAGER.actsOnBehalfOf("tantru"));
        assertFalse(STAFF.actsOnBehalfOf("tantru"));
    }

    @Test
    void shouldScopeListsOfATeamMemberToTheirCommunes() {
        Map<String, Object> params = new HashMap<>();
        assertEquals(
                "z.cooperative.communeKey IN :scopeCommunes", TenantScope.condition(TEAM, "z.cooperative", params));
        assertEquals(Set.of("bình tịnh"), params.get("scopeCommunes"));
        Caller nowhere = new Caller("u5", "tocns.moi", Role.DIGITAL_TEAM, null, Set.of());
        assertEquals("1 = 0", TenantScope.condition(nowhere, "z.cooperative", new HashMap<>()));
    }
}

package vn.temso.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.temso.platform.problem.Problems;

class PageRequestTest {

    @Test
    void pagesPastTheCapAreRefusedNamingThePage() {
        var e = assertThrows(Problems.ValidationFailed.class, () -> PageRequest.of("2147483647", "20"));
        assertEquals("page", e.violations().get(0).field());
        assertThrows(Problems.ValidationFailed.class, () -> PageRequest.of("-1", null));
        assertThrows(Problems.ValidationFailed.class, () -> PageRequest.of("NaN", null));
        assertThrows(Problems.ValidationFailed.class, () -> PageRequest.of("99999999999999999999", null));
    }

    @Test
    void theLastAllowedPageHasAPositiveOffset() {
        assertEquals(
                200_000_000,
                PageRequest.of(String.valueOf(PageRequest.MAX_PAGE), "200").offset());
    }
}

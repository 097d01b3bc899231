package vn.temso.stamping.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.temso.platform.problem.Problems;

/** The per-cooperative issuing rule: jobs at once, stamps per farm day (Vietnam time), each refusal a typed 429. */
class IssuanceQuotaTest {

    private static final IssuanceQuota.Limits LIMITS = new IssuanceQuota.Limits(2, 300_000);
    // 2026-12-04 22:00 in Vietnam (UTC+7): two hours to the next farm day
    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");

    @Test
    void shouldAllowUpToTheLimits() {
        assertDoesNotThrow(() -> IssuanceQuota.decide(LIMITS, new IssuanceQuota.Usage(1, 200_000), 100_000, NOW));
    }

    @Test
    void shouldRefuseAThirdJobAtOnceWithATypedRetryAfter() {
        var e = assertThrows(
                Problems.QuotaExceeded.class,
                () -> IssuanceQuota.decide(LIMITS, new IssuanceQuota.Usage(2, 0), 1, NOW));
        assertEquals("quota/running-jobs", e.type());
        assertEquals(429, e.status());
        assertEquals(IssuanceQuota.RUNNING_RETRY_SECONDS, e.retryAfterSeconds());
    }

    @Test
    void shouldRefuseStampsBeyondTheDayUntilTheNextFarmDay() {
        var e = assertThrows(
                Problems.QuotaExceeded.class,
                () -> IssuanceQuota.decide(LIMITS, new IssuanceQuota.Usage(0, 200_001), 100_000, NOW));
        assertEquals("quota/stamps-per-day", e.type());
        assertEquals(2 * 3600, e.retryAfterSeconds(), "until midnight in Asia/Ho_Chi_Minh, not UTC");
        assertTrue(e.getMessage().contains("99999 more"), e.getMessage());
    }
}

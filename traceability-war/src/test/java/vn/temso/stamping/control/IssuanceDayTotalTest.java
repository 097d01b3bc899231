package vn.temso.stamping.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vn.temso.stamping.entity.IssuanceJob;

/** What one status group of today's jobs counts against the daily quota. */
class IssuanceDayTotalTest {

    @Test
    void shouldCountWhatWasAskedForOrWhatAFailedJobIssued() {
        assertEquals(300, new IssuanceQuota.DayTotal(IssuanceJob.Status.DONE, 300L, 300L).counted());
        assertEquals(500, new IssuanceQuota.DayTotal(IssuanceJob.Status.RUNNING, 500L, 20L).counted());
        assertEquals(20, new IssuanceQuota.DayTotal(IssuanceJob.Status.FAILED, 500L, 20L).counted());
        assertEquals(0, new IssuanceQuota.DayTotal(IssuanceJob.Status.FAILED, 500L, null).counted(), "SUM of nothing");
    }
}

package vn.temso.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.temso.account.control.LoginRules.Count;

class LoginRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private final LoginRules rules = new LoginRules(
            5, Duration.ofSeconds(30), Duration.ofMinutes(15), 50, Duration.ofHours(24), Duration.ofDays(30));

    private static Count failed(int n, Duration ago) {
        return new Count(n, NOW.minus(ago), null);
    }

    @Test
    void shouldLockTheStrangersAddressButNotTheUsersOwn() {
        Count strangerAtA = failed(7, Duration.ofSeconds(1));
        Count account = failed(7, Duration.ofSeconds(1)); // all of the account's failures came from A
        assertTrue(rules.lockedUntil(strangerAtA, account, NOW).isPresent(), "A is locked");
        assertEquals(Optional.empty(), rules.lockedUntil(Count.NONE, account, NOW), "B, the real user, is not");
    }

    @Test
    void shouldDoubleTheLockWithEachFurtherFailureUpToTheCeiling() {
        assertEquals(Optional.empty(), rules.lockedUntil(failed(4, Duration.ZERO), Count.NONE, NOW), "4 are free");
        assertEquals(Optional.of(NOW.plusSeconds(30)), rules.lockedUntil(failed(5, Duration.ZERO), Count.NONE, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(60)), rules.lockedUntil(failed(6, Duration.ZERO), Count.NONE, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(240)), rules.lockedUntil(failed(8, Duration.ZERO), Count.NONE, NOW));
        assertEquals(
                Optional.of(NOW.plus(Duration.ofMinutes(15))),
                rules.lockedUntil(failed(500, Duration.ZERO), Count.NONE, NOW));
        assertEquals(
                Optional.empty(), rules.lockedUntil(failed(6, Duration.ofSeconds(61)), Count.NONE, NOW), "lock over");
        assertEquals(
                Optional.empty(),
                rules.lockedUntil(failed(500, Duration.ofHours(25)), Count.NONE, NOW),
                "failures older than the window are forgotten");
    }

    @Test
    void shouldSlowAGuessingAttackSpreadOverManyAddresses() {
        // 60 failures from many addresses, at most 4 from each: no address is locked on its own count
        Count account = failed(60, Duration.ofSeconds(1));
        Count freshAddress = failed(1, Duration.ofSeconds(1));
        Optional<Instant> lock = rules.lockedUntil(freshAddress, account, NOW);
        assertTrue(lock.isPresent(), "the account-wide ceiling holds every new address back");
        assertEquals(NOW.minusSeconds(1).plus(Duration.ofMinutes(15)), lock.get(), "30 s doubled 10 times, capped");
        assertEquals(Optional.empty(), rules.lockedUntil(Count.NONE, failed(49, Duration.ZERO), NOW), "49 are free");
    }

    @Test
    void shouldLetTheUserInFromAnAddressTheyRecentlySignedInFromDuringSuchAnAttack() {
        Count account = failed(60, Duration.ofSeconds(1));
        Count usual = new Count(0, null, NOW.minus(Duration.ofDays(3)));
        Count longAgo = new Count(0, null, NOW.minus(Duration.ofDays(31)));
        assertEquals(Optional.empty(), rules.lockedUntil(usual, account, NOW));
        assertTrue(rules.lockedUntil(longAgo, account, NOW).isPresent());
        // but from a known address the per-address lock still applies
        assertTrue(rules.lockedUntil(new Count(6, NOW, NOW.minus(Duration.ofDays(3))), account, NOW)
                .isPresent());
    }
}

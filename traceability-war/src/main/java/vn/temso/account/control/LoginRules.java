package vn.temso.account.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When failed password checks lock further tries (docs/security/accounts.md). Two counters per username:
 * <ul>
 * <li>per (username, client address): {@code freeAttempts} failures, then a lock of {@code firstLock} that doubles
 * with each further failure up to {@code maxLock}. A stranger locks only their own address out, never the real
 * user signing in from theirs.</li>
 * <li>per username over all addresses: the same schedule but only after {@code accountFreeAttempts} (much higher),
 * so a guessing attack spread over many addresses is still slowed. Addresses that signed in to this account
 * successfully within {@code knownAddress} are exempt from this one, so even such an attack does not lock the
 * real user out of the places they usually work from.</li>
 * </ul>
 * Failures older than {@code window} are forgotten (the next failure counts as the first).
 */
public record LoginRules(
        int freeAttempts,
        Duration firstLock,
        Duration maxLock,
        int accountFreeAttempts,
        Duration window,
        Duration knownAddress) {

    /** The failures of one counter row: how many, the last one, the last success (pair rows only). */
    public record Count(int failures, Instant lastFailureAt, Instant lastSuccessAt) {
        public static final Count NONE = new Count(0, null, null);
    }

    /** Until when this (username, address) may not try, if it is locked now. */
    public Optional<Instant> lockedUntil(Count pair, Count account, Instant now) {
        Optional<Instant> own = until(pair, freeAttempts, now);
        if (own.isPresent()) {
            return own;
        }
        boolean known = pair.lastSuccessAt() != null && pair.lastSuccessAt().isAfter(now.minus(knownAddress));
        return known ? Optional.empty() : until(account, accountFreeAttempts, now);
    }

    private Optional<Instant> until(Count c, int free, Instant now) {
        if (c.failures() < free
                || c.lastFailureAt() == null
                || c.lastFailureAt().isBefore(now.minus(window))) {
            return Optional.empty();
        }
        Instant end = c.lastFailureAt().plus(lockFor(c.failures(), free));
        return now.isBefore(end) ? Optional.of(end) : Optional.empty();
    }

    /** The lock after the n-th failure: firstLock at the free-th, doubling after, at most maxLock. */
    Duration lockFor(int failures, int free) {
        Duration lock = firstLock.multipliedBy(1L << Math.min(20, failures - free));
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }
}

package vn.temso.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins per username, kept for names that exist and names that do not alike (so the throttle does
 * not reveal which usernames exist), and in the database so all instances of a cluster share it.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    @Id
    @Column(name = "login_key", length = 100)
    private String loginKey;
    private int failures;
    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginThrottle() {
    }

    public LoginThrottle(String loginKey) {
        this.loginKey = loginKey;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    /** After {@code freeAttempts} failures each further one locks for twice as long, up to 15 minutes. */
    public void fail(Instant now, int freeAttempts, Duration firstLock) {
        failures++;
        if (failures >= freeAttempts) {
            long factor = 1L << Math.min(10, failures - freeAttempts);
            Duration lock = firstLock.multipliedBy(factor);
            if (lock.compareTo(Duration.ofMinutes(15)) > 0) {
                lock = Duration.ofMinutes(15);
            }
            lockedUntil = now.plus(lock);
        }
    }
}

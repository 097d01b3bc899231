package vn.temso.account.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * How many password checks each client address may cause: a token bucket per address ({@code burst} tokens,
 * refilled at {@code perMinute}). A check takes a token before it runs and gives it back when the password was
 * right, so only failures spend the budget and a flood of sign-ins for made-up names from one address stops
 * costing Argon2 after the burst. Kept in memory per instance (a cluster of n instances allows n times the rate;
 * this guards each instance's CPU, the database counters guard the accounts), bounded by Caffeine: at most
 * {@code maxAddresses} buckets, each dropped after it has been idle long enough to be full again.
 */
public final class AddressBudget {

    private final int burst;
    private final double perNano;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    public AddressBudget(int burst, int perMinute, long maxAddresses, Ticker ticker) {
        this.burst = Math.max(1, burst);
        this.perNano = Math.max(1, perMinute) / (double) Duration.ofMinutes(1).toNanos();
        this.ticker = ticker;
        long refillNanos = (long) (this.burst / perNano);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxAddresses)
                .ticker(ticker)
                .expireAfterAccess(Duration.ofNanos(
                        Math.max(refillNanos, Duration.ofMinutes(1).toNanos())))
                .build();
    }

    /** Takes a token; empty if taken, else the seconds until one is available (the Retry-After). */
    public OptionalLong take(String clientKey) {
        Bucket b = buckets.get(clientKey, k -> new Bucket(burst, ticker.read()));
        synchronized (b) {
            b.refill(ticker.read());
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of(b.waitSeconds());
        }
    }

    /** Like {@link #take} but takes nothing: the cheap first test, before any database work. */
    public OptionalLong peek(String clientKey) {
        Bucket b = buckets.getIfPresent(clientKey);
        if (b == null) {
            return OptionalLong.empty();
        }
        synchronized (b) {
            b.refill(ticker.read());
            return b.tokens >= 1 ? OptionalLong.empty() : OptionalLong.of(b.waitSeconds());
        }
    }

    /** Gives back the token of a check that succeeded. */
    public void giveBack(String clientKey) {
        Bucket b = buckets.getIfPresent(clientKey);
        if (b != null) {
            synchronized (b) {
                b.tokens = Math.min(burst, b.tokens + 1);
            }
        }
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        long waitSeconds() {
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9 - 1e-6));
        }

        void refill(long now) {
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
        }
    }
}

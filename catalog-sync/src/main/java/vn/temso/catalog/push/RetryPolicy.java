package vn.temso.catalog.push;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (a uniformly random delay between 0 and
 * min(maxDelay, baseDelay * 2^(attempt-1))), so many products failing together do not retry in
 * lockstep. A server's Retry-After is a floor: we never come back earlier than asked. After
 * {@code maxAttempts} attempts a product is FAILED; staff can retry it, which starts over at attempt 0.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** 8 attempts, 30 s base, at most 1 h between attempts. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    /** What the outbox does with a product after an attempt. */
    public enum Action {
        DONE,
        RETRY,
        FAILED
    }

    /**
     * @param delay   wait before the next attempt (zero unless RETRY)
     * @param reason  the last error, for the per-item status staff see
     */
    public record Decision(Action action, Duration delay, String reason) {}

    /** The cap for the delay after {@code attemptsMade} attempts (1-based), before jitter. */
    public Duration ceiling(int attemptsMade) {
        int doublings = Math.max(0, Math.min(attemptsMade - 1, 40));
        long base = baseDelay.toMillis();
        long max = maxDelay.toMillis();
        long cap = base == 0 ? 0 : (doublings >= 62 || base > (max >> doublings) ? max : base << doublings);
        return Duration.ofMillis(Math.min(cap, max));
    }

    /** Full-jitter delay after {@code attemptsMade} attempts; {@code random} yields values in [0, 1). */
    public Duration backoff(int attemptsMade, DoubleSupplier random) {
        return Duration.ofMillis((long) (ceiling(attemptsMade).toMillis() * random.getAsDouble()));
    }

    public Decision decide(int attemptsMade, PushResult result) {
        return decide(attemptsMade, result, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Decides after attempt number {@code attemptsMade} (1 for the first) ended with {@code result}. */
    public Decision decide(int attemptsMade, PushResult result, DoubleSupplier random) {
        return switch (result.outcome()) {
            case SUCCESS -> new Decision(Action.DONE, Duration.ZERO, null);
            case PERMANENT_FAILURE -> new Decision(Action.FAILED, Duration.ZERO, result.error());
            case RETRY -> {
                if (attemptsMade >= maxAttempts) {
                    yield new Decision(
                            Action.FAILED,
                            Duration.ZERO,
                            "gave up after " + attemptsMade + " attempts; last error: " + result.error());
                }
                Duration delay = backoff(attemptsMade, random);
                if (result.retryAfter() != null && result.retryAfter().compareTo(delay) > 0) {
                    delay = result.retryAfter();
                }
                yield new Decision(Action.RETRY, delay, result.error());
            }
        };
    }
}

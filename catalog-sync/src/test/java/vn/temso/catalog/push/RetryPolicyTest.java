package vn.temso.catalog.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60));
    private final PushResult serverError = new PushResult(PushOutcome.RETRY, 500, null, "HTTP 500", "k");

    @Test
    void shouldDoubleTheCeilingUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(1), policy.ceiling(1));
        assertEquals(Duration.ofSeconds(2), policy.ceiling(2));
        assertEquals(Duration.ofSeconds(16), policy.ceiling(5));
        assertEquals(Duration.ofSeconds(60), policy.ceiling(7));
        assertEquals(Duration.ofSeconds(60), policy.ceiling(1000));
    }

    @Test
    void shouldKeepJitteredDelaysWithinZeroAndTheCeiling() {
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 4; attempt++) {
            for (int i = 0; i < 1000; i++) {
                RetryPolicy.Decision d = policy.decide(attempt, serverError, random::nextDouble);
                assertEquals(RetryPolicy.Action.RETRY, d.action());
                assertTrue(!d.delay().isNegative() && d.delay().compareTo(policy.ceiling(attempt)) <= 0, d.toString());
            }
        }
        assertEquals(Duration.ZERO, policy.backoff(3, () -> 0.0));
        assertEquals(Duration.ofMillis(3999), policy.backoff(3, () -> 0.99975));
    }

    @Test
    void shouldNeverComeBackBeforeRetryAfter() {
        PushResult limited = new PushResult(PushOutcome.RETRY, 429, Duration.ofSeconds(120), "HTTP 429", "k");
        RetryPolicy.Decision d = policy.decide(1, limited, () -> 0.5);
        assertEquals(Duration.ofSeconds(120), d.delay());
        PushResult shortWait = new PushResult(PushOutcome.RETRY, 503, Duration.ofMillis(10), "HTTP 503", "k");
        assertEquals(
                Duration.ofSeconds(2), policy.decide(3, shortWait, () -> 0.5).delay());
    }

    @Test
    void shouldFailAfterMaxAttemptsOrOnPermanentErrors() {
        RetryPolicy.Decision last = policy.decide(5, serverError, () -> 0.5);
        assertEquals(RetryPolicy.Action.FAILED, last.action());
        assertEquals("gave up after 5 attempts; last error: HTTP 500", last.reason());
        PushResult bad = new PushResult(PushOutcome.PERMANENT_FAILURE, 400, null, "HTTP 400: gtin", "k");
        assertEquals(
                new RetryPolicy.Decision(RetryPolicy.Action.FAILED, Duration.ZERO, "HTTP 400: gtin"),
                policy.decide(1, bad));
        PushResult ok = new PushResult(PushOutcome.SUCCESS, 200, null, null, "k");
        assertEquals(RetryPolicy.Action.DONE, policy.decide(1, ok).action());
    }
}

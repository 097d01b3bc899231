package vn.temso.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import vn.temso.catalog.push.PushClient;
import vn.temso.catalog.push.PushRequest;
import vn.temso.catalog.push.PushResult;
import vn.temso.catalog.push.RetryPolicy;

/**
 * The send loop of every outbox: claim each due row (one instance wins), send it outside any transaction, decide with
 * the retry policy (backoff with full jitter, Retry-After honoured, FAILED after the last attempt) and record the
 * outcome on the claimed version. A sender that loses its claim while sending (its lease ran out) records nothing: the
 * next claimer sends the same body with the same idempotency key, so the receiver applies it once.
 */
public final class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    private OutboxSender() {}

    /** @return how many rows were sent (whatever the outcome) */
    public static int drain(
            OutboxQueue queue, PushClient client, RetryPolicy policy, Duration lease, Clock clock, int limit) {
        int sent = 0;
        for (Outbox.Due row : queue.due(clock.instant(), limit)) {
            Outbox.Claim claim = queue.claim(row.id(), row.version(), clock.instant(), lease);
            if (claim == null) {
                continue; // another instance (or an earlier round) has it
            }
            PushResult result = client.send(request(claim));
            RetryPolicy.Decision decision = policy.decide(claim.attempts(), result);
            if (!queue.complete(claim, result, decision, clock.instant())) {
                LOG.warning(() -> "Push " + claim.idempotencyKey()
                        + " lost its claim while sending; it will be resent with the same idempotency key");
            }
            sent++;
        }
        return sent;
    }

    /** The stored key is {@code "<prefix>:<contentHash>"}; PushRequest appends {@code ":<hash>"} itself. */
    static PushRequest request(Outbox.Claim claim) {
        String key = claim.idempotencyKey();
        String prefix = key.substring(0, key.length() - claim.contentHash().length() - 1);
        return new PushRequest(prefix, claim.contentHash(), claim.body().getBytes(StandardCharsets.UTF_8));
    }
}

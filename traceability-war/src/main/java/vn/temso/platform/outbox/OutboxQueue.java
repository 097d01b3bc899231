package vn.temso.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.temso.catalog.push.PushResult;
import vn.temso.catalog.push.RetryPolicy;

/** One outbox table as the {@link OutboxSender} works it; each call runs in a transaction of its own. */
public interface OutboxQueue {

    /** Rows that may be sent now (pending and due, or claimed by a sender whose lease ran out), in sending order. */
    List<Outbox.Due> due(Instant now, int limit);

    /** Claims a row if it is still as {@link #due} saw it; null if another sender was faster. */
    Outbox.Claim claim(String id, int version, Instant now, Duration lease);

    /** Records the outcome of the attempt made under {@code claim}; false if the claim was lost meanwhile. */
    boolean complete(Outbox.Claim claim, PushResult result, RetryPolicy.Decision decision, Instant now);
}

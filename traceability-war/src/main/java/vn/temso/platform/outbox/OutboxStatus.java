package vn.temso.platform.outbox;

/**
 * Where a queued version stands: PENDING → SENDING (claimed, with a lease) → SYNCED, back to PENDING for a retry, or
 * FAILED. HELD: kept back, never sent (a portal record that lacks required fields). SUPERSEDED: a newer version of the
 * same record was queued before this one was sent, so only the newer one goes.
 */
public enum OutboxStatus {
    PENDING,
    SENDING,
    SYNCED,
    FAILED,
    HELD,
    SUPERSEDED
}

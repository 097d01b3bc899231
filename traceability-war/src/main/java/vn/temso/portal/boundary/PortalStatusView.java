package vn.temso.portal.boundary;

import jakarta.json.JsonArray;
import java.time.Instant;
import java.util.Map;
import vn.temso.platform.rest.Page;

/**
 * Whether records are sent to the national portal and how their delivery stands in the caller's scope. Never holds
 * a secret, the endpoint's full URL or a path on the server.
 *
 * @param auth   how requests are authenticated: api-key, hmac or api-key+hmac (null when off)
 * @param counts rows per status: PENDING, SENDING, SYNCED, FAILED, HELD, SUPERSEDED
 */
public record PortalStatusView(
        boolean enabled,
        String message,
        String endpointHost,
        String auth,
        Mapping mapping,
        Map<String, Long> counts,
        LastError lastError,
        Page<Item> items) {

    /** The mapping in use: the built-in one or the operator's file, and what is wrong with it if anything. */
    public record Mapping(String origin, Integer fields, Integer required, String problem) {}

    /** The most recent delivery error. */
    public record LastError(String outboxId, String batchId, Integer httpStatus, String message, Instant at) {}

    /** One queued version. */
    public record Item(
            String id,
            String batchId,
            String lotCode,
            String productName,
            int recordVersion,
            String status,
            String idempotencyKey,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Integer httpStatus,
            JsonArray missing,
            Instant createdAt,
            Instant updatedAt,
            Instant syncedAt) {}
}

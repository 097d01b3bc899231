package vn.temso.catalog.push;

import java.time.Duration;

/**
 * The outcome of one attempt.
 *
 * @param httpStatus  the response status, or 0 when no response arrived (timeout, connection error)
 * @param retryAfter  the server's Retry-After as a delay, or null
 * @param error       the last error text to show staff (status and the start of the response body), null on success
 */
public record PushResult(
        PushOutcome outcome, int httpStatus, Duration retryAfter, String error, String idempotencyKey) {}

package vn.temso.catalog.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.catalog.model.CatalogEntry;

/**
 * Sends one product version (or any stored JSON body: the national-portal outbox uses it too) to the configured
 * endpoint, authenticated (HMAC signature, API key header, or both) and idempotent, and says what to do next. Holds no per-request state: one instance (and its HttpClient) is shared by all threads of
 * the WAR's scheduled executor. It never throws for delivery problems; they become a
 * {@link PushResult}.
 *
 * <pre>
 * POST {endpoint}
 * Content-Type: application/json; charset=utf-8
 * Idempotency-Key: {productId}:{contentHash}
 * X-Temso-Timestamp: {unix seconds}
 * X-Temso-Signature: sha256={hex HMAC-SHA256(secret, timestamp + "\n" + idempotencyKey + "\n" + body)}  (with a secret)
 * {API key header}: {API key}                                                                  (with an API key)
 * X-Temso-Content-Hash: {contentHash}
 * </pre>
 */
public final class PushClient {

    public static final String TIMESTAMP_HEADER = "X-Temso-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Temso-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String CONTENT_HASH_HEADER = "X-Temso-Content-Hash";

    private static final Logger LOG = Logger.getLogger(PushClient.class.getName());
    private static final int MAX_ERROR_BODY = 1000;

    private final PushConfig config;
    private final HmacSigner signer;
    private final HttpClient http;

    public PushClient(PushConfig config) {
        this.config = config;
        this.signer = config.signs() ? new HmacSigner(config.secret()) : null;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Builds the request for {@code entry} as of {@code today} and sends it. */
    public PushResult send(CatalogEntry entry, LocalDate today) {
        return send(PushRequest.of(entry, today));
    }

    /** Sends one stored product version. Blocks for at most about connect + request timeout. */
    public PushResult send(PushRequest request) {
        String key = request.idempotencyKey();
        byte[] body = request.body();
        String timestamp = Long.toString(config.clock().instant().getEpochSecond());
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.endpoint())
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", config.userAgent())
                .header(IDEMPOTENCY_HEADER, key)
                .header(TIMESTAMP_HEADER, timestamp)
                .header(CONTENT_HASH_HEADER, request.contentHash());
        if (signer != null) {
            builder.header(SIGNATURE_HEADER, signer.sign(timestamp, key, body));
        }
        if (config.apiKey() != null) {
            builder.header(config.apiKey().header(), config.apiKey().value());
        }
        HttpRequest httpRequest =
                builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<InputStream> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String text;
            try (InputStream in = response.body()) {
                text = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8).strip();
            }
            if (status >= 200 && status < 300) {
                return new PushResult(PushOutcome.SUCCESS, status, null, null, key);
            }
            Duration retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .map(v -> parseRetryAfter(v, config.clock().instant()))
                    .orElse(null);
            String error = "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
            PushOutcome outcome =
                    status >= 500 || status == 429 || status == 408 ? PushOutcome.RETRY : PushOutcome.PERMANENT_FAILURE;
            LOG.log(Level.FINE, "push {0}: {1}", new Object[] {key, error});
            return new PushResult(outcome, status, retryAfter, error, key);
        } catch (HttpTimeoutException e) {
            return new PushResult(PushOutcome.RETRY, 0, null, "timed out: " + e.getMessage(), key);
        } catch (ConnectException e) {
            return new PushResult(
                    PushOutcome.RETRY,
                    0,
                    null,
                    "cannot connect to " + config.endpoint().getHost() + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    key);
        } catch (IOException e) {
            return new PushResult(
                    PushOutcome.RETRY,
                    0,
                    null,
                    "connection error: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PushResult(PushOutcome.RETRY, 0, null, "interrupted before a response arrived", key);
        }
    }

    /**
     * Retry-After is either delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). Returns null when
     * it is neither; a date in the past means "now".
     */
    public static Duration parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
        }
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package vn.temso.catalog.push;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how to push. A request is authenticated by an HMAC signature ({@code secret}), an API key header
 * ({@code apiKey}), or both; at least one is required.
 *
 * @param endpoint        https URL the JSON is POSTed to (plain http is accepted only for loopback hosts, for tests)
 * @param secret          shared HMAC secret, at least 16 bytes, or null to send no signature
 * @param apiKey          an API key header sent with every request, or null
 * @param connectTimeout  TCP/TLS connect timeout
 * @param requestTimeout  time allowed until the response headers arrive
 * @param userAgent       the User-Agent header
 */
public record PushConfig(
        URI endpoint,
        byte[] secret,
        ApiKey apiKey,
        Duration connectTimeout,
        Duration requestTimeout,
        Clock clock,
        String userAgent) {

    /** The User-Agent of catalog pushes. */
    public static final String DEFAULT_USER_AGENT = "temso-catalog-sync";

    /**
     * An API key sent as the value of one request header, e.g. {@code X-API-Key: <key>} or {@code Authorization:
     * Bearer <key>} (the whole value is the key). Never printed.
     */
    public record ApiKey(String header, String value) {

        public ApiKey {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(value, "value");
            if (header.isEmpty() || !header.chars().allMatch(ApiKey::isTokenChar)) {
                throw new IllegalArgumentException(
                        "the API key header name must be an HTTP token, got \"" + header + "\"");
            }
            if (value.isBlank() || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw new IllegalArgumentException("the API key must be non-blank text without control characters");
            }
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.equals("content-type")
                    || lower.equals("user-agent")
                    || lower.startsWith("x-temso-")
                    || lower.equals(PushClient.IDEMPOTENCY_HEADER.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the API key header cannot be " + header + ": Temso sets it");
            }
            try {
                java.net.http.HttpRequest.newBuilder().header(header, "x");
            } catch (IllegalArgumentException restricted) {
                throw new IllegalArgumentException("the API key header cannot be " + header + ": HTTP reserves it");
            }
        }

        /** RFC 9110 tchar. */
        private static boolean isTokenChar(int c) {
            return c >= '0' && c <= '9'
                    || c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }

        @Override
        public String toString() {
            return "ApiKey[" + header + ": ***]";
        }
    }

    public PushConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(userAgent, "userAgent");
        if (secret == null && apiKey == null) {
            throw new IllegalArgumentException("a push needs an HMAC secret, an API key or both");
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        String host = endpoint.getHost() == null ? "" : endpoint.getHost();
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException("push endpoint must be https, got " + endpoint);
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        secret = secret == null ? null : secret.clone();
    }

    /** HMAC only, as catalog pushes have always been signed. */
    public PushConfig(URI endpoint, byte[] secret, Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this(
                endpoint,
                Objects.requireNonNull(secret, "secret"),
                null,
                connectTimeout,
                requestTimeout,
                clock,
                DEFAULT_USER_AGENT);
    }

    /** 5 s to connect, 30 s for the response, system UTC clock. */
    public static PushConfig of(URI endpoint, byte[] secret) {
        return new PushConfig(endpoint, secret, Duration.ofSeconds(5), Duration.ofSeconds(30), Clock.systemUTC());
    }

    /** Authenticated by {@code apiKey}, by {@code secret}, or both (either may be null, not both). */
    public static PushConfig of(URI endpoint, byte[] secret, ApiKey apiKey) {
        return new PushConfig(
                endpoint,
                secret,
                apiKey,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Clock.systemUTC(),
                DEFAULT_USER_AGENT);
    }

    public PushConfig withTimeouts(Duration connect, Duration request) {
        return new PushConfig(endpoint, secret, apiKey, connect, request, clock, userAgent);
    }

    public PushConfig withUserAgent(String agent) {
        return new PushConfig(endpoint, secret, apiKey, connectTimeout, requestTimeout, clock, agent);
    }

    /** The HMAC secret, or null when requests are not signed. */
    @Override
    public byte[] secret() {
        return secret == null ? null : secret.clone();
    }

    /** Whether requests carry an {@code X-Temso-Signature}. */
    public boolean signs() {
        return secret != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PushConfig p
                && endpoint.equals(p.endpoint)
                && java.util.Arrays.equals(secret, p.secret)
                && Objects.equals(apiKey, p.apiKey)
                && connectTimeout.equals(p.connectTimeout)
                && requestTimeout.equals(p.requestTimeout)
                && clock.equals(p.clock)
                && userAgent.equals(p.userAgent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, apiKey, connectTimeout, requestTimeout);
    }

    @Override
    public String toString() {
        return "PushConfig[" + endpoint + (secret == null ? "" : ", HMAC") + (apiKey == null ? "" : ", " + apiKey)
                + ", connect " + connectTimeout + ", request " + requestTimeout + "]";
    }
}

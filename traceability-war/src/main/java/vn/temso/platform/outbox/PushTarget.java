package vn.temso.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import vn.temso.catalog.push.PushClient;
import vn.temso.catalog.push.PushConfig;

/**
 * An outbox's HTTP target as configured: the push client, or the reason there is none, said with the configuration
 * keys to set (never their values). Built once per configuration; immutable.
 */
public final class PushTarget {

    private final PushClient client;
    private final String problem;
    private final String host;
    private final String auth;

    private PushTarget(PushClient client, String problem, String host, String auth) {
        this.client = client;
        this.problem = problem;
        this.host = host;
        this.auth = auth;
    }

    /**
     * Starts a target.
     *
     * @param off         how a message says the feature is off, e.g. {@code "push disabled"}
     * @param endpointKey the configuration key of the endpoint, named in messages
     */
    public static Builder of(String off, String endpointKey, Optional<String> endpoint) {
        return new Builder(off, endpointKey, value(endpoint));
    }

    /** The client, or empty when the target is not configured ({@link #problem} says why). */
    public Optional<PushClient> client() {
        return Optional.ofNullable(client);
    }

    /** Null when the target is configured, else why not (names configuration keys, never values). */
    public String problem() {
        return problem;
    }

    /** The endpoint's host, for status pages (never the full URL with its query, nor a secret); null if none. */
    public String host() {
        return host;
    }

    /** How requests are authenticated: {@code "hmac"}, {@code "api-key"}, {@code "api-key+hmac"}, or null. */
    public String auth() {
        return auth;
    }

    private static String value(Optional<String> v) {
        return v.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    /** Collects the target's settings; {@link #build} checks them. */
    public static final class Builder {
        private final String off;
        private final String endpointKey;
        private final String endpoint;
        private String secretKey;
        private String secret;
        private String apiKeyKey;
        private String apiKey;
        private String apiKeyHeader;
        private Duration connect = Duration.ofSeconds(5);
        private Duration request = Duration.ofSeconds(30);
        private String userAgent = PushConfig.DEFAULT_USER_AGENT;

        private Builder(String off, String endpointKey, String endpoint) {
            this.off = off;
            this.endpointKey = endpointKey;
            this.endpoint = endpoint;
        }

        /** HMAC signing with the secret under {@code key}. */
        public Builder hmac(String key, Optional<String> value) {
            this.secretKey = key;
            this.secret = value(value);
            return this;
        }

        /** An API key under {@code key}, sent as the value of {@code header}; without one, the secret is required. */
        public Builder apiKey(String key, Optional<String> value, String header) {
            this.apiKeyKey = key;
            this.apiKey = value(value);
            this.apiKeyHeader = header == null ? null : header.strip();
            return this;
        }

        public Builder timeouts(Duration connectTimeout, Duration requestTimeout) {
            this.connect = connectTimeout;
            this.request = requestTimeout;
            return this;
        }

        public Builder userAgent(String agent) {
            this.userAgent = agent;
            return this;
        }

        public PushTarget build() {
            String host = host(endpoint);
            if (endpoint == null) {
                return new PushTarget(null, off + ": " + endpointKey + " is not set", null, null);
            }
            if (secret == null && apiKey == null) {
                String keys = apiKeyKey == null ? secretKey : "neither " + apiKeyKey + " nor " + secretKey;
                return new PushTarget(null, off + ": " + keys + " is not set", host, null);
            }
            try {
                PushConfig.ApiKey key = apiKey == null ? null : new PushConfig.ApiKey(apiKeyHeader, apiKey);
                byte[] hmac = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
                PushConfig config = PushConfig.of(URI.create(endpoint), hmac, key)
                        .withTimeouts(connect, request)
                        .withUserAgent(userAgent);
                String auth = key == null ? "hmac" : hmac == null ? "api-key" : "api-key+hmac";
                return new PushTarget(new PushClient(config), null, host, auth);
            } catch (IllegalArgumentException e) {
                // the library's messages name the rule broken, never the secret or key value; the endpoint may hold
                // a token in its query, so it is shown by its host only
                String why = String.valueOf(e.getMessage()).replace(endpoint, host == null ? "the endpoint" : host);
                return new PushTarget(null, off + ": " + why, host, null);
            }
        }

        private static String host(String endpoint) {
            if (endpoint == null) {
                return null;
            }
            try {
                return URI.create(endpoint).getHost();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}

package vn.temso.catalog.push;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to push.
 *
 * @param endpoint        https URL the JSON is POSTed to (plain http is accepted only for loopback hosts, for tests)
 * @param secret          shared HMAC secret, at least 16 bytes
 * @param connectTimeout  TCP/TLS connect timeout
 * @param requestTimeout  time allowed until the response headers arrive
 */
public record PushConfig(URI endpoint, byte[] secret, Duration connectTimeout, Duration requestTimeout, Clock clock) {

    public PushConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(clock, "clock");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(java.util.Locale.ROOT);
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
        secret = secret.clone();
    }

    /** 5 s to connect, 30 s for the response, system UTC clock. */
    public static PushConfig of(URI endpoint, byte[] secret) {
        return new PushConfig(endpoint, secret, Duration.ofSeconds(5), Duration.ofSeconds(30), Clock.systemUTC());
    }

    public PushConfig withTimeouts(Duration connect, Duration request) {
        return new PushConfig(endpoint, secret, connect, request, clock);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "PushConfig[" + endpoint + ", connect " + connectTimeout + ", request " + requestTimeout + "]";
    }
}

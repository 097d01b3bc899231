package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.catalog.publish.PublishPolicy;
import vn.temso.catalog.push.PushClient;
import vn.temso.catalog.push.PushConfig;
import vn.temso.catalog.push.RetryPolicy;

/** Configuration of feeds and push sync (keys documented in README.md). */
@ApplicationScoped
public class SyncSettings {

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String publicBaseUrl;

    @Inject
    @ConfigProperty(name = "temso.listing.interval-ms", defaultValue = "5000")
    long intervalMs;

    @Inject
    @ConfigProperty(name = "temso.feed.max-invalid-share", defaultValue = "0.10")
    double maxInvalidShare;

    @Inject
    @ConfigProperty(name = "temso.feed.max-shrink-share", defaultValue = "0.50")
    double maxShrinkShare;

    @Inject
    @ConfigProperty(name = "temso.push.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "temso.push.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "temso.push.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "temso.push.base-delay-ms", defaultValue = "30000")
    long baseDelayMs;

    @Inject
    @ConfigProperty(name = "temso.push.max-delay-ms", defaultValue = "3600000")
    long maxDelayMs;

    @Inject
    @ConfigProperty(name = "temso.push.connect-timeout-ms", defaultValue = "5000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "temso.push.request-timeout-ms", defaultValue = "30000")
    long requestTimeoutMs;

    private volatile PushClient client;
    private volatile String pushProblem;

    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    public long intervalMs() {
        return Math.max(100, intervalMs);
    }

    public PublishPolicy publishPolicy() {
        return new PublishPolicy(maxInvalidShare, maxShrinkShare, 1000);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(
                maxAttempts, Duration.ofMillis(baseDelayMs), Duration.ofMillis(Math.max(baseDelayMs, maxDelayMs)));
    }

    /** How long a claimed row stays ours: longer than one attempt can take, so only a crashed sender loses it. */
    public Duration lease() {
        return Duration.ofMillis(connectTimeoutMs + requestTimeoutMs + 10_000);
    }

    /** The push client, or empty when push is not configured (the status API says why). */
    public synchronized Optional<PushClient> pushClient() {
        if (client == null && pushProblem == null) {
            String e = endpoint.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
            String s = secret.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
            if (e == null) {
                pushProblem = "push disabled: temso.push.endpoint is not set";
            } else if (s == null) {
                pushProblem = "push disabled: temso.push.secret is not set";
            } else {
                try {
                    client = new PushClient(PushConfig.of(URI.create(e), s.getBytes(StandardCharsets.UTF_8))
                            .withTimeouts(Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(requestTimeoutMs)));
                } catch (IllegalArgumentException ex) {
                    pushProblem = "push disabled: " + ex.getMessage();
                }
            }
        }
        return Optional.ofNullable(client);
    }

    /** Null when push is enabled, else the reason it is not. */
    public String pushProblem() {
        pushClient();
        return pushProblem;
    }

    /** The endpoint's host for the status API (never the secret, nor the full URL with its query). */
    public String pushHost() {
        return endpoint.map(v -> {
                    try {
                        return URI.create(v.strip()).getHost();
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                })
                .orElse(null);
    }
}

package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.publish.PublishPolicy;
import vn.temso.catalog.push.PushClient;
import vn.temso.catalog.push.RetryPolicy;
import vn.temso.catalog.validate.FeedValidator;
import vn.temso.platform.outbox.PushTarget;

/** Configuration of feeds and push sync (keys documented in README.md). */
@ApplicationScoped
public class SyncSettings {

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String publicBaseUrl;

    @Inject
    @ConfigProperty(name = "temso.demo.enabled", defaultValue = "false")
    boolean demoEnabled;

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

    private volatile PushTarget target;

    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    /**
     * True in demo mode when the public base URL is plain http (a local demo): feeds then accept http links so a
     * demo publishes, and the status marks them as not accepted by marketplaces. Production keeps the https rule.
     */
    public boolean demoLinks() {
        return demoEnabled && publicBaseUrl.toLowerCase(Locale.ROOT).startsWith("http:");
    }

    /** The channel's validator: its published rules, with http links only for {@link #demoLinks()}. */
    public FeedValidator validator(Channel channel) {
        FeedValidator v = FeedValidator.forChannel(channel);
        return demoLinks() ? v.withHttpLinks() : v;
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
    public Optional<PushClient> pushClient() {
        return target().client();
    }

    /** Null when push is enabled, else the reason it is not. */
    public String pushProblem() {
        return target().problem();
    }

    /** The endpoint's host for the status API (never the secret, nor the full URL with its query). */
    public String pushHost() {
        return target().host();
    }

    private synchronized PushTarget target() {
        if (target == null) {
            target = PushTarget.of("push disabled", "temso.push.endpoint", endpoint)
                    .hmac("temso.push.secret", secret)
                    .timeouts(Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(requestTimeoutMs))
                    .build();
        }
        return target;
    }
}

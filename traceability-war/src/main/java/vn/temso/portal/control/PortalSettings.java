package vn.temso.portal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.catalog.push.RetryPolicy;
import vn.temso.platform.outbox.PushTarget;

/** Configuration of the national-portal connection (keys documented in docs/epcis-portal.md and README.md). */
@ApplicationScoped
public class PortalSettings {

    /** Where the default mapping is, on the class path. */
    public static final String DEFAULT_MAPPING = "portal/portal-mapping.json";

    private static final Logger LOG = Logger.getLogger(PortalSettings.class.getName());
    private static final String OFF = "portal sync off";

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String publicBaseUrl;

    @Inject
    @ConfigProperty(name = "temso.portal.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "temso.portal.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "temso.portal.api-key-header", defaultValue = "X-API-Key")
    String apiKeyHeader;

    @Inject
    @ConfigProperty(name = "temso.portal.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "temso.portal.mapping-file")
    Optional<String> mappingFile;

    @Inject
    @ConfigProperty(name = "temso.portal.interval-ms", defaultValue = "5000")
    long intervalMs;

    @Inject
    @ConfigProperty(name = "temso.portal.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "temso.portal.base-delay-ms", defaultValue = "30000")
    long baseDelayMs;

    @Inject
    @ConfigProperty(name = "temso.portal.max-delay-ms", defaultValue = "3600000")
    long maxDelayMs;

    @Inject
    @ConfigProperty(name = "temso.portal.connect-timeout-ms", defaultValue = "5000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "temso.portal.request-timeout-ms", defaultValue = "30000")
    long requestTimeoutMs;

    @Inject
    @ConfigProperty(
            name = "temso.portal.key-biz-steps",
            defaultValue = "commissioning,harvesting,processing,packing,shipping,receiving,holding")
    String keyBizSteps;

    @Inject
    @ConfigProperty(name = "temso.portal.event-window-seconds", defaultValue = "120")
    long eventWindowSeconds;

    private volatile PushTarget target;
    private volatile MappingState mapping;

    /** The mapping as read, or why it cannot be used. */
    record MappingState(PortalMapping mapping, String error, String origin) {}

    public String publicBaseUrl() {
        return publicBaseUrl.replaceAll("/+$", "");
    }

    public long intervalMs() {
        return Math.max(100, intervalMs);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(
                Math.max(1, maxAttempts),
                Duration.ofMillis(Math.max(0, baseDelayMs)),
                Duration.ofMillis(Math.max(Math.max(0, baseDelayMs), maxDelayMs)));
    }

    /** How long a claimed row stays ours: longer than one attempt can take, so only a crashed sender loses it. */
    public Duration lease() {
        return Duration.ofMillis(connectTimeoutMs + requestTimeoutMs + 10_000);
    }

    /** Business steps whose events are key tracking events: CBV names bare, Temso's steps by their last part. */
    public List<String> keyBizSteps() {
        return Arrays.stream(keyBizSteps.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** How far back each round looks for events recorded for lots (events commit late, or come from elsewhere). */
    public Duration eventWindow() {
        return Duration.ofSeconds(Math.max(10, eventWindowSeconds));
    }

    /** The HTTP target; its problem says why it is not configured. */
    public synchronized PushTarget target() {
        if (target == null) {
            target = PushTarget.of(OFF, "temso.portal.endpoint", endpoint)
                    .apiKey("temso.portal.api-key", apiKey, apiKeyHeader)
                    .hmac("temso.portal.secret", secret)
                    .timeouts(Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(requestTimeoutMs))
                    .userAgent("temso-portal")
                    .build();
        }
        return target;
    }

    /** The mapping in use; throws {@link PortalMapping.InvalidMapping} when the configured one cannot be used. */
    public PortalMapping mapping() {
        MappingState m = mappingState();
        if (m.mapping() == null) {
            throw new PortalMapping.InvalidMapping(m.error());
        }
        return m.mapping();
    }

    /** Null when the mapping is usable, else what is wrong with it (never a server path). */
    public String mappingProblem() {
        return mappingState().error();
    }

    /** "default" (the one built in) or "file" (temso.portal.mapping-file). */
    public String mappingOrigin() {
        return mappingState().origin();
    }

    /** Null when records are sent; else why not: no endpoint, no credentials, or a bad mapping file. */
    public String problem() {
        String p = target().problem();
        if (p != null) {
            return p;
        }
        String m = mappingProblem();
        return m == null ? null : OFF + ": " + m;
    }

    /** The text with the configured API key and secret blanked out (a portal may echo a request in its error). */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Optional<String> hidden : List.of(apiKey, secret)) {
            String v = hidden.map(String::strip).orElse("");
            if (v.length() >= 4) {
                out = out.replace(v, "***");
            }
        }
        return out;
    }

    public boolean enabled() {
        return problem() == null;
    }

    /** Reads and checks the mapping once (at start-up, by the scheduler); a bad file is logged with its path. */
    synchronized MappingState mappingState() {
        if (mapping == null) {
            mapping = loadMapping();
            if (mapping.error() != null) {
                LOG.severe("National-portal mapping "
                        + mappingFile.map(f -> "file " + f).orElse(DEFAULT_MAPPING)
                        + " cannot be used, so no portal record is sent: " + mapping.error());
            } else {
                LOG.info("National-portal mapping (" + mapping.origin() + "): "
                        + mapping.mapping().fields().size() + " fields, "
                        + mapping.mapping().fields().stream()
                                .filter(PortalMapping.Field::required)
                                .count() + " required");
            }
        }
        return mapping;
    }

    private MappingState loadMapping() {
        String file = mappingFile.map(String::strip).filter(f -> !f.isEmpty()).orElse(null);
        String origin = file == null ? "default" : "file";
        String text;
        try {
            if (file == null) {
                try (InputStream in = PortalSettings.class.getClassLoader().getResourceAsStream(DEFAULT_MAPPING)) {
                    if (in == null) {
                        return new MappingState(null, "the built-in mapping is missing from the build", origin);
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } else {
                text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "reading the portal mapping failed", e);
            return new MappingState(
                    null, "the file named by temso.portal.mapping-file cannot be read as UTF-8 text", origin);
        }
        try {
            return new MappingState(PortalMapping.parse(text), null, origin);
        } catch (PortalMapping.InvalidMapping e) {
            return new MappingState(null, "mapping " + origin + ": " + e.getMessage(), origin);
        }
    }
}

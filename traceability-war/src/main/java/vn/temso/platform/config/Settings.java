package vn.temso.platform.config;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Static access to MicroProfile Config for the few places the container instantiates without CDI
 * (the data source). Everywhere else inject {@code @ConfigProperty}. Keys map to environment variables
 * by MicroProfile's rule: {@code temso.db.url} is also read from {@code TEMSO_DB_URL}.
 */
public final class Settings {

    private Settings() {}

    public static Optional<String> get(String key) {
        try {
            Config config = ConfigProvider.getConfig(Settings.class.getClassLoader());
            return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
        } catch (IllegalStateException | IllegalArgumentException e) {
            String env = key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
            return Optional.ofNullable(System.getProperty(key, System.getenv(env)))
                    .map(String::trim)
                    .filter(v -> !v.isEmpty());
        }
    }

    public static String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }
}

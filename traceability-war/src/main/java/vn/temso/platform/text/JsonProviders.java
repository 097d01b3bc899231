package vn.temso.platform.text;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider, looked up once. {@code Json.createObjectBuilder()} and its siblings look the provider up
 * through the class loader on every call: on a diary import that lookup (a jar scan) cost more than writing the row.
 */
public final class JsonProviders {

    /** Thread-safe: providers only make builders, readers and writers. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {}
}

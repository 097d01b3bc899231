package vn.temso.platform.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The id a client generates for a record it creates (a UUID), so that sending the same create again (a retry on a
 * weak signal, a queue flushed twice) finds the record instead of making a second one.
 */
public final class ClientId {

    public static final String FIELD = "clientId";

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ClientId() {}

    /** @return the id in lower case, or null if none was given; or throws {@link InvalidField} on clientId */
    public static String validate(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String id = raw.strip().toLowerCase(Locale.ROOT);
        if (!UUID.matcher(id).matches()) {
            throw new InvalidField(FIELD, "a client id is a UUID such as 3f2b8c1e-9d4a-4f6b-8a2e-1c5d7e9f0a3b");
        }
        return id;
    }
}

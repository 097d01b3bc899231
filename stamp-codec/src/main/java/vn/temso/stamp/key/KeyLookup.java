package vn.temso.stamp.key;

import java.util.Optional;

/** Finds a stamp key by key id; the WAR backs it with its key table, a third party with a {@link Jwks}. */
@FunctionalInterface
public interface KeyLookup {

    /** The key with this id, active or revoked, or empty if the id is unknown. */
    Optional<StampKey> find(String kid);
}

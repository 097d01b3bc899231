package vn.temso.stamp.key;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A published stamp key as a verifier sees it: key id, Ed25519 public key (32 bytes, RFC 8032 encoding; may be
 * absent for a revoked key) and, if revoked, when.
 */
public final class StampKey {

    private final String kid;
    private final byte[] publicKey;
    private final Instant revokedAt;

    private StampKey(String kid, byte[] publicKey, Instant revokedAt) {
        this.kid = Objects.requireNonNull(kid, "kid");
        if (publicKey != null && publicKey.length != SigningKeys.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes");
        }
        this.publicKey = publicKey == null ? null : publicKey.clone();
        this.revokedAt = revokedAt;
    }

    /** A key stamps may be verified against. */
    public static StampKey active(String kid, byte[] publicKey) {
        return new StampKey(kid, Objects.requireNonNull(publicKey, "publicKey"), null);
    }

    /** A revoked key; {@code publicKey} may be null when the JWKS only lists its id. */
    public static StampKey revoked(String kid, byte[] publicKey, Instant revokedAt) {
        return new StampKey(kid, publicKey, Objects.requireNonNull(revokedAt, "revokedAt"));
    }

    /** The same key, revoked at the given instant. */
    public StampKey revoke(Instant at) {
        return revoked(kid, publicKey, at);
    }

    public String kid() {
        return kid;
    }

    /** The 32-byte public key, or null for a revoked key published without it. */
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** When the key was revoked, or null if it is active. */
    public Instant revokedAt() {
        return revokedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StampKey other
                && kid.equals(other.kid)
                && Arrays.equals(publicKey, other.publicKey)
                && Objects.equals(revokedAt, other.revokedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kid, Arrays.hashCode(publicKey), revokedAt);
    }

    @Override
    public String toString() {
        return "StampKey[kid=" + kid + (revokedAt == null ? "" : ", revokedAt=" + revokedAt) + "]";
    }
}

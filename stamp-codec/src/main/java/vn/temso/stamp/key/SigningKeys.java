package vn.temso.stamp.key;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Creates Ed25519 signing keys and derives key ids.
 *
 * <p>Key id: the first {@value #KID_LENGTH} characters of the RFC 7638 JWK thumbprint (SHA-256, base64url), i.e.
 * its first 18 bits. Ids can collide (1 in 262,144 for a second key, about 2 % over 100 keys): the issuer must
 * refuse a new key whose id equals any existing one, active or revoked, and generate another.
 */
public final class SigningKeys {

    public static final int KID_LENGTH = 3;
    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SEED_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningKeys() {}

    /** A new random key pair. */
    public static SigningKey generate() {
        return new SigningKey(new Ed25519PrivateKeyParameters(RANDOM));
    }

    /** The key pair of a 32-byte RFC 8032 private key (seed), e.g. a test vector. */
    public static SigningKey fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("Ed25519 private key must be 32 bytes");
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** The key id of a public key: first characters of its RFC 7638 thumbprint. */
    public static String kidOf(byte[] publicKey) {
        return Jwks.thumbprint(publicKey).substring(0, KID_LENGTH);
    }
}

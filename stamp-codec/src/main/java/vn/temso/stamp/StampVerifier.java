package vn.temso.stamp;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import vn.temso.stamp.key.KeyLookup;
import vn.temso.stamp.key.StampKey;

/** Checks stamp URLs against a key lookup. Thread-safe if the lookup is. */
public final class StampVerifier {

    private final KeyLookup keys;
    private final String expectedBaseUrl;
    /** Decoded curve points by kid: decoding costs about a third of a verification, keys change rarely. */
    private final Map<String, Ed25519PublicKeyParameters> points = new ConcurrentHashMap<>();

    /** A verifier that accepts any base URL that is an origin ({@code scheme://host[:port]}). */
    public StampVerifier(KeyLookup keys) {
        this(keys, null);
    }

    /**
     * A verifier for stamps under one base URL (which may have a path); others are {@link Verdict#MALFORMED}.
     * {@code null} accepts any origin.
     */
    public StampVerifier(KeyLookup keys, String expectedBaseUrl) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.expectedBaseUrl = expectedBaseUrl == null ? null : BaseUrl.normalise(expectedBaseUrl);
    }

    /** Parses and verifies a scanned URL; never throws for bad input. */
    public Verification verify(String url) {
        StampUrl stamp;
        try {
            stamp = parse(url);
        } catch (InvalidStampException e) {
            return new Verification(Verdict.MALFORMED, e.getMessage(), null);
        }
        return verify(stamp);
    }

    /**
     * Decodes a scanned URL under this verifier's base URL without checking its signature: the canonical stamp, equal
     * for every spelling of the same stamp (other query parameters, letter case of scheme and host), so callers can
     * key what they remember of a stamp on it.
     *
     * @throws InvalidStampException with the rule that was broken
     */
    public StampUrl parse(String url) {
        return StampUrl.parseUnder(url, expectedBaseUrl);
    }

    /** Verifies an already decoded stamp. */
    public Verification verify(StampUrl stamp) {
        Optional<StampKey> found = keys.find(stamp.kid());
        if (found.isEmpty()) {
            return new Verification(Verdict.UNKNOWN_KEY, "no published key has id " + stamp.kid(), stamp);
        }
        StampKey key = found.get();
        if (key.isRevoked()) {
            String signature = key.publicKey() == null
                    ? ""
                    : signatureValid(key.publicKey(), stamp)
                            ? "; the signature itself matches the revoked key"
                            : "; the signature does not match it either";
            return new Verification(
                    Verdict.KEY_REVOKED,
                    "key " + stamp.kid() + " was revoked at " + key.revokedAt() + signature,
                    stamp);
        }
        if (!signatureValid(key.publicKey(), stamp)) {
            return new Verification(
                    Verdict.BAD_SIGNATURE,
                    "signature does not match key " + stamp.kid() + ": the stamp was altered or forged",
                    stamp);
        }
        return new Verification(Verdict.GENUINE, "signature valid, key " + stamp.kid(), stamp);
    }

    private boolean signatureValid(byte[] publicKey, StampUrl stamp) {
        Ed25519PublicKeyParameters point = points.get(stamp.kid());
        if (point == null || !Arrays.equals(point.getEncoded(), publicKey)) {
            try {
                point = new Ed25519PublicKeyParameters(publicKey, 0);
            } catch (IllegalArgumentException e) {
                return false; // not a valid curve point: nothing verifies against it
            }
            points.put(stamp.kid(), point);
        }
        byte[] message = stamp.signedBytes();
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, point);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(stamp.signature());
    }
}

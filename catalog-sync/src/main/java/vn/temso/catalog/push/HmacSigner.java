package vn.temso.catalog.push;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Request signing shared with the receiving marketplace: {@code X-Temso-Signature: sha256=<hex>}
 * where hex is HMAC-SHA256(secret, timestamp + "\n" + idempotencyKey + "\n" + body), timestamp is the
 * {@code X-Temso-Timestamp} header (Unix seconds) and idempotencyKey the {@code Idempotency-Key} header.
 * The key is signed so a captured request replayed with a new key (which a receiver would apply again)
 * fails verification; a line feed separates the parts because no header value can contain one.
 * Immutable and thread-safe (a Mac per call).
 */
public final class HmacSigner {

    public static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public HmacSigner(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the push secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The {@code X-Temso-Signature} header value for this timestamp, idempotency key and body. */
    public String sign(String timestamp, String idempotencyKey, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(timestamp, idempotencyKey, body));
    }

    /**
     * What a receiver does: recompute, compare in constant time, and reject timestamps further than
     * {@code tolerance} from {@code now} (replay protection).
     */
    public boolean verify(
            String timestamp,
            String idempotencyKey,
            byte[] body,
            String signatureHeader,
            Instant now,
            Duration tolerance) {
        if (timestamp == null
                || idempotencyKey == null
                || signatureHeader == null
                || !signatureHeader.startsWith(PREFIX)
                || idempotencyKey.indexOf('\n') >= 0) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHeader.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(timestamp, idempotencyKey, body), given);
    }

    private byte[] mac(String timestamp, String idempotencyKey, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '\n');
            mac.update(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

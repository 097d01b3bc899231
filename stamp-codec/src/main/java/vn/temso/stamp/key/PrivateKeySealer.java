package vn.temso.stamp.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Seals stamp private keys for storage: AES-256-GCM under a key derived with HKDF-SHA256 from a configured secret
 * and a random 32-byte salt, random 12-byte nonce, the key id bound as associated data.
 *
 * <p>Sealed text: {@code tsk1.<salt>.<nonce>.<ciphertext+tag>} (unpadded base64url parts). The associated data is
 * UTF-8 {@code "tsk1\n" + kid}, so a sealed key copied under another key id does not open. The secret must be at
 * least 32 bytes of high-entropy data (e.g. {@code openssl rand -base64 32}); HKDF does not stretch passwords.
 * Neither this object's {@link #toString()} nor any exception message contains the secret or key material.
 */
public final class PrivateKeySealer {

    public static final String FORMAT = "tsk1";
    public static final int MIN_SECRET_BYTES = 32;

    private static final byte[] INFO = "temso stamp private key seal v1".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;

    private PrivateKeySealer(byte[] secret) {
        this.secret = secret;
    }

    /**
     * A sealer for the configured secret (its UTF-8 bytes).
     *
     * @throws IllegalArgumentException if the secret is shorter than 32 bytes (the message does not echo it)
     */
    public static PrivateKeySealer fromSecret(String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("key sealing secret is not configured");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("key sealing secret must be at least " + MIN_SECRET_BYTES
                    + " bytes of random data, e.g. from 'openssl rand -base64 32'");
        }
        return new PrivateKeySealer(bytes);
    }

    /** Seals the private key of {@code key}; a fresh salt and nonce each time. */
    public String seal(SigningKey key) {
        byte[] salt = random(SALT_BYTES);
        byte[] nonce = random(NONCE_BYTES);
        byte[] seed = key.seed();
        byte[] aesKey = derive(salt);
        try {
            byte[] sealed =
                    cipher(Cipher.ENCRYPT_MODE, aesKey, nonce, key.kid()).doFinal(seed);
            return FORMAT + "." + B64.encodeToString(salt) + "." + B64.encodeToString(nonce) + "."
                    + B64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(aesKey, (byte) 0);
        }
    }

    /**
     * Opens a sealed key stored under {@code kid}.
     *
     * @throws SealedKeyException if the text is not a sealed key, the secret is wrong, the kid differs or the data
     *     was altered
     */
    public SigningKey unseal(String kid, String sealedText) {
        String[] parts = sealedText == null ? new String[0] : sealedText.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(FORMAT)) {
            throw new SealedKeyException("sealed key for kid " + kid + " is not in the " + FORMAT + " format");
        }
        byte[] salt;
        byte[] nonce;
        byte[] sealed;
        try {
            salt = Base64.getUrlDecoder().decode(parts[1]);
            nonce = Base64.getUrlDecoder().decode(parts[2]);
            sealed = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new SealedKeyException("sealed key for kid " + kid + " is not valid base64url");
        }
        if (salt.length != SALT_BYTES || nonce.length != NONCE_BYTES) {
            throw new SealedKeyException("sealed key for kid " + kid + " has a wrong salt or nonce length");
        }
        byte[] aesKey = derive(salt);
        byte[] seed = null;
        try {
            seed = cipher(Cipher.DECRYPT_MODE, aesKey, nonce, kid).doFinal(sealed);
            SigningKey key = SigningKeys.fromSeed(seed);
            if (!key.kid().equals(kid)) {
                throw new SealedKeyException("sealed key does not belong to kid " + kid);
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // no cause attached: the cipher's exception says nothing useful and must not leak anything either
            throw new SealedKeyException(
                    "cannot open sealed key for kid " + kid + ": wrong secret, wrong kid or altered data");
        } finally {
            Arrays.fill(aesKey, (byte) 0);
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    private byte[] derive(byte[] salt) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, salt, INFO));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    private static Cipher cipher(int mode, byte[] aesKey, byte[] nonce, String kid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((FORMAT + "\n" + kid).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "PrivateKeySealer[format=" + FORMAT + "]";
    }
}

package vn.temso.stamp.serial;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Random serials from Crockford's base32 alphabet in upper case (digits and letters without I, L, O, U): easy to
 * read aloud and type, inside the GS1 82-character set and the QR alphanumeric set, and not guessable.
 *
 * <p>The default 10 characters carry 50 bits. Among n serials of one GTIN the chance that any two are equal is
 * about n^2 / 2^51: 4.4e-4 for a million, 4.4 % for ten million. The issuer enforces uniqueness per GTIN (a unique
 * index) and draws again on a clash. Thread-safe.
 */
public final class SerialGenerator {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int DEFAULT_LENGTH = 10;

    private final int length;
    private final SecureRandom random;

    public SerialGenerator() {
        this(DEFAULT_LENGTH, new SecureRandom());
    }

    /** @param length 1 to 20 characters (GS1 AI 21 maximum) */
    public SerialGenerator(int length, SecureRandom random) {
        if (length < 1 || length > 20) {
            throw new IllegalArgumentException("serial length must be 1 to 20, got " + length);
        }
        this.length = length;
        this.random = Objects.requireNonNull(random, "random");
    }

    public String next() {
        // 5 bits per character (32 letters: no bias), 12 characters per draw: one call on the SecureRandom for a
        // default serial instead of ten (each call takes its lock)
        char[] serial = new char[length];
        long bits = 0;
        for (int i = 0; i < length; i++) {
            if (i % 12 == 0) {
                bits = random.nextLong();
            }
            serial[i] = ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        return new String(serial);
    }

    /** Bits of randomness in one serial. */
    public int entropyBits() {
        return 5 * length;
    }
}

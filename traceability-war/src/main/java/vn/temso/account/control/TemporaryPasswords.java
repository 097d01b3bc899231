package vn.temso.account.control;

import java.security.SecureRandom;

/**
 * One-time passwords a password reset hands out: 16 random characters from an alphabet without look-alikes (no 0/O,
 * 1/l/I), about 90 bits, in groups of four so they can be read out over the phone.
 */
final class TemporaryPasswords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {}

    static String next() {
        StringBuilder b = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}

package vn.temso.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The reference of bench/issuance.sh: raw Bouncy Castle Ed25519 signing of N distinct messages of a given size on
 * one thread (as the issuing job signs). Not a test. Arguments: count, message size in bytes, repeats. Prints one
 * line per repeat and a final {@code best <signatures/s>} line the script reads.
 */
public final class RawEd25519Signing {

    @SuppressWarnings("PMD.UnusedPrivateField") // written so the JIT cannot drop the measured work
    private static volatile byte[] sink;

    private RawEd25519Signing() {}

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        // distinct messages, like stamps differing by serial: a fixed prefix and a 10-character counter at the end
        byte[] message = "x".repeat(size).getBytes(StandardCharsets.US_ASCII);
        double best = 0;
        for (int r = 0; r < repeats + 1; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                writeCounter(message, i);
                Ed25519Signer signer = new Ed25519Signer();
                signer.init(true, key);
                signer.update(message, 0, message.length);
                sink = signer.generateSignature();
            }
            double rate = count / ((System.nanoTime() - start) / 1e9);
            if (r == 0) {
                System.out.printf(Locale.ROOT, "warm-up   %,d signatures of %d bytes: %,.0f/s%n", count, size, rate);
            } else {
                System.out.printf(
                        Locale.ROOT, "repeat %d  %,d signatures of %d bytes: %,.0f/s%n", r, count, size, rate);
                best = Math.max(best, rate);
            }
        }
        System.out.printf(Locale.ROOT, "best %.0f%n", best);
    }

    private static void writeCounter(byte[] message, int value) {
        for (int p = message.length - 1, left = 10; left > 0 && p >= 0; p--, left--) {
            message[p] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}

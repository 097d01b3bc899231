package vn.temso.stamp.bench;

import java.lang.management.ManagementFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import vn.temso.stamp.StampSigner;
import vn.temso.stamp.StampUrl;
import vn.temso.stamp.StampVerifier;
import vn.temso.stamp.key.Jwks;
import vn.temso.stamp.key.SigningKey;
import vn.temso.stamp.key.SigningKeys;
import vn.temso.stamp.serial.SerialGenerator;

/**
 * Single-thread throughput of stamp signing and verification against raw Bouncy Castle Ed25519 on the same message
 * size, plus QR encoding time. Not a test: run bench/stamp-codec.sh.
 */
public final class StampBenchmark {

    private static final String BASE = "https://truyxuat.example.com";
    private static final String GTIN = "00893850100125";
    private static final String LOT = "L2025-11-A07";
    private static final double WARMUP_SECONDS = 1.0;
    private static final double ROUND_SECONDS = 0.5;
    private static final int ROUNDS = 6;

    @SuppressWarnings("PMD.UnusedPrivateField") // written so the JIT cannot drop the measured work
    private static volatile Object sink;

    private StampBenchmark() {}

    public static void main(String[] args) throws Exception {
        SigningKey key = SigningKeys.generate();
        StampSigner signer = new StampSigner(key);
        String[] serials = new String[4096];
        SerialGenerator generator = new SerialGenerator();
        for (int i = 0; i < serials.length; i++) {
            serials[i] = generator.next();
        }
        byte[] message = StampUrl.signedBytes(BASE, GTIN, LOT, serials[0], key.kid());
        Ed25519PrivateKeyParameters rawPrivate = new Ed25519PrivateKeyParameters(new java.security.SecureRandom());
        Ed25519PublicKeyParameters rawPublic = rawPrivate.generatePublicKey();
        Ed25519Signer rawSigner = new Ed25519Signer();
        rawSigner.init(true, rawPrivate);
        rawSigner.update(message, 0, message.length);
        byte[] rawSignature = rawSigner.generateSignature();

        System.out.printf(
                Locale.ROOT,
                "stamp-codec benchmark: Java %s, %d CPUs, load average %.2f, message %d bytes, "
                        + "one thread, best of %d alternating %.1f s rounds%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                message.length,
                ROUNDS,
                ROUND_SECONDS);

        double[] sign = pair(
                i -> {
                    Ed25519Signer s = new Ed25519Signer();
                    s.init(true, rawPrivate);
                    s.update(message, 0, message.length);
                    sink = s.generateSignature();
                },
                i -> sink = signer.sign(BASE, GTIN, LOT, serials[i & 4095]));
        double rawSign = sign[0];
        double stampSign = sign[1];
        System.out.printf(
                Locale.ROOT,
                "sign   raw BC Ed25519 %,9.0f/s | full stamp (checks+bytes+sign+URL) %,9.0f/s | ratio %.2f%n",
                rawSign,
                stampSign,
                stampSign / rawSign);

        String[] urls = new String[1024];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = signer.sign(BASE, GTIN, LOT, serials[i]);
        }
        StampVerifier verifier = new StampVerifier(new Jwks(List.of(key.stampKey())));
        double[] verify = pair(
                i -> {
                    Ed25519Signer v = new Ed25519Signer();
                    v.init(false, rawPublic);
                    v.update(message, 0, message.length);
                    sink = v.verifySignature(rawSignature);
                },
                i -> sink = verifier.verify(urls[i & 1023]).verdict());
        double rawVerify = verify[0];
        double stampVerify = verify[1];
        System.out.printf(
                Locale.ROOT,
                "verify raw BC Ed25519 %,9.0f/s | full stamp (parse+lookup+verify)    %,9.0f/s | ratio %.2f%n",
                rawVerify,
                stampVerify,
                stampVerify / rawVerify);

        KeyPairGenerator jdkGenerator = KeyPairGenerator.getInstance("Ed25519");
        KeyPair jdkKeys = jdkGenerator.generateKeyPair();
        double jdkSign = pair(
                i -> {
                    try {
                        Signature s = Signature.getInstance("Ed25519");
                        s.initSign(jdkKeys.getPrivate());
                        s.update(message);
                        sink = s.sign();
                    } catch (java.security.GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                },
                i -> {})[0];
        System.out.printf(
                Locale.ROOT,
                "sign   JDK SunEC Ed25519 %,6.0f/s | raw BC is %.1fx faster%n",
                jdkSign,
                rawSign / jdkSign);

        System.out.printf(
                Locale.ROOT,
                "load average at the end %.2f (other builds on this machine skew the figures)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Operations per second of two operations, measured in alternating rounds on this thread so that load from other
     * processes hits both alike; the best round of each counts.
     */
    private static double[] pair(IntConsumer reference, IntConsumer subject) {
        run(reference, WARMUP_SECONDS);
        run(subject, WARMUP_SECONDS);
        double[] best = new double[2];
        for (int round = 0; round < ROUNDS; round++) {
            best[0] = Math.max(best[0], run(reference, ROUND_SECONDS));
            best[1] = Math.max(best[1], run(subject, ROUND_SECONDS));
        }
        return best;
    }

    private static double run(IntConsumer op, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int count = 0;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                op.accept(count++);
            }
            now = System.nanoTime();
        } while (now < end);
        return count / ((now - start) / 1e9);
    }
}

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.FileWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A flaky marketplace for scripts/push-restart-check.sh (JDK only; run as a single-file program):
 *   java TestMarketplace.java <port> <secret> <log file> [failure rate, default 0.5]
 * Checks the HMAC signature, fails about half of the requests (500, 429 with Retry-After, timeouts, some after
 * applying the change) and applies each Idempotency-Key once. Every outcome is one line in the log:
 * "applied <key>", "duplicate <key>", "failed <kind> <key>", "bad-signature <key>".
 */
public class TestMarketplace {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
        PrintWriter log = new PrintWriter(new FileWriter(args[2], StandardCharsets.UTF_8, true), true);
        double failureRate = args.length > 3 ? Double.parseDouble(args[3]) : 0.5;
        Set<String> applied = ConcurrentHashMap.newKeySet();
        Random random = new Random(7);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/push", ex -> {
            try (ex) {
                byte[] body = ex.getRequestBody().readAllBytes();
                String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
                String ts = ex.getRequestHeaders().getFirst("X-Temso-Timestamp");
                String sig = ex.getRequestHeaders().getFirst("X-Temso-Signature");
                if (key == null || ts == null || sig == null || !valid(secret, ts, key, body, sig)) {
                    write(log, "bad-signature " + key);
                    reply(ex, 401, "bad signature");
                    return;
                }
                double dice;
                synchronized (random) {
                    dice = random.nextDouble();
                }
                if (dice < failureRate) {
                    double kind = dice / failureRate;
                    if (kind < 0.35) {
                        write(log, "failed 500 " + key);
                        reply(ex, 500, "internal error");
                    } else if (kind < 0.65) {
                        write(log, "failed 429 " + key);
                        ex.getResponseHeaders().add("Retry-After", "1");
                        reply(ex, 429, "slow down");
                    } else {
                        if (kind >= 0.825) {
                            write(log, (applied.add(key) ? "applied " : "duplicate ") + key);
                        }
                        write(log, "failed timeout " + key);
                        sleep(2500);
                        reply(ex, 200, "late");
                    }
                    return;
                }
                write(log, (applied.add(key) ? "applied " : "duplicate ") + key);
                reply(ex, 200, "{\"ok\":true}");
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        write(log, "listening " + port);
    }

    private static synchronized void write(PrintWriter log, String line) {
        log.println(line);
    }

    /** HMAC-SHA256(secret, timestamp LF Idempotency-Key LF body), as docs/catalog-sync.md says. */
    private static boolean valid(byte[] secret, String ts, String key, byte[] body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((ts + "\n" + key + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            byte[] given = header.startsWith("sha256=") ? header.substring(7).getBytes(StandardCharsets.US_ASCII) : new byte[0];
            return MessageDigest.isEqual(expected, given)
                    && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(ts)) <= 300;
        } catch (Exception e) {
            return false;
        }
    }

    private static void reply(HttpExchange ex, int status, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        } catch (IOException e) {
            // the client timed out: the lost answer this server simulates
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

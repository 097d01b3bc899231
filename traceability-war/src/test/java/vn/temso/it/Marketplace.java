package vn.temso.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import vn.temso.catalog.push.HmacSigner;

/**
 * A test marketplace for the push channel, inside the test JVM on the fixed port that arquillian.xml gives the
 * server ({@code temso.push.endpoint}). It checks the HMAC signature, fails about half of the requests (500,
 * 429 with Retry-After, and timeouts, some of them after applying the change: the response is lost, as in a crash
 * between send and mark) and applies each idempotency key at most once, recording every delivery.
 */
final class Marketplace {

    static final int PORT = 18093;
    static final String SECRET = "it-push-secret-0123456789";

    private static Marketplace instance;

    /** Deliveries that changed the catalog, by idempotency key (a second delivery of a key is not counted here). */
    final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
    /** Deliveries of a key already applied: answered 200 without applying again. */
    final Map<String, AtomicInteger> duplicates = new ConcurrentHashMap<>();
    /** The last applied body per item id (the GTIN), in the order applied. */
    final Map<String, List<JsonNode>> bodies = new ConcurrentHashMap<>();

    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();
    final Map<String, AtomicInteger> failureKinds = new ConcurrentHashMap<>();
    /** While true, items whose title contains [REJECT] get a permanent 422. */
    volatile boolean rejecting = true;

    volatile double failureRate = 0.5;
    private final Random random = new Random(20261122);
    private final HmacSigner signer = new HmacSigner(SECRET.getBytes(StandardCharsets.UTF_8));

    static synchronized Marketplace start() throws IOException {
        if (instance == null) {
            Marketplace m = new Marketplace();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 50);
            server.createContext("/push", m::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "test-marketplace");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            instance = m;
        }
        return instance;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            String ts = ex.getRequestHeaders().getFirst("X-Temso-Timestamp");
            String sig = ex.getRequestHeaders().getFirst("X-Temso-Signature");
            if (key == null
                    || ts == null
                    || sig == null
                    || !signer.verify(ts, key, body, sig, Instant.now(), Duration.ofMinutes(5))) {
                badSignatures.incrementAndGet();
                reply(ex, 401, "bad signature");
                return;
            }
            JsonNode json = Api.JSON.readTree(body);
            if (rejecting && json.path("title").asText().contains("[REJECT]")) {
                reply(ex, 422, "{\"error\":\"category not allowed\"}");
                return;
            }
            double dice;
            synchronized (random) {
                dice = random.nextDouble();
            }
            if (dice < failureRate) {
                failures.incrementAndGet();
                double kind = dice / failureRate;
                if (kind < 0.35) {
                    failureKinds
                            .computeIfAbsent("500", k -> new AtomicInteger())
                            .incrementAndGet();
                    reply(ex, 500, "internal error");
                } else if (kind < 0.65) {
                    failureKinds
                            .computeIfAbsent("429", k -> new AtomicInteger())
                            .incrementAndGet();
                    ex.getResponseHeaders().add("Retry-After", "1");
                    reply(ex, 429, "slow down");
                } else {
                    // a timeout; half of them after the change was applied (the answer is what gets lost)
                    boolean applyFirst = kind >= 0.825;
                    failureKinds
                            .computeIfAbsent(applyFirst ? "timeout-after-apply" : "timeout", k -> new AtomicInteger())
                            .incrementAndGet();
                    if (applyFirst) {
                        apply(key, json);
                    }
                    sleep(2500);
                    reply(ex, 200, "late");
                }
                return;
            }
            apply(key, json);
            reply(ex, 200, "{\"ok\":true}");
        }
    }

    private synchronized void apply(String key, JsonNode json) {
        if (applied.containsKey(key)) {
            duplicates.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return;
        }
        applied.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        bodies.computeIfAbsent(json.get("id").asText(), k -> new CopyOnWriteArrayList<>())
                .add(json);
    }

    private static void reply(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        } catch (IOException e) {
            // the client gave up (its timeout): exactly the lost answer this server simulates
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

package vn.temso.catalog.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.temso.catalog.Entries.TODAY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.Entries;

/** Against a real HTTP server on the loopback interface. */
class PushClientTest {

    private static final byte[] SECRET = "test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    private HttpServer server;
    private ExecutorService executor;
    private final ConcurrentLinkedQueue<String> verified = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<JsonNode> bodies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Captured> captured = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<Keyed> keyed = new ConcurrentLinkedQueue<>();

    /** The authentication headers of one request. */
    private record Keyed(String apiKey, String signature, String userAgent) {}

    /** One request exactly as it arrived. */
    private record Captured(String timestamp, String key, String signature, byte[] body) {}

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/ok", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean ok = new HmacSigner(SECRET)
                    .verify(
                            ex.getRequestHeaders().getFirst("X-Temso-Timestamp"),
                            ex.getRequestHeaders().getFirst("Idempotency-Key"),
                            body,
                            ex.getRequestHeaders().getFirst("X-Temso-Signature"),
                            NOW,
                            Duration.ofMinutes(5));
            if (ok) {
                verified.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
                bodies.add(new ObjectMapper().readTree(body));
            }
            respond(ex, ok ? 200 : 401, ok ? "{\"status\":\"accepted\"}" : "bad signature");
        });
        server.createContext("/capture", ex -> {
            captured.add(new Captured(
                    ex.getRequestHeaders().getFirst("X-Temso-Timestamp"),
                    ex.getRequestHeaders().getFirst("Idempotency-Key"),
                    ex.getRequestHeaders().getFirst("X-Temso-Signature"),
                    ex.getRequestBody().readAllBytes()));
            respond(ex, 200, "{}");
        });
        server.createContext("/keyed", ex -> {
            keyed.add(new Keyed(
                    ex.getRequestHeaders().getFirst("X-Api-Key"),
                    ex.getRequestHeaders().getFirst("X-Temso-Signature"),
                    ex.getRequestHeaders().getFirst("User-Agent")));
            ex.getRequestBody().readAllBytes();
            respond(ex, 200, "{}");
        });
        server.createContext("/fail", ex -> respond(ex, 500, "upstream broke"));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "late");
        });
        server.createContext("/limited", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            respond(ex, 429, "slow down");
        });
        server.createContext("/unavailable", ex -> {
            ex.getResponseHeaders()
                    .add(
                            "Retry-After",
                            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                    ZonedDateTime.ofInstant(NOW.plusSeconds(90), ZoneOffset.UTC)));
            respond(ex, 503, "maintenance");
        });
        server.createContext("/bad", ex -> respond(ex, 400, "{\"error\":\"gtin không hợp lệ\"}"));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void shouldSucceedWithAVerifiableSignatureAndIdempotencyKey() {
        PushResult r = client("/ok").send(Entries.rice().build(), TODAY);

        assertEquals(PushOutcome.SUCCESS, r.outcome());
        assertEquals(200, r.httpStatus());
        assertNull(r.error());
        String hash = ContentHash.of(Entries.rice().build(), TODAY);
        assertEquals("ST25-5KG:" + hash, r.idempotencyKey());
        assertEquals(java.util.List.of("ST25-5KG:" + hash), java.util.List.copyOf(verified));
        JsonNode body = bodies.peek();
        assertEquals(
                "Gạo thơm ST25 – Hợp tác xã Tân Trụ Xanh", body.get("title").asText());
        assertEquals(185000, body.get("priceVnd").asLong());
        assertEquals("OCOP 4 sao", body.at("/ocop/label").asText());
        assertFalse(body.get("deleted").asBoolean());
    }

    @Test
    void shouldPushDeletionsToo() {
        assertEquals(
                PushOutcome.SUCCESS,
                client("/ok").send(Entries.rice().build().asDeleted(), TODAY).outcome());
        assertTrue(bodies.peek().get("deleted").asBoolean());
    }

    @Test
    void shouldRetryOnServerErrorsWithTheErrorText() {
        PushResult r = client("/fail").send(Entries.rice().build(), TODAY);
        assertEquals(PushOutcome.RETRY, r.outcome());
        assertEquals(500, r.httpStatus());
        assertEquals("HTTP 500: upstream broke", r.error());
    }

    @Test
    void shouldRetryWhenTheServerIsSlowerThanTheRequestTimeout() {
        long start = System.nanoTime();
        PushResult r = client("/slow").send(Entries.rice().build(), TODAY);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(PushOutcome.RETRY, r.outcome());
        assertEquals(0, r.httpStatus());
        assertTrue(r.error().startsWith("timed out"), r.error());
        assertTrue(millis < 2500, "gave up after " + millis + " ms");
    }

    @Test
    void shouldRetryAfterTheSecondsA429Asks() {
        PushResult r = client("/limited").send(Entries.rice().build(), TODAY);
        assertEquals(PushOutcome.RETRY, r.outcome());
        assertEquals(429, r.httpStatus());
        assertEquals(Duration.ofSeconds(120), r.retryAfter());
        assertEquals(Duration.ofSeconds(120), RetryPolicy.DEFAULT.decide(1, r).delay());
    }

    @Test
    void shouldParseRetryAfterGivenAsAnHttpDate() {
        PushResult r = client("/unavailable").send(Entries.rice().build(), TODAY);
        assertEquals(PushOutcome.RETRY, r.outcome());
        assertEquals(Duration.ofSeconds(90), r.retryAfter());
        assertNull(PushClient.parseRetryAfter("soon", NOW));
        assertEquals(Duration.ZERO, PushClient.parseRetryAfter("Sun, 22 Nov 2026 07:00:00 GMT", NOW));
    }

    @Test
    void shouldFailPermanentlyOnOtherClientErrors() {
        PushResult r = client("/bad").send(Entries.rice().build(), TODAY);
        assertEquals(PushOutcome.PERMANENT_FAILURE, r.outcome());
        assertEquals(400, r.httpStatus());
        assertEquals("HTTP 400: {\"error\":\"gtin không hợp lệ\"}", r.error());
    }

    @Test
    void shouldRetryWhenNothingListens() throws IOException {
        HttpServer closed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = closed.getAddress().getPort();
        closed.stop(0);
        PushClient client = new PushClient(new PushConfig(
                URI.create("http://127.0.0.1:" + port + "/ok"),
                SECRET,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Clock.fixed(NOW, ZoneOffset.UTC)));
        PushResult r = client.send(Entries.rice().build(), TODAY);
        assertEquals(PushOutcome.RETRY, r.outcome());
        assertEquals(0, r.httpStatus());
    }

    @Test
    void shouldRejectAForgedOrStaleSignature() {
        HmacSigner signer = new HmacSigner(SECRET);
        byte[] body = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(NOW.getEpochSecond());
        String key = "x:abc";
        String sig = signer.sign(ts, key, body);
        assertTrue(signer.verify(ts, key, body, sig, NOW, Duration.ofMinutes(5)));
        assertFalse(signer.verify(
                ts, key, "{\"id\":\"y\"}".getBytes(StandardCharsets.UTF_8), sig, NOW, Duration.ofMinutes(5)));
        assertFalse(signer.verify(ts, "x:abd", body, sig, NOW, Duration.ofMinutes(5)), "another Idempotency-Key");
        assertFalse(signer.verify(ts, null, body, sig, NOW, Duration.ofMinutes(5)), "no Idempotency-Key");
        assertFalse(new HmacSigner("another-secret-0123456789".getBytes(StandardCharsets.US_ASCII))
                .verify(ts, key, body, sig, NOW, Duration.ofMinutes(5)));
        assertFalse(signer.verify(ts, key, body, sig, NOW.plusSeconds(301), Duration.ofMinutes(5)));
    }

    @Test
    void shouldMatchTheDocumentedSigningRecipe() throws Exception {
        // the recipe in docs/catalog-sync.md: hex(HMAC-SHA256(secret, timestamp + "\n" + idempotencyKey + "\n" + body))
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
        String expected = "sha256="
                + java.util.HexFormat.of()
                        .formatHex(mac.doFinal("1795334400\nST25-5KG:ab12\n{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                expected,
                new HmacSigner(SECRET).sign("1795334400", "ST25-5KG:ab12", "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldSignTheIdempotencyKeySoAReplayedBodyWithAnotherKeyIsRefused() throws Exception {
        // a captured request replayed with the same body, timestamp and signature but a new Idempotency-Key would
        // make the receiver apply the change again: the key must be inside the signed string
        assertEquals(
                PushOutcome.SUCCESS,
                client("/capture").send(Entries.rice().build(), TODAY).outcome());
        Captured c = captured.peek();
        assertEquals(
                recipe(c.timestamp(), c.key(), c.body()),
                c.signature(),
                "X-Temso-Signature is HMAC-SHA256(secret, timestamp LF Idempotency-Key LF body)");
        assertFalse(
                c.signature().equals(recipe(c.timestamp(), c.key() + "-replay", c.body())),
                "the same signature must not fit another Idempotency-Key");
    }

    @Test
    void shouldSendTheApiKeyHeaderAndNoSignatureWithoutASecret() {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/keyed");
        PushConfig config = PushConfig.of(uri, null, new PushConfig.ApiKey("X-Api-Key", "portal-key-123"))
                .withUserAgent("temso-portal");
        assertEquals(
                PushOutcome.SUCCESS,
                new PushClient(config).send(Entries.rice().build(), TODAY).outcome());
        Keyed k = keyed.poll();
        assertEquals("portal-key-123", k.apiKey());
        assertNull(k.signature(), "no secret, no signature");
        assertEquals("temso-portal", k.userAgent());
        assertFalse(config.toString().contains("portal-key-123"), config.toString());
    }

    @Test
    void shouldSendBothTheApiKeyAndTheSignatureWhenBothAreConfigured() {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/keyed");
        PushConfig config = PushConfig.of(uri, SECRET, new PushConfig.ApiKey("X-Api-Key", "k"));
        assertEquals(
                PushOutcome.SUCCESS,
                new PushClient(config).send(Entries.rice().build(), TODAY).outcome());
        Keyed k = keyed.poll();
        assertEquals("k", k.apiKey());
        assertTrue(k.signature().startsWith("sha256="), k.signature());
        assertEquals(PushConfig.DEFAULT_USER_AGENT, k.userAgent());
    }

    @Test
    void shouldRefuseAConfigWithoutAuthenticationOrWithAHeaderTemsoOrHttpOwns() {
        URI uri = URI.create("https://portal.example/records");
        assertThrows(IllegalArgumentException.class, () -> PushConfig.of(uri, null, null));
        for (String header :
                java.util.List.of("", "X Api Key", "Content-Type", "Idempotency-Key", "X-Temso-Foo", "Host")) {
            assertThrows(IllegalArgumentException.class, () -> new PushConfig.ApiKey(header, "k"), "header " + header);
        }
        assertThrows(IllegalArgumentException.class, () -> new PushConfig.ApiKey("X-Api-Key", " "));
        assertThrows(IllegalArgumentException.class, () -> new PushConfig.ApiKey("X-Api-Key", "a\nb"));
        assertEquals("Authorization", new PushConfig.ApiKey("Authorization", "Bearer abc").header());
    }

    /** The receiver's recipe of docs/catalog-sync.md, written out here rather than taken from HmacSigner. */
    private static String recipe(String timestamp, String key, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
        mac.update((timestamp + "\n" + key + "\n").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    private PushClient client(String path) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new PushClient(new PushConfig(
                uri, SECRET, Duration.ofSeconds(2), Duration.ofMillis(500), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static void respond(HttpExchange ex, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}

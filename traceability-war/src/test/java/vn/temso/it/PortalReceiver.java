package vn.temso.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for the national traceability portal, inside the test JVM on the fixed port arquillian.xml gives the
 * server ({@code temso.portal.endpoint}). It checks the API key header, records every request, applies each
 * idempotency key once, and answers per lot (by its lot number, known before the lot exists) as a test scripts it: by
 * default 200; a scripted answer for a lot's next requests (503 with Retry-After); or 503 for every request of a lot
 * while it is in {@link #down}.
 */
final class PortalReceiver {

    static final int PORT = 18094;
    static final String API_KEY = "it-portal-key-0123456789";
    static final String KEY_HEADER = "X-Portal-Key";

    private static PortalReceiver instance;

    /** One request as it arrived: the lot number, its idempotency key, when, its body and the status answered. */
    record Request(String lot, String key, long atMillis, JsonNode body, int answered) {}

    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Bodies applied, by idempotency key (a key delivered again is not applied again). */
    final Map<String, JsonNode> applied = new ConcurrentHashMap<>();

    final Map<String, Integer> duplicates = new ConcurrentHashMap<>();
    /** Answers to give the next requests of a lot (status, Retry-After seconds or null), then 200. */
    final Map<String, Deque<int[]>> script = new ConcurrentHashMap<>();
    /** Lots whose every request is answered 503 (no Retry-After). */
    final Set<String> down = ConcurrentHashMap.newKeySet();

    static synchronized PortalReceiver start() throws IOException {
        if (instance == null) {
            PortalReceiver r = new PortalReceiver();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 50);
            server.createContext("/portal", r::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, t -> {
                Thread thread = new Thread(t, "test-portal");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            instance = r;
        }
        return instance;
    }

    /** Answers the lot's next request {@code status} (with {@code Retry-After}, if not null), then 200 again. */
    void answerNext(String lot, int status, Integer retryAfterSeconds) {
        script.computeIfAbsent(lot, k -> new ConcurrentLinkedDeque<>())
                .add(new int[] {status, retryAfterSeconds == null ? -1 : retryAfterSeconds});
    }

    List<Request> of(String lot) {
        return requests.stream().filter(r -> r.lot().equals(lot)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            if (!API_KEY.equals(ex.getRequestHeaders().getFirst(KEY_HEADER)) || key == null) {
                reply(ex, 401, "{\"error\":\"unknown API key\"}");
                return;
            }
            JsonNode json = Api.JSON.readTree(body);
            String lot = json.path("lotNumber").asText();
            int status = 200;
            int retryAfter = -1;
            Deque<int[]> next = script.get(lot);
            int[] scripted = next == null ? null : next.poll();
            if (down.contains(lot)) {
                status = 503;
            } else if (scripted != null) {
                status = scripted[0];
                retryAfter = scripted[1];
            }
            requests.add(new Request(lot, key, System.currentTimeMillis(), json, status));
            if (status != 200) {
                if (retryAfter >= 0) {
                    ex.getResponseHeaders().add("Retry-After", Integer.toString(retryAfter));
                }
                reply(ex, status, "{\"error\":\"portal busy\"}");
                return;
            }
            if (applied.putIfAbsent(key, json) != null) {
                duplicates.merge(key, 1, Integer::sum);
            }
            reply(ex, 200, "{\"accepted\":true}");
        }
    }

    private static void reply(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}

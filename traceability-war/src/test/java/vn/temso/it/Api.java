package vn.temso.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A small real-HTTP client for the integration tests: JSON in, status + headers + parsed body out. */
public final class Api {

    public static final String DEMO_PASSWORD = "temso-demo-2026";
    public static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public Api(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public record Reply(int status, HttpResponse<byte[]> raw) {
        public String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    /** A bearer token for a demo user, signed in once per run. */
    public String token(String username) {
        return tokens.computeIfAbsent(username, u -> {
            Reply r = send("POST", "/api/auth/login", null, "application/json",
                    "{\"username\":\"" + u + "\",\"password\":\"" + DEMO_PASSWORD + "\"}");
            if (r.status() != 200) {
                throw new AssertionError("login of " + u + " failed: " + r.status() + " " + r.text());
            }
            return r.json().get("token").asText();
        });
    }

    public Reply get(String user, String path) {
        return send("GET", path, user == null ? null : token(user), null, null);
    }

    public Reply post(String user, String path, Object body) {
        return send("POST", path, user == null ? null : token(user), "application/json", asJson(body));
    }

    public Reply put(String user, String path, Object body) {
        return send("PUT", path, user == null ? null : token(user), "application/json", asJson(body));
    }

    static String asJson(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Reply send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.header("Accept", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

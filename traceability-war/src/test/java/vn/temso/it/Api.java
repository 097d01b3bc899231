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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one HTTP client of the integration scenarios: JSON in, status + headers + parsed body out. The short forms
 * ({@link #get}, {@link #post}, {@link #put}, {@link #send}) cover the JSON API; {@link #request} builds anything
 * else (other media types, form posts, bytes, extra headers, a scan "from" another network, HTTP/1.1 only,
 * redirects followed) so scenarios never build HttpClient requests of their own.
 */
public final class Api {

    public static final String DEMO_PASSWORD = "temso-demo-2026";
    public static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    // HTTP/1.1 only: hostile bodies and paths go to the server as sent, without an h2c upgrade in between
    private final HttpClient http1 = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final HttpClient following = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
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
        return tokens.computeIfAbsent(username, this::signIn);
    }

    /** A new session of a demo user (not the shared one of {@link #token}): its bearer token. */
    public String signIn(String username) {
        Reply r = login(username, DEMO_PASSWORD);
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r.status() + " " + r.text());
        }
        return r.json().get("token").asText();
    }

    /** The sign-in call itself, whatever it answers. */
    public Reply login(String username, String password) {
        return send(
                "POST",
                "/api/auth/login",
                null,
                "application/json",
                asJson(Map.of("username", username, "password", password)));
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

    /** A request to build: {@code api.request("GET", path).as(user).accept("text/csv").send()}. */
    public Request request(String method, String path) {
        return new Request(method, path);
    }

    /** One request under construction; nothing is sent until {@link #send} or {@link #exchange}. */
    public final class Request {
        private final String method;
        private final String path;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body;
        private HttpClient client = http;
        private Duration timeout = Duration.ofSeconds(60);

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** As a demo user (its shared session); anonymous when null. */
        public Request as(String user) {
            return user == null ? this : bearer(token(user));
        }

        /** With this bearer token; anonymous when null. */
        public Request bearer(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        /** Name-value pairs of headers. */
        public Request headers(String... nameValues) {
            for (int i = 0; i < nameValues.length; i += 2) {
                header(nameValues[i], nameValues[i + 1]);
            }
            return this;
        }

        public Request accept(String mediaType) {
            return header("Accept", mediaType);
        }

        /** Through the IT's trusted proxy (temso.http.trusted-proxies), as if from this client address. */
        public Request from(String forwardedFor) {
            return forwardedFor == null ? this : header("X-Forwarded-For", forwardedFor);
        }

        /** A body as is; no Content-Type header when {@code contentType} is null. */
        public Request body(String contentType, byte[] bytes) {
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            this.body = bytes;
            return this;
        }

        public Request body(String contentType, String text) {
            return body(contentType, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }

        /** A JSON body: a String as is, anything else through Jackson. */
        public Request json(Object value) {
            return body("application/json", asJson(value));
        }

        /** An HTML form post body, already URL-encoded. */
        public Request form(String urlEncoded) {
            return body("application/x-www-form-urlencoded", urlEncoded);
        }

        /** Over HTTP/1.1 only. */
        public Request http1() {
            client = http1;
            return this;
        }

        /** Follows redirects (the reply's {@code raw().uri()} is where it ended). */
        public Request followRedirects() {
            client = following;
            return this;
        }

        public Request timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Sends it; a failure to connect or read fails the test. */
        public Reply send() {
            try {
                return exchange();
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed: " + e, e);
            }
        }

        /** Sends it and lets the caller decide what a broken connection means. */
        public Reply exchange() throws IOException {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri()).timeout(timeout);
            headers.forEach(h -> b.header(h[0], h[1]));
            b.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(r.statusCode(), r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The path exactly as given (no dot segments resolved away), or an absolute URL as is. */
        private URI uri() {
            if (path.startsWith("http://") || path.startsWith("https://")) {
                return URI.create(path);
            }
            return URI.create(base.toString().replaceAll("/$", "") + path);
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
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
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

package vn.temso.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A user signed in to the web UI through the real sign-in form, over plain HTTP (no browser): pages as text. */
final class WebSession {

    private static final Pattern VIEW_STATE = Pattern.compile("jakarta\\.faces\\.ViewState[^>]*?value=\"([^\"]*)\"");

    private final URI base;
    // cookies by hand: the IT server is plain http while its public base URL is https, so the session cookie is
    // Secure, which java.net.CookieManager would never send back over http (a browser does, on localhost)
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private WebSession(URI base) {
        this.base = base;
    }

    static WebSession signIn(URI base, String username) {
        WebSession s = new WebSession(base);
        Api.Reply form = s.get("/login.xhtml");
        Matcher m = VIEW_STATE.matcher(form.text());
        if (form.status() != 200 || !m.find()) {
            throw new AssertionError("sign-in form: " + form.status() + " " + form.text());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login", "login");
        fields.put("login:username", username);
        fields.put("login:password", Api.DEMO_PASSWORD);
        fields.put("login:submit", "submit");
        fields.put("jakarta.faces.ViewState", m.group(1));
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        Api.Reply r = s.send(HttpRequest.newBuilder(base.resolve("/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.status() != 302 || !r.header("Location").contains("/app/")) {
            throw new AssertionError("sign-in of " + username + ": " + r.status() + " " + r.text());
        }
        return s;
    }

    Api.Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private Api.Reply send(HttpRequest.Builder b) {
        try {
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            for (String c : r.headers().allValues("Set-Cookie")) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return new Api.Reply(r.statusCode(), r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

package vn.temso.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A user signed in to the web UI through the real sign-in form, over plain HTTP (no browser): pages as text. */
final class WebSession {

    private static final Pattern VIEW_STATE = Pattern.compile("jakarta\\.faces\\.ViewState[^>]*?value=\"([^\"]*)\"");

    private final Api api;
    // cookies by hand: the IT server is plain http while its public base URL is https, so the session cookie is
    // Secure, which java.net.CookieManager would never send back over http (a browser does, on localhost)
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private WebSession(Api api) {
        this.api = api;
    }

    static WebSession signIn(Api api, String username) {
        WebSession s = new WebSession(api);
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
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Api.Reply r = s.send(api.request("POST", "/login.xhtml").form(body));
        if (r.status() != 302 || !r.header("Location").contains("/app/")) {
            throw new AssertionError("sign-in of " + username + ": " + r.status() + " " + r.text());
        }
        return s;
    }

    Api.Reply get(String path) {
        return send(api.request("GET", path));
    }

    private Api.Reply send(Api.Request request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        Api.Reply r = request.send();
        for (String c : r.raw().headers().allValues("Set-Cookie")) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return r;
    }
}

package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against every operation of /openapi with every role (issue 12, finding 4), and the HTTP
 * hardening of finding 8 (sign-in redirect on odd paths, Secure cookie, HSTS, CSP, nosniff).
 *
 * <p>The fuzz run is generated, not random at run time: a fixed seed picks which roles send which cases, so a
 * failure reproduces. It never uses a real id for an action without a body (close, revoke, rotate, delete,
 * retry) and sends bodies with real ids only to records it created itself; sign-in and password change get only
 * bodies that fail before any password is checked, so no demo account is throttled or locked.
 */
public abstract class FuzzScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("anonymous", null);
        ROLES.put("ADMIN", "admin");
        ROLES.put("COMMUNE_STAFF", "canbo.binhtinh");
        ROLES.put("COOP_MANAGER", MANAGER);
        ROLES.put("COOP_MEMBER", "tantru.xavien");
    }

    /** One request of the run and what came back. */
    record Sent(String role, String method, String url, String what, int status, String contentType, byte[] body) {
        String describe() {
            String text = new String(body, StandardCharsets.UTF_8);
            String what = this.what.length() > 80 ? this.what.substring(0, 80) + "..." : this.what;
            return role + " " + method + " " + (url.length() > 160 ? url.substring(0, 160) + "..." : url) + " [" + what
                    + "] -> " + status + " " + contentType + " "
                    + (text.length() > 200 ? text.substring(0, 200) : text);
        }
    }

    // ---------------------------------------------------------------------------------------------- the fuzz run

    @Test
    void everyOperationAndRoleSurvivesMalformedInput() throws Exception {
        long start = System.nanoTime();
        JsonNode openapi = Api.JSON.readTree(
                api.send("GET", "/openapi", null, null, null).raw().body());
        Map<String, String> tokens = new LinkedHashMap<>();
        ROLES.forEach((role, user) -> tokens.put(role, user == null ? null : signIn(user)));
        JsonNode batch = Fixtures.batch(api, MANAGER);
        Map<String, String> ownIds = Map.of(
                "/api/zones/{id}",
                batch.get("zones").get(0).get("id").asText(),
                "/api/products/{id}",
                batch.get("productId").asText(),
                "/api/batches/{id}",
                batch.get("id").asText());

        Random random = new Random(20261204L);
        List<Sent> sent = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                operations++;
                fuzz(openapi, path.getKey(), method, op.getValue(), tokens, ownIds, random, sent);
            }
        }
        assertTrue(operations > 40, "operations in /openapi: " + operations);

        Map<Integer, Integer> perStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int refusedByContainer = 0;
        for (Sent s : sent) {
            perStatus.merge(s.status(), 1, Integer::sum);
            if (refusedByContainer(s)) {
                refusedByContainer++;
                continue;
            }
            String problem = check(s);
            if (problem != null) {
                failures.add(problem + ": " + s.describe());
            }
        }
        System.out.printf(
                "Fuzz: %d requests to %d operations with %d roles in %.1f s; per status %s; %d refused by"
                        + " the web container before the application (undecodable path, request line too long)%n",
                sent.size(),
                operations,
                ROLES.size(),
                (System.nanoTime() - start) / 1e9,
                perStatus,
                refusedByContainer);
        failures.stream().limit(300).forEach(f -> System.out.println("FUZZ FAILURE " + f));
        assertTrue(
                failures.isEmpty(),
                failures.size() + " bad answers, first: "
                        + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
    }

    /**
     * Payara refuses a path it cannot decode (NUL, invalid UTF-8, backslash) and a request line over its 8 KiB
     * header buffer before any filter, servlet or error page of the application runs: a bare 400 without a body.
     * Accepted only for those requests (docs/security/input.md).
     */
    static boolean refusedByContainer(Sent s) {
        boolean undecodable = s.url().contains("%00")
                || s.url().contains("%FF")
                || s.url().contains("%5C")
                || s.url().length() > 8000;
        return undecodable && s.status() == 400 && s.contentType() == null && s.body().length == 0;
    }

    /** Null when the answer is acceptable: never 5xx, and every error problem+json with status/type/title. */
    static String check(Sent s) {
        if (s.status() >= 500) {
            return "5xx";
        }
        if (s.status() < 400) {
            return null;
        }
        if (s.contentType() == null || !s.contentType().startsWith("application/problem+json")) {
            return "error not problem+json";
        }
        try {
            JsonNode p = Api.JSON.readTree(s.body());
            if (p.path("status").asInt() != s.status()
                    || !p.path("type").isTextual()
                    || !p.path("title").isTextual()) {
                return "incomplete problem";
            }
        } catch (IOException e) {
            return "problem body not JSON";
        }
        return null;
    }

    private void fuzz(
            JsonNode openapi,
            String template,
            String method,
            JsonNode op,
            Map<String, String> tokens,
            Map<String, String> ownIds,
            Random random,
            List<Sent> sent) {
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            if ("path".equals(p.path("in").asText())) {
                pathParams.add(p.get("name").asText());
            } else if ("query".equals(p.path("in").asText())) {
                queryParams.add(p.get("name").asText());
            }
        }
        boolean hasBody = op.has("requestBody");
        boolean auth = template.startsWith("/api/auth/");
        // actions without a body act on the id in the path: only malformed ids, and no call at all when there is
        // no id to spoil (key rotation, logout) except anonymously
        boolean bodyless = !hasBody && !"GET".equals(method);
        String ownId = null;
        for (Map.Entry<String, String> e : ownIds.entrySet()) {
            if (template.startsWith(e.getKey())) {
                ownId = e.getValue();
            }
        }
        // reads and bodies may use the run's own records; an action without a body never gets a real id
        String idInPath = ownId != null && (hasBody || "GET".equals(method)) ? ownId : "fuzz-unknown-id";
        String sanePath = fill(template, pathParams, null, null, idInPath);

        List<String> roles = new ArrayList<>(tokens.keySet());
        // request bodies
        if (hasBody) {
            List<Case> cases = auth ? authBodies() : bodies(openapi, op, template, random);
            List<Case> all = new ArrayList<>(cases);
            Collections.shuffle(all, random);
            for (int i = 0; i < all.size(); i++) {
                Case c = all.get(i);
                // each case goes to two signed-in roles in turn; anonymous gets every fifth case
                List<String> to = auth
                        ? List.of(roles.get(i % roles.size()))
                        : i % 5 == 0
                                ? List.of("anonymous", roles.get(1 + i % 4))
                                : List.of(roles.get(1 + i % 4), roles.get(1 + (i + 1) % 4));
                for (String role : to) {
                    sent.add(send(role, tokens.get(role), method, sanePath, c));
                }
            }
            // the literal null from every role (the finding as it was reported)
            if (!auth) {
                for (String role : roles) {
                    sent.add(send(role, tokens.get(role), method, sanePath, Case.json("literal null", "null")));
                }
            }
        }
        if (auth) {
            return; // no path or query parameters there
        }
        // malformed path parameters
        if (!pathParams.isEmpty()) {
            List<String> values = pathValues();
            for (int i = 0; i < values.size(); i++) {
                String name = pathParams.get(i % pathParams.size());
                String url = fill(template, pathParams, name, values.get(i), idInPath);
                String role = roles.get(i % roles.size());
                Case body = hasBody ? Case.json("{}", "{}") : Case.none();
                sent.add(send(role, tokens.get(role), method, url, body.named("path " + name + "=" + values.get(i))));
            }
        } else if (bodyless) {
            sent.add(send("anonymous", null, method, sanePath, Case.none()));
            return; // rotate, logout: nothing malformed to send, and the action is real for a signed-in role
        }
        // malformed query values
        if (!queryParams.isEmpty()) {
            List<String[]> pairs = new ArrayList<>();
            for (String q : queryParams) {
                for (String v : queryValues(q)) {
                    pairs.add(new String[] {q, v});
                }
            }
            Collections.shuffle(pairs, random);
            int n = Math.min(pairs.size(), 24);
            for (int i = 0; i < n; i++) {
                String[] qv = pairs.get(i);
                String role = roles.get(i % roles.size());
                String url = sanePath + "?" + qv[0] + "=" + qv[1];
                Case body = hasBody ? Case.json("{}", "{}") : Case.none();
                sent.add(send(role, tokens.get(role), method, url, body.named("query " + qv[0] + "=" + qv[1])));
            }
        }
        // content negotiation: an Accept the API does not produce
        sent.add(send(
                "COOP_MANAGER",
                tokens.get("COOP_MANAGER"),
                method,
                sanePath,
                (hasBody ? Case.json("accept xml", "{}") : Case.none()).accept("application/xml")));
    }

    private static String fill(String template, List<String> params, String bad, String badValue, String fallback) {
        String url = template;
        for (String p : params) {
            url = url.replace("{" + p + "}", p.equals(bad) ? badValue : fallback);
        }
        return url;
    }

    // ------------------------------------------------------------------------------------------------ the cases

    /** One body (or none) with its content type and Accept. */
    record Case(String what, String contentType, byte[] body, String accept) {
        static Case json(String what, String json) {
            return new Case(what, "application/json", json.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        static Case none() {
            return new Case("no body", null, null, "application/json");
        }

        Case named(String name) {
            return new Case(name, contentType, body, accept);
        }

        Case accept(String type) {
            return new Case(what + ", Accept " + type, contentType, body, type);
        }

        Case typed(String type) {
            return new Case(what + " as " + type, type, body, accept);
        }
    }

    static String nested(String open, String close, int depth) {
        return open.repeat(depth) + close.repeat(depth);
    }

    /** Sign-in and password change: only bodies that fail before any password is compared. */
    static List<Case> authBodies() {
        return List.of(
                Case.json("literal null", "null"),
                Case.json("array", "[]"),
                Case.json("deep arrays", nested("[", "]", 10_000)),
                Case.json("wrong types", "{\"username\":[1],\"password\":{\"a\":1}}"),
                new Case(
                        "invalid UTF-8",
                        "application/json",
                        new byte[] {'{', '"', 'u', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                        "application/json"));
    }

    static List<Case> bodies(JsonNode openapi, JsonNode op, String template, Random random) {
        List<Case> cases = new ArrayList<>();
        for (String literal : List.of("true", "1", "\"x\"", "[]", "{}", "-0.0e999", "{\"a\":")) {
            cases.add(Case.json("literal " + literal, literal));
        }
        cases.add(Case.json("empty", ""));
        cases.add(Case.json("deep arrays", nested("[", "]", 10_000)));
        cases.add(Case.json("deep objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        cases.add(Case.json("huge string", "{\"name\":\"" + "x".repeat(1_000_000) + "\"}"));
        cases.add(new Case(
                "invalid UTF-8",
                "application/json",
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
                "application/json"));
        cases.add(Case.json("NUL in string", "{\"name\":\"a\\u0000b\"}"));
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "application/json; charset=ISO-8859-1",
                "multipart/form-data; boundary=x",
                "nonsense")) {
            cases.add(Case.json("object", "{\"name\":\"x\"}").typed(type));
        }
        cases.add(new Case("no content type", null, "{}".getBytes(StandardCharsets.UTF_8), "application/json"));
        if (template.endsWith("/geometry")) {
            cases.add(
                    Case.json("deep GeoJSON", "{\"type\":\"Polygon\",\"coordinates\":" + nested("[", "]", 5_000) + "}")
                            .typed("application/geo+json"));
            cases.add(Case.json(
                            "NaN KML",
                            "<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>"
                                    + "NaN,NaN NaN,NaN NaN,NaN NaN,NaN</coordinates></LinearRing></outerBoundaryIs></Polygon>"
                                    + "</Placemark></kml>")
                    .typed("application/vnd.google-earth.kml+xml"));
            cases.add(Case.json("deep KML", "<kml>" + nested("<a>", "</a>", 5_000) + "</kml>")
                    .typed("application/vnd.google-earth.kml+xml"));
        }
        // wrong types and nulls field by field, on an object whose other fields have the right types
        JsonNode schema = resolve(
                openapi,
                op.path("requestBody").path("content").path("application/json").path("schema"));
        JsonNode properties = schema.path("properties");
        if (properties.isObject()) {
            ObjectNode base = JsonNodeFactory.instance.objectNode();
            properties.fields().forEachRemaining(f -> base.set(f.getKey(), sample(resolve(openapi, f.getValue()))));
            List<String> fields = new ArrayList<>();
            properties.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                JsonNode right = base.get(field);
                List<JsonNode> wrong = wrongFor(right);
                for (JsonNode w :
                        List.of(JsonNodeFactory.instance.nullNode(), wrong.get(random.nextInt(wrong.size())))) {
                    ObjectNode body = base.deepCopy();
                    body.set(field, w);
                    cases.add(Case.json(
                            field + "=" + (w.toString().length() > 20 ? w.getNodeType() : w), body.toString()));
                }
            }
        }
        return cases;
    }

    static JsonNode resolve(JsonNode openapi, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return openapi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    /** A value of the right type that no rule accepts (so no fuzz body can create or change anything). */
    static JsonNode sample(JsonNode schema) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (schema.path("type").asText("object")) {
            case "string" -> f.textNode(schema.has("enum") ? "NOT_A_VALUE" : "fuzz");
            case "integer" -> f.numberNode(-7);
            case "number" -> f.numberNode(-7.5);
            case "boolean" -> f.booleanNode(false);
            case "array" -> f.arrayNode();
            default -> f.objectNode();
        };
    }

    static List<JsonNode> wrongFor(JsonNode right) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> all = new ArrayList<>(List.of(
                f.textNode("x"),
                f.numberNode(1e308),
                f.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
                f.booleanNode(true),
                f.arrayNode().add(1).add("x"),
                f.objectNode().put("a", 1),
                f.textNode("2026-02-30"),
                f.textNode("\u0000\uFFFF\uD83D\uDE00")));
        all.removeIf(v -> v.getNodeType() == right.getNodeType() && !v.isTextual());
        return all;
    }

    static List<String> pathValues() {
        return List.of(
                "%00",
                "a%2Fb",
                "..%2F..%2Fzones",
                "%2e%2e",
                "a".repeat(3000),
                "%E1%BB%87%F0%9F%98%80",
                "%FF",
                "%5C..%5C",
                "../../x",
                "%20",
                "-1",
                "2147483648",
                "null",
                "%3Cscript%3E",
                "x;y=z");
    }

    static List<String> queryValues(String name) {
        if (List.of("page", "size", "dpi", "px").contains(name)) {
            return List.of("2147483647", "-1", "NaN", "1e99", "99999999999999999999", "%20", "0x10", "-2147483648");
        }
        return List.of(
                "%00", "%FF", "x".repeat(10_000), "%E1%BB%87", "'%20OR%201=1--", "NaN", "-1", "%25", "2026-13-45");
    }

    // ------------------------------------------------------------------- the findings, one regression test each

    @Test
    void theLiteralNullIsA400OnCreateAndUpdate() {
        String token = signIn(MANAGER);
        JsonNode batch = Fixtures.batch(api, MANAGER);
        for (String[] call : new String[][] {
            {"POST", "/api/zones"},
            {"POST", "/api/products"},
            {"POST", "/api/batches"},
            {"PUT", "/api/zones/" + batch.get("zones").get(0).get("id").asText()},
            {"PUT", "/api/batches/" + batch.get("id").asText()},
            {"POST", "/api/cooperatives"}
        }) {
            Sent s = raw(call[0], call[1], token, "application/json", "null");
            assertProblemAnswer(s, 400);
            assertTrue(s.describe().contains("/malformed-request"), s::describe);
        }
    }

    @Test
    void deeplyNestedJsonIsA400() {
        String token = signIn(MANAGER);
        String deep = nested("[", "]", 10_000);
        assertProblemAnswer(raw("POST", "/api/label-templates", token, "application/json", deep), 400);
        assertProblemAnswer(raw("POST", "/api/label-templates/calibration", token, "application/json", deep), 400);
        // deep GeoJSON outlines are refused by the zone geometry reader itself (docs/security/geometry.md)
        assertProblemAnswer(
                raw(
                        "POST",
                        "/api/batches",
                        token,
                        "application/json",
                        "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)),
                400);
    }

    @Test
    void aHugePageNumberIsA400AndALargeOneAnEmptyPage() {
        String token = signIn(MANAGER);
        for (String list : List.of("/api/zones", "/api/products", "/api/batches", "/api/audit", "/api/reports")) {
            Sent s = raw("GET", list + "?page=2147483647", token, null, null);
            assertProblemAnswer(s, 400);
            assertTrue(new String(s.body(), StandardCharsets.UTF_8).contains("\"field\":\"page\""), s::describe);
        }
        Sent far = raw("GET", "/api/zones?page=1000000&size=200", token, null, null);
        assertEquals(200, far.status(), far::describe);
        assertTrue(far.describe().contains("\"items\":[]"), far::describe);
    }

    @Test
    void errorsOutsideJaxRsUnderApiAreProblems() {
        String token = signIn(MANAGER);
        // the container normalises these out of /api: its error page, not Jersey, answers
        assertProblemAnswer(raw("GET", "/api/label-templates/..%2F..%2Fzones", token, null, null), 404);
        assertProblemAnswer(raw("GET", "/api/zones/../../nothing", token, null, null), 404);
        assertProblemAnswer(raw("GET", "/api/label-templates/a%2Fb/calibration", token, null, null), 404);
        assertProblemAnswer(raw("DELETE", "/api/zones", token, null, null), 405);
        assertProblemAnswer(raw("POST", "/api/zones", token, "text/plain", "x"), 415);
        assertProblemAnswer(raw("GET", "/api/nothing/here", null, null, null), 404);
        // a path the container cannot decode (NUL, invalid UTF-8) is refused before any application code runs:
        // a 4xx without a body (docs/security/input.md)
        Sent nul = raw("GET", "/api/zones/%00", token, null, null);
        assertEquals(400, nul.status(), nul::describe);
        assertEquals(0, nul.body().length, nul::describe);
        // outside /api a visitor still gets the HTML page
        Sent page = raw("GET", "/nothing-here", null, null, null);
        assertEquals(404, page.status(), page::describe);
        assertTrue(page.contentType().startsWith("text/html"), page::describe);
    }

    @Test
    void oddSpellingsOfAppStillNeedSignIn() throws Exception {
        for (String path : List.of(
                "/app;x/zones.xhtml",
                "/%61pp/zones.xhtml",
                "/app%2Fzones.xhtml",
                "/x/../app/zones.xhtml",
                "/app/zones.xhtml")) {
            Api.Reply r = api.request("GET", path).followRedirects().send();
            assertEquals(200, r.status(), path + " -> " + r.raw().uri() + " " + r.status());
            assertEquals(
                    "/login.xhtml",
                    r.raw().uri().getPath(),
                    path + " ended at " + r.raw().uri());
        }
    }

    @Test
    void aFormPostedWithoutItsSessionShowsTheFormAgainNotAnError() throws Exception {
        // the session timed out (or the cookie never came back): Faces cannot restore the view
        Api.Reply r = api.request("POST", "/login.xhtml")
                .form("login=login&login%3Ausername=x&login%3Apassword=y"
                        + "&login%3Asubmit=submit&jakarta.faces.ViewState=-1234%3A5678")
                .send();
        assertEquals(302, r.status(), r.text());
        assertTrue(
                r.raw().headers().firstValue("Location").orElse("").endsWith("/login.xhtml"),
                r.raw().headers().map()::toString);
    }

    @Test
    void sessionCookieIsSecureAndHstsIsSentForAnHttpsBaseUrl() {
        Sent login = raw("GET", "/login.xhtml", null, null, null);
        Api.Reply page = plain("/login.xhtml");
        String cookie = page.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no session cookie: " + page.raw().headers().map()));
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        for (String path : List.of("/login.xhtml", "/api/zones", "/01/123", "/.well-known/jwks.json")) {
            assertEquals("max-age=31536000", plain(path).header("Strict-Transport-Security"), path);
        }
        assertEquals(200, login.status());
    }

    @Test
    void tracePagesAndTheReportFormSendACspThatForbidsFraming() {
        for (String path : List.of("/01/04012345678901/10/NOLOT/21/NOSERIAL?8030=x", "/01/123", "/01/")) {
            String csp = plain(path)
                    .raw()
                    .headers()
                    .firstValue("Content-Security-Policy")
                    .orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"), path + ": " + csp);
        }
        Sent report = raw("POST", "/report", null, "application/x-www-form-urlencoded", "kind=FEEDBACK");
        assertTrue(report.status() >= 400 && report.status() < 500, report::describe);
        Api.Reply post = web("POST", "/report").form("kind=FEEDBACK").send();
        assertTrue(
                post.raw()
                        .headers()
                        .firstValue("Content-Security-Policy")
                        .orElse("")
                        .contains("frame-ancestors 'none'"),
                post.raw().headers().map().toString());
        Api.Reply get = plain("/report");
        assertEquals(405, get.status());
        assertTrue(
                get.raw()
                        .headers()
                        .firstValue("Content-Security-Policy")
                        .orElse("")
                        .contains("default-src 'none'"),
                get.raw().headers().map().toString());
    }

    @Test
    void apiAnswersCarryNosniff() {
        String token = signIn(MANAGER);
        for (Sent s : List.of(
                raw("GET", "/api/zones", token, null, null),
                raw("GET", "/api/zones", null, null, null),
                raw("GET", "/api/zones?page=x", token, null, null),
                raw("GET", "/api/nothing", token, null, null))) {
            Api.Reply r = web("GET", s.url()).bearer(token).send();
            assertEquals("nosniff", r.header("X-Content-Type-Options"), s::describe);
        }
    }

    /** Found by the fuzz run: the admin's lists of suspicious stamps (API and dashboard) answered 500. */
    @Test
    void theAdminSeesTheSuspiciousStampsAndTheDashboard() throws Exception {
        Sent list = raw("GET", "/api/stamps/suspicious", signIn("admin"), null, null);
        assertEquals(200, list.status(), list::describe);
        // the session cookie is Secure here (https base URL), so it is carried by hand over the test's plain HTTP
        Api.Reply login = plain("/login.xhtml");
        String cookie = sessionCookie(login, null);
        java.util.regex.Matcher state = java.util.regex.Pattern.compile(
                        "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"")
                .matcher(login.text());
        assertTrue(state.find(), login.text());
        String form = "login=login&login%3Ausername=admin&login%3Apassword=" + Api.DEMO_PASSWORD
                + "&login%3Asubmit=x&jakarta.faces.ViewState="
                + java.net.URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
        Api.Reply signedIn =
                web("POST", "/login.xhtml").header("Cookie", cookie).form(form).send();
        assertEquals(302, signedIn.status(), signedIn.text());
        assertTrue(
                signedIn.raw().headers().firstValue("Location").orElse("").endsWith("/app/dashboard.xhtml"),
                signedIn.raw().headers().map().toString());
        Api.Reply dashboard = web("GET", "/app/dashboard.xhtml")
                .header("Cookie", sessionCookie(signedIn, cookie))
                .send();
        assertEquals(200, dashboard.status(), dashboard.text());
    }

    static String sessionCookie(Api.Reply r, String previous) {
        return r.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElse(previous);
    }

    static String url(String path) {
        return api.base().toString().replaceAll("/$", "") + path;
    }

    static Api.Reply plain(String path) {
        return web("GET", path).send();
    }

    /** A request of the hardening checks: HTTP/1.1, no Accept, nothing else unless added. */
    static Api.Request web(String method, String path) {
        return api.request(method, path).http1().timeout(Duration.ofSeconds(30));
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private static final Map<String, String> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A session of this class's own (one sign-in per user), so nothing it does touches the shared tokens. */
    static String signIn(String user) {
        return SESSIONS.computeIfAbsent(user, api::signIn);
    }

    static Sent send(String role, String token, String method, String path, Case c) {
        String url = url(path);
        Api.Request request = api.request(method, path)
                .http1()
                .bearer(token)
                .body(c.contentType(), c.body())
                .accept(c.accept());
        try {
            Api.Reply r;
            try {
                r = request.exchange();
            } catch (IOException closed) {
                // the server may close a kept-alive connection after refusing a large body unread; the client
                // only notices on the next request, so that one is sent again once
                r = request.exchange();
            }
            return new Sent(
                    role,
                    method,
                    url,
                    c.what(),
                    r.status(),
                    r.contentType(),
                    r.raw().body());
        } catch (IOException e) {
            return new Sent(role, method, url, c.what(), 599, null, e.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    static Sent raw(String method, String path, String token, String contentType, String body) {
        Case c = body == null
                ? Case.none()
                : new Case("raw", contentType, body.getBytes(StandardCharsets.UTF_8), "application/json");
        return send("test", token, method, path, c);
    }

    static void assertProblemAnswer(Sent s, int status) {
        assertEquals(status, s.status(), s::describe);
        assertTrue(s.contentType() != null && s.contentType().startsWith("application/problem+json"), s::describe);
        assertNotNull(check(s) == null ? "" : null, s::describe);
    }
}

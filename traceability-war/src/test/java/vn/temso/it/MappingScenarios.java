package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 18 (column mappings): a cooperative's manager changes the Voso layout through the API and the page; the
 * regenerated feed, parsed back with commons-csv, has the headers in order and the values (Vietnamese intact); the
 * preview is the first rows of the feed built after saving; bad mappings are 400 naming column and rule; another
 * cooperative's manager gets 404; an admin's instance-wide layout applies where a cooperative has none; DELETE goes
 * back to the default. Own cooperatives only: the demo cooperatives' feeds are never changed for long (the
 * instance-wide layout is removed again in a finally).
 */
@Tag("listings")
public abstract class MappingScenarios extends ApiScenarios {

    private static final String DEFAULT_FIRST = "Mã SKU";

    /** A cooperative of the scenario: its id, its manager, its products. */
    record Coop(String id, String manager, List<JsonNode> products) {}

    @Test
    void shouldWriteTheFeedInTheSavedLayoutAndGoBackToTheDefault() throws Exception {
        Coop a = coop("Ánh Dương", 2);
        Coop b = coop("Bến Đò", 1);
        String feedA = "/feeds/" + a.id() + "/voso-csv.csv";
        String feedB = "/feeds/" + b.id() + "/voso-csv.csv";
        Csv before = Csv.parse(ListingScenarios.awaitFeed(feedA, x -> containsAll(x, a)));
        assertEquals(DEFAULT_FIRST, before.headers().get(0), "the bundled default first");

        JsonNode list = ok(api.get(a.manager(), "/api/column-mappings"));
        assertEquals(a.id(), list.get("cooperativeId").asText());
        JsonNode voso = byChannel(list.get("mappings"), "voso-csv");
        assertEquals("builtin", voso.get("source").asText());
        assertTrue(voso.get("editable").asBoolean());
        JsonNode tsv = byChannel(list.get("mappings"), "google-tsv");
        assertFalse(tsv.get("editable").asBoolean());
        assertEquals("fixed", tsv.get("source").asText());
        assertTrue(tsv.get("note").asText().contains("specification"), tsv.toString());
        JsonNode idField = null;
        for (JsonNode f : list.get("fields")) {
            if ("id".equals(f.get("name").asText())) {
                idField = f;
            }
        }
        assertNotNull(idField, list.get("fields").toString());
        assertTrue(idField.get("required").asBoolean()
                && !idField.get("description").asText().isBlank());

        // bad mappings: 400, each violation names the column (or the mapping) and the rule
        Api.Reply bad = api.put(
                a.manager(),
                "/api/column-mappings/voso-csv",
                columns("=Tên", "title", "Giá", "gia", "x".repeat(65), "brand"));
        assertProblem(bad, 400, "validation-failed");
        assertViolation(bad, "=Tên", "header-characters");
        assertViolation(bad, "Giá", "unknown-field");
        assertViolation(bad, "x".repeat(65), "header-too-long");
        assertViolation(bad, "mapping", "required-field");
        assertViolation(
                api.put(a.manager(), "/api/column-mappings/voso-csv", columns("Mã", "id", "mã", "title")),
                "mã",
                "duplicate-header");
        Api.Reply fixed = api.put(a.manager(), "/api/column-mappings/google-tsv", columns("Mã", "id", "Tên", "title"));
        assertProblem(fixed, 400, "validation-failed");
        assertViolation(fixed, "channel", "fixed-layout");
        assertEquals(
                "builtin",
                ok(api.get(a.manager(), "/api/column-mappings/voso-csv"))
                        .get("source")
                        .asText(),
                "nothing saved");

        // preview, then save the same layout
        Map<String, Object> custom = columns(
                "Tên hàng", "title",
                "Mã hàng", "id",
                "Giá (đồng)", "price_vnd",
                "Tình trạng", "availability_vi",
                "Mô tả \"chi tiết\", ngắn", "description");
        List<String> customHeaders =
                List.of("Tên hàng", "Mã hàng", "Giá (đồng)", "Tình trạng", "Mô tả \"chi tiết\", ngắn");
        JsonNode preview = ok(api.post(a.manager(), "/api/column-mappings/voso-csv/preview", custom));
        assertEquals(customHeaders, strings(preview.get("headers")));
        assertEquals(2, preview.get("rows").size(), preview.toString());
        assertEquals(
                "builtin",
                ok(api.get(a.manager(), "/api/column-mappings/voso-csv"))
                        .get("source")
                        .asText(),
                "a preview saves nothing");
        JsonNode saved = ok(api.put(a.manager(), "/api/column-mappings/voso-csv", custom));
        assertEquals("cooperative", saved.get("source").asText());
        assertEquals(a.manager(), saved.get("updatedBy").asText());

        String text = ListingScenarios.awaitFeed(feedA, x -> x.startsWith("\uFEFFTên hàng,"));
        Csv after = Csv.parse(text);
        assertEquals(customHeaders, after.headers());
        assertEquals(2, after.rows().size());
        Map<String, JsonNode> byGtin = new HashMap<>();
        a.products().forEach(p -> byGtin.put(p.get("gtin").asText(), p));
        for (List<String> row : after.rows()) {
            JsonNode p = byGtin.get(row.get(1));
            assertNotNull(p, "row of a product of the cooperative: " + row);
            assertEquals(p.get("name").asText(), row.get(0), "Vietnamese intact");
            assertEquals(Long.toString(p.get("priceVnd").asLong()), row.get(2));
            assertEquals(p.get("description").asText(), row.get(4));
        }
        assertEquals(after.rows(), lists(preview.get("rows")), "the preview is the first rows of the feed");
        assertEquals(text.substring(1), preview.get("csv").asText(), "and its text, without the byte order mark");

        // tenancy: another cooperative's manager sees nothing of it
        String other = "/api/column-mappings/voso-csv?cooperativeId=" + a.id();
        assertProblem(api.get(b.manager(), other), 404, "not-found");
        assertProblem(api.put(b.manager(), other, custom), 404, "not-found");
        assertProblem(
                api.post(b.manager(), "/api/column-mappings/voso-csv/preview?cooperativeId=" + a.id(), custom),
                404,
                "not-found");
        assertProblem(api.request("DELETE", other).as(b.manager()).send(), 404, "not-found");
        assertProblem(
                api.put(a.manager(), "/api/column-mappings/voso-csv?cooperativeId=" + b.id(), custom),
                404,
                "not-found");
        assertEquals("cooperative", ok(api.get("admin", other)).get("source").asText(), "admins see every cooperative");

        // an instance-wide layout (admins only) applies where a cooperative has none of its own
        Map<String, Object> province =
                columns("Mã vạch tỉnh", "id", "Tên tỉnh", "title", "Sao OCOP", "ocop_stars", "Giá", "price");
        try {
            assertProblem(api.put("canbo.binhtinh", "/api/column-mappings/voso-csv", province), 403, "forbidden");
            JsonNode instance = ok(api.put("admin", "/api/column-mappings/voso-csv", province));
            assertEquals("instance", instance.get("source").asText());
            Csv inB = Csv.parse(ListingScenarios.awaitFeed(feedB, x -> x.startsWith("\uFEFFMã vạch tỉnh,")));
            assertEquals(List.of("Mã vạch tỉnh", "Tên tỉnh", "Sao OCOP", "Giá"), inB.headers());
            assertEquals(
                    b.products().get(0).get("name").asText(), inB.rows().get(0).get(1));
            assertEquals(
                    "instance",
                    ok(api.get(b.manager(), "/api/column-mappings/voso-csv"))
                            .get("source")
                            .asText());
            assertEquals(
                    "cooperative",
                    ok(api.get(a.manager(), "/api/column-mappings/voso-csv"))
                            .get("source")
                            .asText());

            // DELETE: the cooperative falls back to the instance's layout
            JsonNode reset = ok(api.request("DELETE", "/api/column-mappings/voso-csv")
                    .as(a.manager())
                    .send());
            assertEquals("instance", reset.get("source").asText());
            ListingScenarios.awaitFeed(feedA, x -> x.startsWith("\uFEFFMã vạch tỉnh,"));
        } finally {
            Api.Reply gone = api.request("DELETE", "/api/column-mappings/voso-csv")
                    .as("admin")
                    .send();
            assertEquals(200, gone.status(), gone.text());
        }
        assertEquals(
                "builtin",
                ok(api.get(a.manager(), "/api/column-mappings/voso-csv"))
                        .get("source")
                        .asText());
        Csv back = Csv.parse(ListingScenarios.awaitFeed(feedA, x -> x.startsWith("\uFEFF" + DEFAULT_FIRST + ",")));
        assertEquals(
                strings(
                        ok(api.get(a.manager(), "/api/column-mappings/voso-csv"))
                                .get("columns"),
                        "header"),
                back.headers(),
                "the bundled default again");
    }

    @Test
    void shouldEditPreviewAndSaveTheLayoutOnThePageOnAPhone() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        Coop c = coop("Cỏ May", 1);
        String feed = "/feeds/" + c.id() + "/voso-csv.csv";
        ListingScenarios.awaitFeed(feed, x -> containsAll(x, c));
        try (Browser b = new Browser(api.base(), 360, 740)) {
            b.signIn(c.manager(), Api.DEMO_PASSWORD);
            b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
            b.open("/app/catalog.xhtml?lang=vi");
            b.click("column-mappings");
            b.waitFor(d -> d.getCurrentUrl().contains("/app/mappings.xhtml"), 10);
            b.waitFor(d -> d.findElement(By.id("mapping:rows:0:header")).isDisplayed(), 10);
            assertEquals(DEFAULT_FIRST, b.el("mapping:rows:0:header").getAttribute("value"));
            assertTrue(b.text().contains("bố cục mặc định có sẵn"), b.text());
            assertAccessible(b, "mappings");

            // a blank header: the error is shown next to the field, nothing is saved
            b.type("mapping:rows:0:header", " ");
            b.click("mapping:save");
            b.waitFor(d -> !d.findElements(By.id("mapping:rows:0:header-error")).isEmpty(), 10);
            assertTrue(b.el("mapping:rows:0:header-error").getText().contains("không được để trống"), b.text());

            b.type("mapping:rows:0:header", "Mã hàng hoá");
            b.click("mapping:add");
            b.waitFor(d -> !d.findElements(By.id("mapping:rows:11:header")).isEmpty(), 10);
            b.type("mapping:rows:11:header", "Hạn OCOP");
            b.select("mapping:rows:11:field", "(ocop_valid_until)");
            b.click("mapping:preview");
            b.waitFor(d -> !d.findElements(By.id("preview-table")).isEmpty(), 10);
            String table = b.el("preview-table").getText();
            assertTrue(table.contains("Mã hàng hoá") && table.contains("Hạn OCOP"), table);
            assertTrue(table.contains(c.products().get(0).get("name").asText()), table);
            assertAccessible(b, "mappings-preview");
            b.screenshot("mapping-preview-360");

            b.click("mapping:save");
            b.waitFor(d -> d.findElement(By.id("mapping-source")).getText().contains("riêng"), 10);
            assertEquals("Mã hàng hoá", b.el("mapping:rows:0:header").getAttribute("value"));
            JsonNode saved = ok(api.get(c.manager(), "/api/column-mappings/voso-csv"));
            assertEquals("cooperative", saved.get("source").asText());
            List<String> headers = strings(saved.get("columns"), "header");
            assertEquals("Mã hàng hoá", headers.get(0));
            assertEquals("Hạn OCOP", headers.get(headers.size() - 1));
            assertEquals(
                    headers,
                    Csv.parse(ListingScenarios.awaitFeed(feed, x -> x.startsWith("\uFEFFMã hàng hoá,")))
                            .headers());

            b.click("mapping:reset");
            b.waitFor(d -> d.findElement(By.id("mapping-source")).getText().contains("mặc định"), 10);
            assertEquals(DEFAULT_FIRST, b.el("mapping:rows:0:header").getAttribute("value"));
        }
    }

    /** A new cooperative with a manager and {@code products} valid products listed on voso-csv. */
    private static Coop coop(String name, int products) {
        String suffix = unique();
        Api.Reply coop = api.post(
                "admin",
                "/api/cooperatives",
                Map.of(
                        "name", "HTX " + name + " " + suffix,
                        "kind", "COOPERATIVE",
                        "commune", name + " " + suffix,
                        "district", "Tân Trụ",
                        "province", "Long An"));
        assertEquals(201, coop.status(), coop.text());
        String coopId = coop.json().get("id").asText();
        String manager = "it.cot." + suffix.toLowerCase();
        Api.Reply user = api.post(
                "admin",
                "/api/users",
                Map.of(
                        "username",
                        manager,
                        "displayName",
                        "Quản lý " + name,
                        "role",
                        "COOP_MANAGER",
                        "cooperativeId",
                        coopId,
                        "password",
                        Api.DEMO_PASSWORD));
        assertEquals(201, user.status(), user.text());
        List<JsonNode> made = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            Map<String, Object> body = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
            body.put("name", "Gạo ST25 " + name + " " + (i + 1) + " – túi 5 kg, \"thơm dẻo\"");
            body.put("description", "Hạt dài, trắng trong; nấu dẻo, thơm mùi lá dứa. Vụ Đông Xuân " + (2025 + i));
            body.put("priceVnd", 150000 + 1000 * i);
            body.put("imageUrl", "https://tem.temso.test/img/st25.jpg");
            JsonNode p = Fixtures.product(api, manager, body);
            ListingScenarios.list(manager, p, "voso-csv", Map.of("enabled", true));
            made.add(p);
        }
        return new Coop(coopId, manager, made);
    }

    private static boolean containsAll(String feed, Coop c) {
        return c.products().stream().allMatch(p -> feed.contains(p.get("gtin").asText()));
    }

    /** {"columns": [{"header": h1, "field": f1}, ...]} from header, field pairs. */
    private static Map<String, Object> columns(String... headerField) {
        List<Map<String, String>> cols = new ArrayList<>();
        for (int i = 0; i < headerField.length; i += 2) {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("header", headerField[i]);
            c.put("field", headerField[i + 1]);
            cols.add(c);
        }
        return Map.of("columns", cols);
    }

    private static JsonNode ok(Api.Reply r) {
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    private static JsonNode byChannel(JsonNode mappings, String channel) {
        for (JsonNode m : mappings) {
            if (channel.equals(m.get("channel").asText())) {
                return m;
            }
        }
        throw new AssertionError("no " + channel + " in " + mappings);
    }

    private static void assertViolation(Api.Reply r, String field, String code) {
        assertEquals(400, r.status(), r.text());
        for (JsonNode v : r.json().path("violations")) {
            if (field.equals(v.get("field").asText())
                    && code.equals(v.path("code").asText())) {
                assertFalse(v.get("message").asText().isBlank());
                return;
            }
        }
        throw new AssertionError("no violation " + field + " / " + code + " in " + r.text());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> strings(JsonNode array, String member) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(member).asText()));
        return out;
    }

    private static List<List<String>> lists(JsonNode rows) {
        List<List<String>> out = new ArrayList<>();
        rows.forEach(r -> out.add(strings(r)));
        return out;
    }

    /** A CSV feed parsed back by commons-csv: its header row in order and its rows. */
    record Csv(List<String> headers, List<List<String>> rows) {
        static Csv parse(String text) throws IOException {
            assertTrue(text.startsWith("\uFEFF"), "Excel needs the BOM for Vietnamese");
            try (CSVParser p = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(new StringReader(text.substring(1)))) {
                List<List<String>> rows = new ArrayList<>();
                for (CSVRecord r : p) {
                    rows.add(r.toList());
                }
                return new Csv(p.getHeaderNames(), rows);
            }
        }
    }

    /** axe-core (the webjar on the test classpath) finds no serious or critical problem, and nothing overflows. */
    private static void assertAccessible(Browser b, String what) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) b.driver;
        Object overflow = js.executeScript("const w = window.innerWidth, d = document.documentElement;"
                + " return d.scrollWidth <= w ? null : d.scrollWidth + ' > ' + w;");
        assertEquals(null, overflow, what + " is wider than the window");
        String resource = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
        try (InputStream in = MappingScenarios.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            js.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Object violations = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join('; '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        assertEquals(List.of(), violations, what + ": axe");
    }
}

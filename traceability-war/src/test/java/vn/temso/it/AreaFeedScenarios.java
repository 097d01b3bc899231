package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Commune and province feeds and the public catalogue (issue 18). Every scenario makes its own cooperatives (a
 * consenting one and one that does not consent, in a commune of their own); the expected province set is computed
 * from the API (the demo cooperatives consent and other scenarios list their products), never written down.
 */
@Tag("listings")
public abstract class AreaFeedScenarios extends ApiScenarios {

    static final String G = "http://base.google.com/ns/1.0";

    /** A cooperative made by the admin; its commune is "Mỹ Lộc <suffix>" so its commune feed is its own. */
    private static JsonNode cooperative(String suffix, String name, boolean consent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "COOPERATIVE");
        body.put("commune", "Mỹ Lộc " + suffix);
        body.put("district", "Cần Giuộc");
        body.put("province", "Long An");
        body.put("catalogConsent", consent);
        Api.Reply r = api.post("admin", "/api/cooperatives", body);
        assertEquals(201, r.status(), r.text());
        assertEquals(consent, r.json().get("catalogConsent").asBoolean());
        return r.json();
    }

    /** A product the Google feed accepts, with an OCOP certificate of these stars decided on that day (or none). */
    private static JsonNode product(String coopId, String name, Integer stars, String decided) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cooperativeId", coopId);
        body.put("gtin", Fixtures.gtin13());
        body.put("name", name);
        body.put("description", "Đặc sản \"Mỹ Lộc\" & <ngon>");
        body.put("category", "Gạo");
        body.put("unit", "túi 2 kg");
        body.put("priceVnd", 79000);
        body.put("imageUrl", "https://tem.temso.test/img/st25.jpg");
        if (stars != null) {
            body.put(
                    "ocop",
                    Map.of(
                            "stars", stars,
                            "decisionNumber", "12/QĐ-UBND",
                            "decisionDate", decided,
                            "level", "PROVINCE",
                            "authority", "UBND tỉnh Long An"));
        }
        Api.Reply r = api.post("admin", "/api/products", body);
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    private static void list(JsonNode product, String channel, boolean deleted) {
        Api.Reply r = api.put(
                "admin",
                "/api/listings/" + product.get("id").asText() + "/" + channel,
                Map.of("enabled", true, "deleted", deleted));
        assertEquals(200, r.status(), r.text());
    }

    private static String gtin(JsonNode product) {
        return product.get("gtin").asText();
    }

    /** The item ids (GTIN-14) of a Google XML feed, parsed with the JDK's XML parser; null while there is none. */
    static List<String> googleIds(String path) throws Exception {
        Api.Reply r = api.get(null, path);
        if (r.status() == 404) {
            return null;
        }
        assertEquals(200, r.status(), r.text());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc =
                f.newDocumentBuilder().parse(new ByteArrayInputStream(r.raw().body()));
        NodeList ids = doc.getElementsByTagNameNS(G, "id");
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < ids.getLength(); i++) {
            out.add(ids.item(i).getTextContent());
        }
        return out;
    }

    /** The ids of a CSV feed (Meta's columns), parsed with Commons CSV. */
    static List<String> csvIds(String path) throws Exception {
        Api.Reply r = api.get(null, path);
        if (r.status() == 404) {
            return null;
        }
        assertEquals(200, r.status(), r.text());
        try (CSVParser p = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new StringReader(r.text()))) {
            return p.getRecords().stream().map(rec -> rec.get("id")).toList();
        }
    }

    private static <T> T await(String what, java.util.concurrent.Callable<T> read, Predicate<T> done) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        T last = null;
        while (System.nanoTime() < end) {
            last = read.call();
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " not reached; last seen: " + last);
    }

    /** Pages of an admin list, all of them. */
    private static List<JsonNode> all(String path) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = api.get("admin", path + (path.contains("?") ? "&" : "?") + "size=200&page=" + page)
                    .json();
            p.get("items").forEach(out::add);
            if (p.get("items").size() < 200) {
                return out;
            }
        }
    }

    /**
     * What the province feed must hold, from the API: products of consenting cooperatives with an active OCOP
     * certificate of 3 stars or more and a live listing, as GTIN-14.
     */
    private static Set<String> expectedProvince() {
        Set<String> consenting = new HashSet<>();
        for (JsonNode c : all("/api/cooperatives")) {
            if (c.get("catalogConsent").asBoolean()) {
                consenting.add(c.get("id").asText());
            }
        }
        Set<String> expected = new TreeSet<>();
        for (String coop : consenting) {
            Set<String> live = new HashSet<>();
            for (JsonNode l : all("/api/listings?cooperativeId=" + coop)) {
                if (l.get("live").asBoolean()) {
                    live.add(l.get("productId").asText());
                }
            }
            for (JsonNode p : all("/api/products?cooperativeId=" + coop)) {
                JsonNode o = p.get("ocop");
                if (live.contains(p.get("id").asText())
                        && o != null
                        && !o.isNull()
                        && "ACTIVE".equals(o.get("status").asText())
                        && o.get("stars").asInt() >= 3) {
                    expected.add(p.get("gtin").asText());
                }
            }
        }
        return expected;
    }

    @Test
    void shouldPublishExactlyTheActiveThreeStarProductsOfConsentingCooperatives() throws Exception {
        String u = unique();
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        JsonNode yes = cooperative(u, "HTX Đồng thuận " + u, true);
        JsonNode no = cooperative(u, "HTX Chưa đồng ý " + u, false);
        String yesId = yes.get("id").asText();
        JsonNode three = product(yesId, "Gạo ba sao " + u, 3, "2025-06-01");
        JsonNode four = product(yesId, "Mắm bốn sao " + u, 4, "2025-06-01");
        JsonNode twoListings = product(yesId, "Bánh tráng hai kênh " + u, 4, today);
        JsonNode noOcop = product(yesId, "Rau chưa có OCOP " + u, null, null);
        JsonNode lapsed = product(yesId, "Mứt hết hạn OCOP " + u, 4, "2020-01-02");
        JsonNode withdrawn = product(yesId, "Trà đã rút " + u, 5, "2025-06-01");
        JsonNode notConsenting = product(no.get("id").asText(), "Dừa không đồng ý " + u, 4, "2025-06-01");
        // OCOP has no 2-star rating: the API refuses one
        Map<String, Object> two = new HashMap<>(Map.of(
                "cooperativeId",
                yesId,
                "gtin",
                Fixtures.gtin13(),
                "name",
                "Hai sao " + u,
                "unit",
                "gói",
                "priceVnd",
                1000));
        two.put("ocop", Map.of("stars", 2, "decisionDate", "2025-06-01"));
        assertEquals(400, api.post("admin", "/api/products", two).status());
        for (JsonNode p : List.of(three, four, twoListings, noOcop, lapsed, notConsenting)) {
            list(p, "google-xml", false);
        }
        list(twoListings, "meta-csv", false);
        list(withdrawn, "google-xml", true);
        list(three, "meta-csv", false);

        Set<String> ours = Set.of(gtin(three), gtin(four), gtin(twoListings));
        List<String> province = await(
                "province feed with our products",
                () -> googleIds("/feeds/province/google-xml.xml"),
                ids -> ids.containsAll(ours));
        assertEquals(new HashSet<>(province).size(), province.size(), "one entry per product: " + province);
        assertEquals(expectedProvince(), new TreeSet<>(province), "exactly the qualifying products");
        for (JsonNode p : List.of(noOcop, lapsed, withdrawn, notConsenting)) {
            assertFalse(province.contains(gtin(p)), p.get("name").asText());
        }
        // the same products in a CSV channel (Meta), every channel has its file
        List<String> meta =
                await("province meta feed", () -> csvIds("/feeds/province/meta-csv.csv"), ids -> ids.containsAll(ours));
        assertEquals(new TreeSet<>(province), new TreeSet<>(meta));
        for (String file : List.of("google-tsv.tsv", "voso-csv.csv", "postmart-csv.csv", "jsonld.jsonld")) {
            Api.Reply r =
                    await("province " + file, () -> api.get(null, "/feeds/province/" + file), x -> x.status() == 200);
            assertTrue(r.text().contains(gtin(four)), file);
        }

        // the commune feed: only the consenting cooperative of that commune
        String slug = "my-loc-" + u.toLowerCase();
        List<String> commune = await(
                "commune feed",
                () -> googleIds("/feeds/commune/" + slug + "/google-xml.xml"),
                ids -> ids.containsAll(ours));
        assertEquals(new TreeSet<>(ours), new TreeSet<>(commune));
        Api.Reply cached = api.request("GET", "/feeds/commune/" + slug + "/google-xml.xml")
                .header("Accept-Encoding", "gzip")
                .send();
        assertEquals("gzip", cached.header("Content-Encoding"));
        assertEquals(
                304,
                api.request("GET", "/feeds/commune/" + slug + "/google-xml.xml")
                        .header("If-None-Match", cached.header("ETag"))
                        .header("Accept-Encoding", "gzip")
                        .send()
                        .status());
        for (String path : List.of(
                "/feeds/commune/khong-co-xa-nay/google-xml.xml",
                "/feeds/commune/%3Cscript%3E/google-xml.xml",
                "/feeds/commune/" + slug + "/.google-xml.xml.last-good",
                "/feeds/commune/" + slug + "/x.xml",
                "/feeds/province/" + "a".repeat(5000) + ".xml",
                "/feeds/area/province/google-xml.xml")) {
            assertEquals(404, api.get(null, path).status(), path);
        }

        // consent withdrawn (by the admin here; the manager may too): gone from both after a round
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("name", yes.get("name").asText());
        update.put("kind", "COOPERATIVE");
        update.put("commune", yes.get("commune").asText());
        update.put("catalogConsent", false);
        Api.Reply off = api.put("admin", "/api/cooperatives/" + yesId, update);
        assertEquals(200, off.status(), off.text());
        assertFalse(off.json().get("catalogConsent").asBoolean());
        List<String> after = await(
                "province feed without our products",
                () -> googleIds("/feeds/province/google-xml.xml"),
                ids -> ids.stream().noneMatch(ours::contains));
        assertEquals(expectedProvince(), new TreeSet<>(after));
        await(
                "commune feed removed",
                () -> api.get(null, "/feeds/commune/" + slug + "/google-xml.xml")
                        .status(),
                s -> s == 404);
        JsonNode audit = api.get("admin", "/api/audit?entityId=" + yesId).json();
        assertTrue(audit.toString().contains("cooperative-catalog-consent"), audit.toString());
    }

    @Test
    void shouldLetTheManagerGiveConsentButNotTheMember() {
        String coop = idOfCoop("tantru.quanly");
        JsonNode before = api.get("tantru.quanly", "/api/cooperatives/" + coop).json();
        assertTrue(before.get("catalogConsent").asBoolean(), "the demo cooperatives consent");
        Map<String, Object> update = new LinkedHashMap<>();
        for (String f : List.of(
                "name",
                "kind",
                "taxId",
                "gln",
                "address",
                "commune",
                "district",
                "province",
                "phone",
                "email",
                "representative")) {
            if (before.hasNonNull(f)) {
                update.put(f, before.get(f).asText());
            }
        }
        update.put("catalogConsent", true);
        assertEquals(
                403,
                api.put("tantru.xavien", "/api/cooperatives/" + coop, update).status());
        Api.Reply same = api.put("tantru.quanly", "/api/cooperatives/" + coop, update);
        assertEquals(200, same.status(), same.text());
        update.remove("catalogConsent"); // a client that does not know the field keeps the consent
        Api.Reply kept = api.put("tantru.quanly", "/api/cooperatives/" + coop, update);
        assertTrue(kept.json().get("catalogConsent").asBoolean());
    }

    @Test
    void shouldRefuseHostileCatalogueParameters() {
        // a huge key: over HTTP/1.1 (HTTP/2 refuses so long a header block before any servlet runs)
        Api.Reply huge = api.request("GET", "/catalog?after=" + "f".repeat(6_000))
                .http1()
                .send();
        assertTrue(huge.status() >= 400 && huge.status() < 500, "huge key -> " + huge.status());
        for (String q : List.of(
                "?commune=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "?after=" + "f".repeat(2_000),
                "?coop=%22%3E%3Cimg",
                "?after=1%27%20OR%201=1",
                "?after=ffffffff-ffff-ffff-ffff-ffffffffffff",
                "?commune=binh-tinh&coop=ffffffff-ffff-ffff-ffff-ffffffffffff")) {
            Api.Reply r = api.get(null, "/catalog" + q);
            assertTrue(r.status() >= 400 && r.status() < 500, q + " -> " + r.status());
            assertFalse(r.text().contains("<script>alert"), q);
            assertFalse(r.text().contains("<img"), q);
        }
        assertEquals(404, api.get(null, "/catalog?commune=khong-co-xa-nay").status());
        assertEquals(
                404,
                api.get(null, "/catalog?coop=ffffffff-ffff-ffff-ffff-ffffffffffff")
                        .status());
        Api.Reply past = api.get(
                null,
                "/catalog?after=ffffffff-ffff-ffff-ffff-ffffffffffff:ffffffff-ffff-ffff-ffff-ffffffffffff&lang=en");
        assertEquals(200, past.status());
        assertTrue(past.text().contains("No products here yet."), past.text());
        assertTrue(past.header("Content-Security-Policy").contains("default-src 'none'"));
    }

    @Test
    void shouldShowTheCatalogueOnAPhoneWithProductDataAndSharingTags() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        String u = unique();
        JsonNode coop = cooperative(u, "HTX Mật ong Đồng Tháp " + u, true);
        String coopId = coop.get("id").asText();
        String manager = "it.area." + u.toLowerCase();
        Api.Reply user = api.post(
                "admin",
                "/api/users",
                Map.of(
                        "username",
                        manager,
                        "displayName",
                        "Trần Thị Ửng",
                        "role",
                        "COOP_MANAGER",
                        "cooperativeId",
                        coopId,
                        "password",
                        Api.DEMO_PASSWORD));
        assertEquals(201, user.status(), user.text());
        String name = "Mật ong hoa nhãn Đồng Tháp – hũ 500 g " + u;
        JsonNode honey = product(coopId, name, 4, "2025-06-01");
        JsonNode zone = Fixtures.zone(api, manager);
        String lot = "MO-" + u;
        Api.Reply batch = api.post(
                manager,
                "/api/batches",
                Fixtures.batchBody(honey.get("id").asText(), zone.get("id").asText(), lot));
        assertEquals(201, batch.status(), batch.text());
        list(honey, "google-xml", false);

        try (Browser b = new Browser(api.base(), 360, 740)) {
            // a 360 px phone screen (a headless window has a larger minimum width)
            ((ChromiumDriver) b.driver)
                    .executeCdpCommand(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
            b.open("/catalog?coop=" + coopId);
            b.waitFor(d -> d.findElement(By.tagName("body")).getText().contains(name), 60);
            JavascriptExecutor js = (JavascriptExecutor) b.driver;
            assertEquals(360L, ((Number) js.executeScript("return window.innerWidth")).longValue());
            long width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertTrue(width <= 360, "no sideways scrolling at 360 px: " + width);
            String ld = (String) js.executeScript(
                    "return document.querySelector('script[type=\"application/ld+json\"]').textContent");
            JsonNode list = Api.JSON.readTree(ld);
            assertEquals("ItemList", list.get("@type").asText());
            JsonNode item = list.at("/itemListElement/0/item");
            assertEquals("Product", item.get("@type").asText());
            assertEquals(name, item.get("name").asText());
            assertEquals("Offer", item.at("/offers/@type").asText());
            assertEquals("79000", item.at("/offers/price").asText());
            assertEquals("HTX Mật ong Đồng Tháp " + u, item.at("/brand/name").asText());
            String og = b.driver
                    .findElement(By.cssSelector("meta[property='og:image']"))
                    .getAttribute("content");
            assertTrue(og.startsWith("https://"), og);
            assertEquals(
                    "summary_large_image",
                    b.driver
                            .findElement(By.cssSelector("meta[name='twitter:card']"))
                            .getAttribute("content"));
            String lotHref = b.driver.findElement(By.partialLinkText(lot)).getAttribute("href");
            assertTrue(lotHref.endsWith("/01/" + gtin(honey) + "/10/" + lot), lotHref);
            b.screenshot("catalog-coop-360");
            b.driver.findElement(By.partialLinkText("HTX Mật ong")).click();
            b.waitFor(d -> d.getCurrentUrl().contains("coop=" + coopId), 10);
            b.open("/catalog?commune=my-loc-" + u.toLowerCase() + "&lang=en");
            b.waitFor(d -> d.findElement(By.tagName("body")).getText().contains("4-star OCOP"), 60);
            assertNotEquals(
                    0,
                    b.driver
                            .findElements(By.cssSelector(
                                    "a[href='/feeds/commune/my-loc-" + u.toLowerCase() + "/google-xml.xml']"))
                            .size());
            b.open("/catalog");
            b.waitFor(d -> d.findElement(By.tagName("h1")).getText().contains("OCOP"), 30);
            b.screenshot("catalog-province-360");
        }
    }
}

package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Marketplace listings (issue 5): feed files parsed back with real parsers, HTTP caching and gzip, tenancy, and
 * push sync through a marketplace that fails half of the requests.
 */
@Tag("listings")
public abstract class ListingScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String G = "http://base.google.com/ns/1.0";
    static final String BASE = Fixtures.BASE;

    /** A product with everything the Google feed requires; text with Vietnamese, commas, quotes and markup. */
    protected static JsonNode product(String name, Map<String, Object> ocop, long price) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gtin", Fixtures.gtin13());
        body.put("name", name);
        body.put("description", "Gạo ST25 vụ Đông Xuân, \"thơm dẻo\" & <ngon>\nDòng hai: Long An");
        body.put("category", "Gạo");
        body.put("unit", "túi 5 kg");
        body.put("priceVnd", price);
        body.put("imageUrl", "https://tem.temso.test/img/st25.jpg");
        if (ocop != null) {
            body.put("ocop", ocop);
        }
        Api.Reply r = api.post(MANAGER, "/api/products", body);
        assertEquals(201, r.status(), r.text());
        openBatch(MANAGER, r.json());
        return r.json();
    }

    /** The manager's zone the scenarios' batches are harvested from (made once per deployment). */
    private static final Map<String, String> ZONES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Gives a product an open batch: a listed product without one is out of stock in every feed and push (issue 18),
     * and these scenarios sell what is in stock.
     */
    protected static JsonNode openBatch(String user, JsonNode product) {
        String zone =
                ZONES.computeIfAbsent(user, u -> Fixtures.zone(api, u).get("id").asText());
        Api.Reply r = api.post(
                user, "/api/batches", Fixtures.batchBody(product.get("id").asText(), zone, "L" + unique()));
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    protected static void reprice(JsonNode product, long price, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gtin", product.get("gtin").asText());
        body.put("name", name);
        body.put("description", "Gạo ST25 vụ Đông Xuân, \"thơm dẻo\" & <ngon>\nDòng hai: Long An");
        body.put("category", "Gạo");
        body.put("unit", "túi 5 kg");
        body.put("priceVnd", price);
        body.put("imageUrl", "https://tem.temso.test/img/st25.jpg");
        Api.Reply r = api.put(MANAGER, "/api/products/" + product.get("id").asText(), body);
        assertEquals(200, r.status(), r.text());
    }

    protected static JsonNode list(String user, JsonNode product, String channel, Map<String, Object> body) {
        Api.Reply r = api.put(user, "/api/listings/" + product.get("id").asText() + "/" + channel, body);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    static Map<String, Object> ocop(String decisionDate) {
        return Map.of(
                "stars",
                4,
                "decisionNumber",
                "1234/QĐ-UBND",
                "decisionDate",
                decisionDate,
                "level",
                "PROVINCE",
                "authority",
                "UBND tỉnh Long An");
    }

    static HttpResponse<byte[]> fetch(String path, String... headers) {
        return api.request("GET", path)
                .headers(headers)
                .timeout(Duration.ofSeconds(30))
                .send()
                .raw();
    }

    /** Polls a feed until its text satisfies {@code until} (feeds are regenerated in the background). */
    static String awaitFeed(String path, Predicate<String> until) throws InterruptedException {
        String last = null;
        for (int i = 0; i < 300; i++) {
            HttpResponse<byte[]> r = fetch(path);
            if (r.statusCode() == 200) {
                last = new String(r.body(), StandardCharsets.UTF_8);
                if (until.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("feed " + path + " never reached the expected state; last: " + last);
    }

    static Map<String, Element> googleItems(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("rss", doc.getDocumentElement().getLocalName());
        NodeList items = doc.getElementsByTagName("item");
        Map<String, Element> byId = new HashMap<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            byId.put(g(item, "id"), item);
        }
        return byId;
    }

    static String g(Element item, String name) {
        NodeList n = item.getElementsByTagNameNS(G, name);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }

    static Map<String, CSVRecord> csv(String text, String idColumn) throws IOException {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Map<String, CSVRecord> rows = new HashMap<>();
        try (CSVParser p = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new StringReader(t))) {
            for (CSVRecord r : p) {
                rows.put(r.get(idColumn), r);
            }
        }
        return rows;
    }

    static String gtin14(JsonNode product) {
        return product.get("gtin").asText();
    }

    @Test
    void shouldPublishFeedsThatParseBackWithVietnameseOcopOnlyWhileValidOutOfStockKeptAndDeletedDropped()
            throws Exception {
        String coop = idOfCoop(MANAGER);
        String name = "Gạo thơm ST25 \"Tân Trụ\", túi 5 kg – " + unique();
        JsonNode valid = product(name, ocop("2025-03-15"), 185000);
        JsonNode lapsed = product("Mắm tôm chua Gò Công – " + unique(), ocop("2020-01-10"), 65000);
        JsonNode plain = product("Bánh tráng phơi sương Trảng Bàng – " + unique(), null, 30000);
        JsonNode gone = product("Rượu đế Gò Đen – " + unique(), null, 120000);
        for (String channel : List.of("google-xml", "meta-csv", "voso-csv")) {
            for (JsonNode p : List.of(valid, lapsed, plain, gone)) {
                JsonNode l = list(MANAGER, p, channel, Map.of("enabled", true, "availability", "IN_STOCK"));
                assertEquals(channel, l.get("channel").asText());
                assertTrue(l.get("live").asBoolean());
            }
        }
        String xmlPath = "/feeds/" + coop + "/google-xml.xml";
        awaitFeed(xmlPath, x -> x.contains(gtin14(gone)) && x.contains(gtin14(plain)));

        list(MANAGER, plain, "google-xml", Map.of("availability", "OUT_OF_STOCK"));
        list(MANAGER, plain, "meta-csv", Map.of("availability", "OUT_OF_STOCK"));
        list(MANAGER, gone, "google-xml", Map.of("deleted", true));
        list(MANAGER, gone, "meta-csv", Map.of("deleted", true));
        list(MANAGER, gone, "voso-csv", Map.of("enabled", false));

        String xml = awaitFeed(xmlPath, x -> !x.contains(gtin14(gone)) && x.contains("out_of_stock"));
        Map<String, Element> items = googleItems(xml);
        Element v = items.get(gtin14(valid));
        assertNotNull(v, xml);
        assertEquals(name, g(v, "title"));
        assertEquals("Gạo ST25 vụ Đông Xuân, \"thơm dẻo\" & <ngon>\nDòng hai: Long An", g(v, "description"));
        assertEquals(BASE + "/01/" + gtin14(valid), g(v, "link"));
        assertEquals("185000 VND", g(v, "price"));
        assertEquals("in_stock", g(v, "availability"));
        assertEquals("Hợp tác xã Nông nghiệp Tân Trụ Xanh", g(v, "brand"), "the cooperative is the brand");
        assertEquals("OCOP 4 sao", g(v, "custom_label_0"));
        Element l = items.get(gtin14(lapsed));
        assertNotNull(l);
        assertNull(g(l, "custom_label_0"), "a lapsed OCOP rating is never claimed");
        assertEquals("out_of_stock", g(items.get(gtin14(plain)), "availability"), "out of stock stays in the feed");
        assertFalse(items.containsKey(gtin14(gone)), "a deleted listing is dropped");

        String meta = awaitFeed(
                "/feeds/" + coop + "/meta-csv.csv", x -> !x.contains(gtin14(gone)) && x.contains("out of stock"));
        Map<String, CSVRecord> rows = csv(meta, "id");
        assertEquals(name, rows.get(gtin14(valid)).get("title"));
        assertEquals("OCOP 4 sao", rows.get(gtin14(valid)).get("custom_label_0"));
        assertEquals("", rows.get(gtin14(lapsed)).get("custom_label_0"));
        assertEquals("out of stock", rows.get(gtin14(plain)).get("availability"));
        assertEquals("185000 VND", rows.get(gtin14(valid)).get("price"));
        assertFalse(rows.containsKey(gtin14(gone)));

        String voso = awaitFeed("/feeds/" + coop + "/voso-csv.csv", x -> !x.contains(gtin14(gone)));
        assertTrue(voso.startsWith("\uFEFF"), "Excel needs the BOM for Vietnamese");
        Map<String, CSVRecord> vrows = csv(voso, "Mã SKU");
        assertEquals(name, vrows.get(gtin14(valid)).get("Tên sản phẩm"));
        assertEquals("Còn hàng", vrows.get(gtin14(valid)).get("Tình trạng"));
        assertEquals("OCOP 4 sao", vrows.get(gtin14(valid)).get("Chứng nhận OCOP"));
        assertFalse(vrows.containsKey(gtin14(gone)), "a paused listing is dropped too");

        // a product change reaches the feed: new name, same GTIN
        reprice(valid, 190000, name + " (mới)");
        String changed = awaitFeed(xmlPath, x -> x.contains("190000 VND"));
        assertEquals(name + " (mới)", g(googleItems(changed).get(gtin14(valid)), "title"));

        JsonNode status =
                api.get(MANAGER, "/api/listings/status?cooperativeId=" + coop).json();
        boolean sawXml = false;
        for (JsonNode f : status.get("feeds")) {
            if (f.get("channel").asText().equals("google-xml")) {
                sawXml = true;
                assertEquals(BASE + xmlPath, f.get("url").asText());
                assertEquals("PUBLISHED", f.get("outcome").asText(), f.toString());
            }
        }
        assertTrue(sawXml, status.toString());
    }

    @Test
    void shouldServeFeedsWithEtagLastModifiedAndGzipButNeverSideFiles() throws Exception {
        String coop = idOfCoop(MANAGER);
        JsonNode p = product("Trà mãng cầu Tân Trụ – " + unique(), null, 45000);
        list(MANAGER, p, "google-tsv", Map.of());
        String path = "/feeds/" + coop + "/google-tsv.tsv";
        awaitFeed(path, x -> x.contains(gtin14(p)));
        HttpResponse<byte[]> first = fetch(path);
        assertEquals(200, first.statusCode());
        FileScenarios.assertStored("feeds/" + coop + "/google-tsv.tsv", first.body(), "text/tab-separated-values");
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/tab-separated-values"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, fetch(path, "If-None-Match", etag).statusCode());
        assertEquals(304, fetch(path, "If-Modified-Since", modified).statusCode());
        assertEquals(200, fetch(path, "If-None-Match", "\"other\"").statusCode());
        assertEquals(
                200,
                fetch(path, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                        .statusCode());

        HttpResponse<byte[]> gz = fetch(path, "Accept-Encoding", "gzip, deflate");
        assertEquals(200, gz.statusCode());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(null));
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
        assertArrayEquals(first.body(), unzipped);
        String gzEtag = gz.headers().firstValue("ETag").orElseThrow();
        assertFalse(gzEtag.equals(etag), "the gzip representation has its own entity tag");
        assertEquals(
                304,
                fetch(path, "Accept-Encoding", "gzip", "If-None-Match", gzEtag).statusCode());
        assertNull(fetch(path, "Accept-Encoding", "gzip;q=0")
                .headers()
                .firstValue("Content-Encoding")
                .orElse(null));

        assertEquals(
                404,
                fetch("/feeds/" + coop + "/.google-tsv.tsv.last-good.properties")
                        .statusCode());
        assertEquals(404, fetch("/feeds/" + coop + "/google-tsv.csv").statusCode());
        assertEquals(
                404,
                fetch("/feeds/00000000-0000-0000-0000-000000000000/google-tsv.tsv")
                        .statusCode());
        assertEquals(
                404, fetch("/feeds/" + coop + "/..%2F..%2Fdb/google-tsv.tsv").statusCode());

        // a change gives a new entity tag, so a conditional request gets the new file
        list(MANAGER, p, "google-tsv", Map.of("availability", "OUT_OF_STOCK"));
        awaitFeed(path, x -> x.contains("out_of_stock"));
        HttpResponse<byte[]> after = fetch(path, "If-None-Match", etag);
        assertEquals(200, after.statusCode());
    }

    @Test
    void shouldApplyTenancyToListings() {
        JsonNode p = product("Dưa lưới Tân Trụ – " + unique(), null, 90000);
        JsonNode l = list(MANAGER, p, "google-xml", Map.of());
        String id = l.get("id").asText();
        String productPath = "/api/listings/" + p.get("id").asText() + "/google-xml";
        assertProblem(api.put("tantru.xavien", productPath, Map.of()), 403, "forbidden");
        assertEquals(200, api.get("tantru.xavien", "/api/listings/" + id).status());
        assertEquals(200, api.get("canbo.binhtinh", "/api/listings/" + id).status());
        assertProblem(api.put("canbo.binhtinh", productPath, Map.of()), 403, "forbidden");
        assertProblem(api.get("canbo.hoatan", "/api/listings/" + id), 404, "not-found");
        assertProblem(api.get("duchoa.quanly", "/api/listings/" + id), 404, "not-found");
        assertProblem(api.put("duchoa.quanly", productPath, Map.of()), 404, "not-found");
        assertEquals(
                200,
                api.put("admin", productPath, Map.of("availability", "IN_STOCK"))
                        .status());
        assertProblem(api.get(null, "/api/listings"), 401, "unauthenticated");
        assertProblem(
                api.put(MANAGER, "/api/listings/" + p.get("id").asText() + "/shopee", Map.of()),
                400,
                "validation-failed");
        assertProblem(api.put(MANAGER, productPath, Map.of("availability", "SOON")), 400, "validation-failed");
        assertProblem(api.post("tantru.xavien", "/api/listings/" + id + "/retry", null), 403, "forbidden");
        assertProblem(api.post(MANAGER, "/api/listings/" + id + "/retry", null), 409, "conflict");

        JsonNode hoatan = api.get("canbo.hoatan", "/api/listings?size=200").json();
        for (JsonNode item : hoatan.get("items")) {
            assertFalse(item.get("id").asText().equals(id), "Hòa Tân staff do not see Bình Tịnh listings");
        }
        JsonNode mine = api.get(
                        "tantru.xavien",
                        "/api/listings?productId=" + p.get("id").asText())
                .json();
        assertEquals(1, mine.get("total").asInt());
        assertEquals("google-xml", mine.get("items").get(0).get("channel").asText());
        for (JsonNode f : api.get("canbo.hoatan", "/api/listings/status").json().get("feeds")) {
            assertFalse(f.get("cooperativeId").asText().equals(idOfCoop(MANAGER)), f.toString());
        }
    }

    /** Waits until every push version of these products is final; returns them by product id. */
    static Map<String, List<JsonNode>> awaitPushes(List<JsonNode> products, int timeoutSeconds)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        Map<String, List<JsonNode>> byProduct = new HashMap<>();
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            byProduct.clear();
            boolean done = true;
            for (JsonNode p : products) {
                last = api.get(
                                MANAGER,
                                "/api/listings/status?size=200&productId="
                                        + p.get("id").asText())
                        .json();
                List<JsonNode> versions = new ArrayList<>();
                for (JsonNode item : last.get("items").get("items")) {
                    versions.add(item);
                    String s = item.get("status").asText();
                    done &= s.equals("SYNCED") || s.equals("FAILED");
                }
                byProduct.put(p.get("id").asText(), versions);
            }
            if (done) {
                return byProduct;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("pushes did not finish in " + timeoutSeconds + " s; last status: " + last);
    }

    @Test
    void shouldDeliverEveryProductVersionExactlyOnceThroughAMarketplaceThatFailsHalfTheTime() throws Exception {
        Marketplace market = Marketplace.start();
        JsonNode status = api.get(MANAGER, "/api/listings/status").json();
        assertTrue(status.get("push").get("enabled").asBoolean(), status.toString());
        assertEquals("127.0.0.1", status.get("push").get("endpointHost").asText());

        List<JsonNode> products = new ArrayList<>();
        Map<String, Long> latestPrice = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            JsonNode p = product(
                    "Khô cá lóc Tân Trụ số " + i + " – " + unique(),
                    i % 2 == 0 ? ocop("2025-03-15") : null,
                    100000 + i);
            list(MANAGER, p, "http-push", Map.of());
            products.add(p);
            latestPrice.put(gtin14(p), 100000L + i);
        }
        // more versions while earlier ones are in flight: two price changes, then back to the first (A → B → A)
        for (int i = 0; i < 4; i++) {
            JsonNode p = products.get(i);
            String name = p.get("name").asText();
            reprice(p, 200000 + i, name);
            reprice(p, 300000 + i, name);
            reprice(p, 200000 + i, name);
            latestPrice.put(gtin14(p), 200000L + i);
        }
        // an update that changes nothing marketplaces see queues nothing (delta by content hash)
        JsonNode same = products.get(7);
        reprice(same, 100007, same.get("name").asText());
        list(MANAGER, products.get(5), "http-push", Map.of("availability", "OUT_OF_STOCK"));
        list(MANAGER, products.get(6), "http-push", Map.of("deleted", true));

        Map<String, List<JsonNode>> versions = awaitPushes(products, 150);
        Set<String> keys = new HashSet<>();
        int expectedVersions = 0;
        for (JsonNode p : products) {
            List<JsonNode> vs = versions.get(p.get("id").asText());
            for (JsonNode v : vs) {
                assertEquals("SYNCED", v.get("status").asText(), v.toString());
                assertTrue(keys.add(v.get("idempotencyKey").asText()), "one key per version: " + v);
                assertTrue(v.get("idempotencyKey")
                        .asText()
                        .startsWith(gtin14(p) + ":" + v.get("productVersion").asInt() + ":"));
            }
            expectedVersions += vs.size();
        }
        assertEquals(8 + 4 * 3 + 1 + 1, expectedVersions, "one version per change, none for the no-op update");

        for (String key : keys) {
            assertNotNull(market.applied.get(key), "version never delivered: " + key);
            assertEquals(1, market.applied.get(key).get(), "applied once: " + key);
        }
        for (JsonNode p : products) {
            List<JsonNode> got = market.bodies.get(gtin14(p));
            assertEquals(versions.get(p.get("id").asText()).size(), got.size(), "every version applied, no more");
            JsonNode lastBody = got.get(got.size() - 1);
            if (p == products.get(6)) {
                assertTrue(lastBody.get("deleted").asBoolean(), "a withdrawn listing is pushed as a deletion");
            } else {
                assertEquals(
                        (long) latestPrice.get(gtin14(p)),
                        lastBody.get("priceVnd").asLong(),
                        lastBody.toString());
            }
            if (p == products.get(5)) {
                assertEquals("out_of_stock", lastBody.get("availability").asText());
            }
        }
        assertEquals(
                "OCOP 4 sao",
                last(market, products.get(4)).get("ocop").get("label").asText());
        assertTrue(last(market, products.get(3)).get("ocop").isNull(), "no OCOP claimed without a certificate");
        assertTrue(market.failures.get() > 0, "the marketplace failed some requests");
        assertEquals(0, market.badSignatures.get(), "every request is signed with the configured secret");
        System.getLogger("ListingScenarios")
                .log(
                        System.Logger.Level.INFO,
                        "push: {0} versions, failures {1}, duplicates" + " answered idempotently {2}",
                        keys.size(),
                        market.failureKinds,
                        market.duplicates);
    }

    private static JsonNode last(Marketplace market, JsonNode product) {
        List<JsonNode> got = market.bodies.get(gtin14(product));
        return got.get(got.size() - 1);
    }

    @Test
    void shouldMarkAPushFailedAndSendItAgainWhenStaffRetry() throws Exception {
        Marketplace market = Marketplace.start();
        market.rejecting =
                true; // the marketplace is shared by the scenarios: as this one needs it, whatever ran before
        JsonNode p = product("Nấm rơm [REJECT] – " + unique(), null, 55000);
        String listingId = list(MANAGER, p, "http-push", Map.of()).get("id").asText();
        List<JsonNode> vs = awaitPushes(List.of(p), 60).get(p.get("id").asText());
        assertEquals(1, vs.size());
        JsonNode failed = vs.get(0);
        assertEquals("FAILED", failed.get("status").asText());
        assertTrue(failed.get("lastError").asText().startsWith("HTTP 422"), failed.toString());
        assertEquals(422, failed.get("httpStatus").asInt());
        JsonNode counts = api.get(MANAGER, "/api/listings/status?status=FAILED").json();
        assertTrue(counts.get("push").get("counts").get("FAILED").asInt() >= 1, counts.toString());

        market.rejecting = false;
        Api.Reply r = api.post(MANAGER, "/api/listings/" + listingId + "/retry", null);
        assertEquals(200, r.status(), r.text());
        assertEquals(1, r.json().get("queued").asInt());
        JsonNode synced = awaitPushes(List.of(p), 60).get(p.get("id").asText()).get(0);
        assertEquals("SYNCED", synced.get("status").asText(), synced.toString());
        assertEquals(
                failed.get("idempotencyKey").asText(),
                synced.get("idempotencyKey").asText(),
                "same version, same key");
        assertEquals(
                1, market.applied.get(synced.get("idempotencyKey").asText()).get());
    }
}

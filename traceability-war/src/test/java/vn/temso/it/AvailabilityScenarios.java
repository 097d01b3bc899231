package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Issue 18 (availability follows the records): a listed product is in stock only while it has an open batch. A
 * recall through the API flips the Google feed and the push channel to out of stock in the next sync round; a product
 * whose only batch is closed, or that has none, is out of stock; /api/listings and the marketplace page say why. An
 * OCOP certificate that lapsed yesterday (Vietnam time) is not claimed; the exact midnight is unit-tested
 * (OcopLapseAtVietnamMidnightTest).
 */
@Tag("listings")
public abstract class AvailabilityScenarios extends ApiScenarios {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A new cooperative and its manager: recalls and closes here touch nobody else's feed. */
    private static String[] cooperativeAndManager() {
        String suffix = unique();
        Api.Reply coop = api.post(
                "admin",
                "/api/cooperatives",
                Map.of(
                        "name", "HTX Tồn Kho " + suffix,
                        "kind", "COOPERATIVE",
                        "commune", "Tồn Kho " + suffix,
                        "district", "Tân Trụ",
                        "province", "Long An"));
        assertEquals(201, coop.status(), coop.text());
        String manager = "it.tonkho." + suffix.toLowerCase();
        Api.Reply user = api.post(
                "admin",
                "/api/users",
                Map.of(
                        "username",
                        manager,
                        "displayName",
                        "Quản lý Tồn Kho",
                        "role",
                        "COOP_MANAGER",
                        "cooperativeId",
                        coop.json().get("id").asText(),
                        "password",
                        Api.DEMO_PASSWORD));
        assertEquals(201, user.status(), user.text());
        return new String[] {coop.json().get("id").asText(), manager};
    }

    /** A product the Google feed takes (https image), optionally with an OCOP certificate valid until a day. */
    private static JsonNode product(String manager, String name, LocalDate ocopValidUntil) {
        Map<String, Object> body = new LinkedHashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        body.put("name", name + " " + unique());
        body.put("imageUrl", "https://tem.temso.test/img/st25.jpg");
        if (ocopValidUntil != null) {
            Map<String, Object> ocop = new LinkedHashMap<>(ListingScenarios.ocop("2024-01-15"));
            ocop.put("validUntil", ocopValidUntil.toString());
            body.put("ocop", ocop);
        }
        return Fixtures.product(api, manager, body);
    }

    private static JsonNode listing(String manager, JsonNode product, String channel) {
        JsonNode items = api.get(
                        manager,
                        "/api/listings?lang=en&channel=" + channel + "&productId="
                                + product.get("id").asText())
                .json()
                .get("items");
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    private static Element item(String xml, JsonNode product) throws Exception {
        Element e = ListingScenarios.googleItems(xml).get(product.get("gtin").asText());
        assertNotNull(e, xml);
        return e;
    }

    private static String availability(String xml, JsonNode product) {
        try {
            Element e =
                    ListingScenarios.googleItems(xml).get(product.get("gtin").asText());
            return e == null ? null : ListingScenarios.g(e, "availability");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Push versions of a product as the status API lists them. */
    private static JsonNode pushes(String manager, JsonNode product) {
        return api.get(
                        manager,
                        "/api/listings/status?size=200&productId="
                                + product.get("id").asText())
                .json()
                .get("items")
                .get("items");
    }

    @Test
    void shouldFlipFeedAndPushToOutOfStockInTheRoundAfterARecall() throws Exception {
        Marketplace market = Marketplace.start();
        String[] cm = cooperativeAndManager();
        String coopId = cm[0];
        String manager = cm[1];
        JsonNode recalled = product(manager, "Gạo ST25 thu hồi", null);
        JsonNode closed = product(manager, "Gạo nếp lô đã đóng", null);
        JsonNode none = product(manager, "Gạo lứt chưa có lô", null);
        JsonNode batch = ListingScenarios.openBatch(manager, recalled);
        JsonNode toClose = ListingScenarios.openBatch(manager, closed);
        for (JsonNode p : List.of(recalled, closed, none)) {
            ListingScenarios.list(manager, p, "google-xml", Map.of("enabled", true, "availability", "IN_STOCK"));
        }
        ListingScenarios.list(manager, recalled, "http-push", Map.of("enabled", true, "availability", "IN_STOCK"));

        JsonNode noBatch = listing(manager, none, "google-xml");
        assertEquals("IN_STOCK", noBatch.get("availability").asText(), "the manager's choice");
        assertEquals("OUT_OF_STOCK", noBatch.get("effectiveAvailability").asText(), noBatch.toString());
        assertEquals("no-open-batch", noBatch.get("outOfStockReason").asText());
        assertEquals("No open batch", noBatch.get("outOfStockMessage").asText());
        JsonNode open = listing(manager, recalled, "google-xml");
        assertEquals("IN_STOCK", open.get("effectiveAvailability").asText(), open.toString());
        assertTrue(open.path("outOfStockReason").isMissingNode(), "no reason while in stock: " + open);

        String feed = "/feeds/" + coopId + "/google-xml.xml";
        String xml = ListingScenarios.awaitFeed(
                feed,
                x -> "in_stock".equals(availability(x, recalled))
                        && "in_stock".equals(availability(x, closed))
                        && availability(x, none) != null);
        assertEquals("out_of_stock", availability(xml, none), "a product without any batch is out of stock");
        awaitSynced(manager, recalled, 1);
        assertEquals("in_stock", lastBody(market, recalled).get("availability").asText());

        // the recall, through the REST API; the close of the other product's only batch
        Api.Reply r = api.post(
                manager,
                "/api/batches/" + batch.get("id").asText() + "/recall",
                Map.of("reason", "Dư lượng thuốc bảo vệ thực vật vượt ngưỡng"));
        assertEquals(200, r.status(), r.text());
        // the push version was queued in the recall's own transaction: it is there as soon as the recall answered
        assertEquals(2, pushes(manager, recalled).size(), "a new push version, queued with the recall");
        Api.Reply c = api.post(manager, "/api/batches/" + toClose.get("id").asText() + "/close", null);
        assertEquals(200, c.status(), c.text());

        xml = ListingScenarios.awaitFeed(
                feed,
                x -> "out_of_stock".equals(availability(x, recalled))
                        && "out_of_stock".equals(availability(x, closed)));
        assertEquals("out_of_stock", ListingScenarios.g(item(xml, recalled), "availability"));
        awaitSynced(manager, recalled, 2);
        JsonNode pushed = lastBody(market, recalled);
        assertEquals("out_of_stock", pushed.get("availability").asText(), pushed.toString());

        JsonNode all = listing(manager, recalled, "http-push");
        assertEquals("OUT_OF_STOCK", all.get("effectiveAvailability").asText());
        assertEquals("all-recalled", all.get("outOfStockReason").asText());
        assertEquals("All batches recalled", all.get("outOfStockMessage").asText());
        JsonNode onlyClosed = listing(manager, closed, "google-xml");
        assertEquals("no-open-batch", onlyClosed.get("outOfStockReason").asText(), onlyClosed.toString());
        Api.Reply vi = api.request(
                        "GET",
                        "/api/listings?channel=http-push&productId="
                                + recalled.get("id").asText())
                .as(manager)
                .header("Accept-Language", "vi")
                .send();
        assertEquals(
                "Mọi lô đã bị thu hồi",
                vi.json().at("/items/0/outOfStockMessage").asText(),
                vi.text());

        // the manager's own choice is named as such when the product does have an open batch
        JsonNode stocked = product(manager, "Gạo thơm còn lô", null);
        ListingScenarios.openBatch(manager, stocked);
        JsonNode mine = ListingScenarios.list(manager, stocked, "google-xml", Map.of("availability", "OUT_OF_STOCK"));
        assertEquals("set-by-you", mine.get("outOfStockReason").asText(), mine.toString());

        // the marketplace page says why, in both languages
        WebSession web = WebSession.signIn(api, manager);
        String en = web.get("/app/catalog.xhtml?lang=en").text();
        assertTrue(en.contains("data-reason=\"all-recalled\""), en);
        assertTrue(en.contains("All batches recalled"), en);
        assertTrue(en.contains("No open batch"), en);
        assertTrue(en.contains("Set by you"), en);
        String viPage = web.get("/app/catalog.xhtml?lang=vi").text();
        assertTrue(viPage.contains("Mọi lô đã bị thu hồi"), viPage);
        assertTrue(viPage.contains("Không có lô nào đang mở"), viPage);
    }

    @Test
    void shouldNotClaimAnOcopRatingThatLapsedYesterdayInVietnam() throws Exception {
        String[] cm = cooperativeAndManager();
        String coopId = cm[0];
        String manager = cm[1];
        LocalDate today = LocalDate.now(VIETNAM);
        JsonNode lapsed = product(manager, "Mắm cá linh OCOP hết hạn", today.minusDays(1));
        JsonNode lastDay = product(manager, "Mắm cá linh OCOP ngày cuối", today);
        for (JsonNode p : List.of(lapsed, lastDay)) {
            ListingScenarios.openBatch(manager, p);
            ListingScenarios.list(manager, p, "google-xml", Map.of("enabled", true));
        }
        String xml = ListingScenarios.awaitFeed(
                "/feeds/" + coopId + "/google-xml.xml",
                x -> availability(x, lapsed) != null && availability(x, lastDay) != null);
        assertNull(ListingScenarios.g(item(xml, lapsed), "custom_label_0"), "lapsed yesterday: no claim");
        assertEquals("OCOP 4 sao", ListingScenarios.g(item(xml, lastDay), "custom_label_0"), "valid until today");
        assertEquals("in_stock", availability(xml, lapsed), "an open batch: in stock");
    }

    /** Waits until the product has {@code versions} push versions, all SYNCED; returns the last one. */
    private static JsonNode awaitSynced(String manager, JsonNode product, int versions) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 600; i++) {
            last = pushes(manager, product);
            boolean done = last.size() == versions;
            for (JsonNode v : last) {
                done &= "SYNCED".equals(v.get("status").asText());
            }
            if (done) {
                JsonNode newest = last.get(0);
                for (JsonNode v : last) {
                    if (v.get("productVersion").asInt()
                            > newest.get("productVersion").asInt()) {
                        newest = v;
                    }
                }
                return newest;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("push versions of " + product.get("gtin").asText() + " never all synced: " + last);
    }

    private static JsonNode lastBody(Marketplace market, JsonNode product) {
        List<JsonNode> got = market.bodies.get(product.get("gtin").asText());
        assertNotNull(got, "nothing delivered for " + product.get("gtin").asText());
        return got.get(got.size() - 1);
    }
}

package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.w3c.dom.Element;

/**
 * Issue 18 (listing problems): a new cooperative's manager lists a product without an image on Google; the problem
 * is named (field, rule code, Vietnamese and English words, the form field that fixes it) in /api/listings, in the
 * status API and on the marketplace page, with no server path in any answer; after an image is uploaded through the
 * product form, the feed publishes with the item. The demo products, listed as they come, publish too.
 */
@Tag("listings")
public abstract class ListingProblemScenarios extends ApiScenarios {

    /** Fragments of server file-system paths no answer may contain. */
    private static final List<String> PATHS = List.of("/work", "/tmp", "/home", "/var/", "it-data", "file:/");

    @Test
    void shouldNameEachProblemOnTheApiAndThePageAndPublishOnceTheImageIsUploaded() throws Exception {
        String suffix = unique();
        Api.Reply coop = api.post(
                "admin",
                "/api/cooperatives",
                Map.of(
                        "name", "HTX Vấn Đề " + suffix,
                        "kind", "COOPERATIVE",
                        "commune", "Vấn Đề " + suffix,
                        "district", "Tân Trụ",
                        "province", "Long An"));
        assertEquals(201, coop.status(), coop.text());
        String coopId = coop.json().get("id").asText();
        String manager = "it.vande." + suffix.toLowerCase();
        Api.Reply user = api.post(
                "admin",
                "/api/users",
                Map.of(
                        "username",
                        manager,
                        "displayName",
                        "Quản lý Vấn Đề",
                        "role",
                        "COOP_MANAGER",
                        "cooperativeId",
                        coopId,
                        "password",
                        Api.DEMO_PASSWORD));
        assertEquals(201, user.status(), user.text());
        Map<String, Object> body = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        body.put("name", "Mắm cá linh Vấn Đề " + suffix);
        JsonNode product = Fixtures.product(api, manager, body);
        String productId = product.get("id").asText();
        JsonNode listed = ListingScenarios.list(manager, product, "google-xml", Map.of("enabled", true));

        JsonNode problem = imageProblem(listed.get("problems"));
        assertEquals("required", problem.get("code").asText(), listed.toString());
        assertEquals(
                "/app/product.xhtml?id=" + productId + "#product:image",
                problem.get("fix").asText());

        Api.Reply vi = api.request("GET", "/api/listings?productId=" + productId)
                .as(manager)
                .header("Accept-Language", "vi")
                .send();
        assertEquals(200, vi.status(), vi.text());
        JsonNode viProblem = imageProblem(vi.json().at("/items/0/problems"));
        assertTrue(viProblem.get("message").asText().contains("Ảnh sản phẩm"), vi.text());
        Api.Reply en = api.get(manager, "/api/listings?lang=en&productId=" + productId);
        assertTrue(
                imageProblem(en.json().at("/items/0/problems"))
                        .get("message")
                        .asText()
                        .contains("Product image"),
                en.text());
        assertNoPath(vi.text());

        String feedPath = "/feeds/" + coopId + "/google-xml.xml";
        JsonNode feed = awaitFeedStatus(manager, coopId, f -> f.hasNonNull("outcome"));
        assertEquals("HELD_BACK", feed.get("outcome").asText(), feed.toString());
        assertEquals(1, feed.get("itemsInvalid").asLong(), feed.toString());
        JsonNode item = feed.get("problems").get(0);
        assertEquals(productId, item.get("productId").asText());
        assertEquals("required", imageProblem(item.get("problems")).get("code").asText());
        assertFalse(feed.get("demo").asBoolean(), "the IT's public base URL is https: " + feed);
        assertNoPath(
                api.get(manager, "/api/listings/status?cooperativeId=" + coopId).text());
        assertEquals(404, ListingScenarios.fetch(feedPath).statusCode(), "nothing published yet");

        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        try (Browser b = new Browser(api.base(), 1280, 1400)) {
            b.signIn(manager, Api.DEMO_PASSWORD);
            b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
            b.open("/app/catalog.xhtml?lang=vi");
            WebElement li = b.driver.findElement(By.cssSelector("li[data-field='image'][data-code='required']"));
            assertTrue(li.getText().contains("Ảnh sản phẩm"), li.getText());
            assertNoPath(b.text());
            b.screenshot("listing-problem-image");
            li.findElement(By.cssSelector("a.fix")).click();
            b.waitFor(d -> d.getCurrentUrl().contains("/app/product.xhtml"), 10);
            assertTrue(b.driver.getCurrentUrl().endsWith("#product:image"), b.driver.getCurrentUrl());
            Path png = Files.createTempFile(Path.of("target"), "mam-ca-linh", ".png");
            Files.write(png, png(600)); // marketplaces need at least 500 × 500 px
            b.el("product:image").sendKeys(png.toAbsolutePath().toString());
            b.click("product:save");
            b.waitFor(d -> !d.getCurrentUrl().contains("#product:image"), 10);

            String xml = ListingScenarios.awaitFeed(
                    feedPath, x -> x.contains(product.get("gtin").asText()));
            Element published =
                    ListingScenarios.googleItems(xml).get(product.get("gtin").asText());
            assertNotNull(published, xml);
            assertEquals(
                    Fixtures.BASE + "/images/" + productId + "/1200.jpg",
                    ListingScenarios.g(published, "image_link"),
                    xml);
            JsonNode done = awaitFeedStatus(
                    manager, coopId, f -> "PUBLISHED".equals(f.path("outcome").asText()));
            assertEquals(0, done.get("problems").size(), done.toString());
            b.open("/app/catalog.xhtml?lang=vi");
            assertTrue(
                    b.driver
                            .findElements(By.cssSelector("li[data-field='image']"))
                            .isEmpty(),
                    b.text());
            assertTrue(b.text().contains("Đã xuất bản"), b.text());
            b.screenshot("listing-problem-fixed");
        }
        assertTrue(
                imageProblemOrNull(api.get(manager, "/api/listings?productId=" + productId)
                                .json()
                                .at("/items/0/problems"))
                        == null,
                "fixed");
    }

    @Test
    void shouldPublishTheDemoProductsAsTheyComeWithTheirImages() throws Exception {
        String manager = "duchoa.quanly";
        String coopId = idOfCoop(manager);
        JsonNode products =
                api.get(manager, "/api/products?cooperativeId=" + coopId).json().get("items");
        JsonNode demo = null;
        for (JsonNode p : products) {
            if (p.path("imageUrl").asText().startsWith("/images/")) {
                demo = p;
            }
        }
        assertNotNull(demo, "a demo product with its image: " + products);
        JsonNode listed = ListingScenarios.list(manager, demo, "google-xml", Map.of("enabled", true));
        assertEquals(0, listed.get("problems").size(), listed.toString());
        String gtin = demo.get("gtin").asText();
        String xml = ListingScenarios.awaitFeed("/feeds/" + coopId + "/google-xml.xml", x -> x.contains(gtin));
        Element item = ListingScenarios.googleItems(xml).get(gtin);
        assertTrue(ListingScenarios.g(item, "image_link").startsWith(Fixtures.BASE + "/images/"), xml);
        JsonNode feed = awaitFeedStatus(
                manager, coopId, f -> "PUBLISHED".equals(f.path("outcome").asText()));
        // the IT's base URL is https, so these are real links: no demo mark (an http base URL in demo mode has one)
        assertFalse(feed.get("demo").asBoolean(), feed.toString());
        assertTrue(feed.path("notice").isMissingNode() || feed.get("notice").isNull(), feed.toString());
        assertNoPath(feed.toString());
    }

    private static JsonNode awaitFeedStatus(String user, String coopId, java.util.function.Predicate<JsonNode> until)
            throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 300; i++) {
            Api.Reply r = api.get(user, "/api/listings/status?cooperativeId=" + coopId);
            assertEquals(200, r.status(), r.text());
            for (JsonNode f : r.json().get("feeds")) {
                if ("google-xml".equals(f.get("channel").asText())) {
                    last = f;
                    if (!f.get("dirty").asBoolean() && until.test(f)) {
                        return f;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the google-xml feed of " + coopId + " never got there; last: " + last);
    }

    private static JsonNode imageProblem(JsonNode problems) {
        JsonNode p = imageProblemOrNull(problems);
        assertNotNull(p, "a problem with the image: " + problems);
        return p;
    }

    private static JsonNode imageProblemOrNull(JsonNode problems) {
        for (JsonNode p : problems) {
            if ("image".equals(p.get("field").asText())) {
                return p;
            }
        }
        return null;
    }

    private static void assertNoPath(String answer) {
        for (String path : PATHS) {
            assertFalse(answer.contains(path), "a server path (" + path + ") in: " + answer);
        }
    }

    private static byte[] png(int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2e7d32));
        g.fillRect(0, 0, size, size);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.w3c.dom.Element;

/**
 * Issue 18, product images that fit marketplaces: uploads are checked from their bytes (format, header dimensions
 * before decoding, the 500 px minimum), made into JPEG sizes served at stable URLs, and the Google feed links the
 * largest. The browser story: a new cooperative's manager lists a product without an image on Google from the
 * marketplace page, sees the problem with its link, uploads an image through the product form, and the feed
 * publishes the item whose image link gives a 1200 px JPEG.
 */
@Tag("images")
public abstract class ImageScenarios extends ApiScenarios {

    /** A photo-like JPEG of {@code w} × {@code h}: a gradient, so its sizes are real JPEGs of some weight. */
    static byte[] jpeg(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xf9a825), w, h, new Color(0x2e7d32)));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return encode(img, "jpeg");
    }

    private static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static Api.Reply upload(String user, String productId, String contentType, byte[] body) {
        return api.request("PUT", "/api/products/" + productId + "/image")
                .as(user)
                .accept("application/json")
                .body(contentType, body)
                .send();
    }

    private static void assertRefused(Api.Reply r, String rule) {
        assertProblem(r, 400, "validation-failed");
        assertEquals(rule, r.json().path("rule").asText(), r.text());
        assertTrue(hasViolation(r, "image"), r.text());
    }

    private static BufferedImage served(HttpResponse<byte[]> r) throws IOException {
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("image/jpeg"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertNotNull(img, "a JPEG ImageIO reads");
        return img;
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        return api.request("GET", path).headers(headers).send().raw();
    }

    @Test
    void shouldRefuseUploadsThatBreakARuleWithAProblemNamingTheFieldAndTheRule() {
        String manager = "tantru.quanly";
        String id = Fixtures.product(api, manager).get("id").asText();
        assertRefused(upload(manager, id, "image/jpeg", jpeg(480, 900)), "too-small");
        byte[] bomb = vn.temso.testsupport.CameraJpegs.pngClaiming(30_000, 30_000);
        assertRefused(upload(manager, id, "image/png", bomb), "too-many-pixels");
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertRefused(upload(manager, id, "image/jpeg", html), "not-an-image");
        assertRefused(upload(manager, id, "image/png", new byte[0]), "empty");
        assertRefused(upload(manager, id, "image/jpeg", new byte[2_000_001]), "too-large");
        byte[] webp = {'R', 'I', 'F', 'F', 4, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
        assertRefused(upload(manager, id, "image/webp", webp), "webp-not-accepted");
        JsonNode after = api.get(manager, "/api/products/" + id).json();
        assertTrue(after.path("imageUrl").isNull() || after.path("imageUrl").isMissingNode(), after.toString());
        assertEquals(404, get("/images/" + id + "/1200.jpg").statusCode(), "refused uploads store nothing");
    }

    @Test
    void shouldServeEverySizeAtAStableUrlWithItsTagAndTheOldUrlAsARedirect() throws Exception {
        String manager = "tantru.quanly";
        String id = Fixtures.product(api, manager).get("id").asText();
        // a JPEG sent as PNG: the bytes decide, the Content-Type is only a claim
        Api.Reply put = upload(manager, id, "image/png", jpeg(1600, 1000));
        assertEquals(200, put.status(), put.text());
        assertEquals("/images/" + id + "/1200.jpg", put.json().get("imageUrl").asText());
        int[][] sizes = {{1200, 1200, 750}, {600, 600, 375}, {300, 300, 188}};
        for (int[] s : sizes) {
            BufferedImage img = served(get("/images/" + id + "/" + s[0] + ".jpg"));
            assertEquals(s[1], img.getWidth(), s[0] + " px");
            assertEquals(s[2], img.getHeight(), s[0] + " px");
        }
        HttpResponse<byte[]> large = get("/images/" + id + "/1200.jpg");
        String etag = large.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + FileScenarios.sha256(large.body()) + "\"", etag, "strong, of the stored bytes");
        assertTrue(large.headers().firstValue("Cache-Control").orElse("").contains("public"));
        assertEquals(
                304, get("/images/" + id + "/1200.jpg", "If-None-Match", etag).statusCode());
        Api.Reply head = api.request("HEAD", "/images/" + id + "/600.jpg").send();
        assertEquals(200, head.status());
        assertEquals(0, head.raw().body().length);
        assertEquals(
                String.valueOf(get("/images/" + id + "/600.jpg").body().length),
                head.header("Content-Length"),
                "HEAD tells the length of GET");

        HttpResponse<byte[]> old = get("/images/" + id);
        assertEquals(301, old.statusCode(), "printed and shared links of earlier versions keep working");
        assertTrue(old.headers().firstValue("Location").orElse("").endsWith("/images/" + id + "/1200.jpg"));

        for (String missing : new String[] {
            "/images/" + id + "/800.jpg",
            "/images/" + id + "/1200.png",
            "/images/" + id + "/99999.jpg",
            "/images/" + id + "/",
            "/images/00000000-0000-0000-0000-000000000000/1200.jpg",
            "/images/00000000-0000-0000-0000-000000000000",
            "/images/not-a-product/1200.jpg"
        }) {
            assertEquals(404, get(missing).statusCode(), missing);
        }

        assertEquals(200, upload(manager, id, "image/jpeg", jpeg(900, 700)).status());
        HttpResponse<byte[]> replaced = get("/images/" + id + "/1200.jpg");
        assertNotEquals(etag, replaced.headers().firstValue("ETag").orElse(""), "a new upload, a new tag");
        assertEquals(900, served(replaced).getWidth(), "never enlarged");
        assertEquals(
                200, get("/images/" + id + "/1200.jpg", "If-None-Match", etag).statusCode());
        assertEquals(
                404, upload("duchoa.quanly", id, "image/jpeg", jpeg(900, 700)).status(), "another's product");
    }

    @Test
    void shouldGiveEveryDemoProductAnImageThatMarketplacesTake() throws Exception {
        int demo = 0;
        for (String gtin : new String[] {"8931234500016", "8931234500023", "8931234500030", "8931234500047"}) {
            JsonNode found = api.get("admin", "/api/products?q=" + gtin).json().get("items");
            for (JsonNode p : found) { // the demo registry's products
                demo++;
                String url = p.path("imageUrl").asText();
                assertEquals("/images/" + p.get("id").asText() + "/1200.jpg", url, p.toString());
                BufferedImage img = served(get(url));
                assertEquals(1000, img.getWidth(), "an illustration of 1000 px, not enlarged");
            }
        }
        assertEquals(4, demo, "every demo product has an image");
    }

    @Test
    void shouldPublishTheItemOnceItsManagerUploadsTheImageTheMarketplacePageAskedFor() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        String tag = unique();
        JsonNode coop = api.post(
                        "admin",
                        "/api/cooperatives",
                        Map.of(
                                "kind", "COOPERATIVE",
                                "name", "HTX Ảnh Sản Phẩm " + tag,
                                "province", "Long An",
                                "district", "Cần Đước",
                                "commune", "Long Hựu " + tag))
                .json();
        String coopId = coop.get("id").asText();
        String manager = "it.anh." + tag.toLowerCase();
        Map<String, Object> account = new HashMap<>();
        account.put("username", manager);
        account.put("password", Api.DEMO_PASSWORD);
        account.put("role", "COOP_MANAGER");
        account.put("cooperativeId", coopId);
        account.put("displayName", "Quản lý Ảnh");
        assertEquals(201, api.post("admin", "/api/users", account).status());
        Map<String, Object> body = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        String name = "Bánh tráng Long Hựu " + tag;
        body.put("name", name);
        JsonNode product = Fixtures.product(api, manager, body);
        String productId = product.get("id").asText();
        String gtin = product.get("gtin").asText();
        String feed = "/feeds/" + coopId + "/google-xml.xml";

        try (Browser b = new Browser(api.base(), 1280, 1400)) {
            b.signIn(manager, Api.DEMO_PASSWORD);
            b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
            b.open("/app/catalog.xhtml?lang=vi");
            b.select("listing:productId", name);
            b.select("listing:channel", "Google Merchant (XML)");
            if (!b.el("listing:enabled").isSelected()) {
                b.click("listing:enabled");
            }
            b.click("listing:save");
            b.waitFor(
                    d -> !d.findElements(By.cssSelector("li[data-field='image'][data-code='required']"))
                            .isEmpty(),
                    15);
            WebElement problem = b.driver.findElement(By.cssSelector("li[data-field='image'][data-code='required']"));
            assertTrue(problem.getText().contains("Ảnh sản phẩm"), problem.getText());
            b.screenshot("images-problem-named");
            assertEquals(404, ListingScenarios.fetch(feed).statusCode(), "held back: its only item is invalid");

            problem.findElement(By.cssSelector("a.fix")).click();
            b.waitFor(d -> d.getCurrentUrl().contains("/app/product.xhtml"), 10);
            assertTrue(b.driver.getCurrentUrl().endsWith("#product:image"), b.driver.getCurrentUrl());
            Path small = Files.createTempFile(Path.of("target"), "banh-trang-small", ".jpg");
            Files.write(small, jpeg(320, 320));
            b.el("product:image").sendKeys(small.toAbsolutePath().toString());
            b.click("product:save");
            b.waitFor(d -> d.findElement(By.tagName("body")).getText().contains("quá nhỏ"), 10);
            assertTrue(b.text().contains("320 × 320"), "the refusal in the page's language: " + b.text());
            b.screenshot("images-too-small");

            Path photo = Files.createTempFile(Path.of("target"), "banh-trang", ".jpg");
            Files.write(photo, jpeg(1600, 1200));
            b.el("product:image").sendKeys(photo.toAbsolutePath().toString());
            b.click("product:save");
            b.waitFor(
                    d -> d.getCurrentUrl().contains("id=" + productId)
                            && !d.getCurrentUrl().contains("#"),
                    15);
            b.screenshot("images-uploaded");
        }

        String xml = ListingScenarios.awaitFeed(feed, x -> x.contains(gtin));
        Element item = ListingScenarios.googleItems(xml).get(gtin);
        assertNotNull(item, xml);
        String link = ListingScenarios.g(item, "image_link");
        assertEquals(Fixtures.BASE + "/images/" + productId + "/1200.jpg", link, xml);
        assertTrue(link.startsWith("https://"), "the IT's public base URL is https");
        BufferedImage img = served(get(link.substring(Fixtures.BASE.length())));
        assertEquals(1200, Math.max(img.getWidth(), img.getHeight()), "the 1200 px size");
        assertEquals(900, img.getHeight());
        Api.Reply listing = api.get(manager, "/api/listings?productId=" + productId);
        assertFalse(listing.text().contains("\"image\""), "no image problem left: " + listing.text());
    }
}

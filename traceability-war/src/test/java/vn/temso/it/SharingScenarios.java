package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A stamp or lot link shared on Zalo or Facebook: the preview (OpenGraph, Twitter card) names the product and the
 * verdict, shows the picture only where the page vouches for the product, and the crawler that makes the preview is
 * not counted as a scan of the package.
 */
public abstract class SharingScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String FACEBOOK = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";

    private static final Pattern META = Pattern.compile("<meta (?:property|name)=\"([^\"]+)\" content=\"([^\"]*)\">");

    /** The card's tags of a page (the last one wins, as crawlers read them). */
    static java.util.Map<String, String> card(String html) {
        java.util.Map<String, String> tags = new java.util.HashMap<>();
        String head = html.substring(0, html.indexOf("</head>"));
        Matcher m = META.matcher(head);
        while (m.find()) {
            tags.put(m.group(1), m.group(2));
        }
        return tags;
    }

    /** A fresh batch with stamps whose product has a picture (an 800 px PNG, within every upload rule). */
    private static String stampPath() throws Exception {
        JsonNode batch = Fixtures.issuedBatch(api, MANAGER, 2);
        java.awt.image.BufferedImage picture =
                new java.awt.image.BufferedImage(800, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = picture.createGraphics();
        g.setColor(new java.awt.Color(0x2e7d32));
        g.fillRect(0, 0, 800, 800);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(200, 200, 400, 400);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", png);
        Api.Reply put = api.request(
                        "PUT", "/api/products/" + batch.get("productId").asText() + "/image")
                .as(MANAGER)
                .accept("application/json")
                .body("image/png", png.toByteArray())
                .send();
        assertEquals(200, put.status(), put.text());
        return Fixtures.local(api.get(MANAGER, "/api/batches/" + batch.get("id").asText() + "/stamps?size=10")
                .json()
                .at("/items/0/url")
                .asText());
    }

    private Api.Reply get(String path, String userAgent) {
        return api.request("GET", path)
                .accept("text/html")
                .header("User-Agent", userAgent)
                .send();
    }

    @Test
    void shouldShowTheProductAndVerdictInAStampLinkPreviewWithoutCountingTheCrawlerAsAScan() throws Exception {
        String path = stampPath();
        Api.Reply preview = get(path, FACEBOOK);
        assertEquals(200, preview.status(), preview.text());
        var tags = card(preview.text());
        assertTrue(tags.get("og:title").endsWith("– Tem chính hãng"), tags.toString());
        assertTrue(tags.get("og:title").contains("Tem chính hãng"), tags.toString());
        assertEquals("vi_VN", tags.get("og:locale"));
        assertEquals("product", tags.get("og:type"));
        assertTrue(tags.get("og:description").contains("Tân Trụ Xanh"), tags.toString());
        String image = tags.get("og:image");
        assertTrue(image.startsWith(Fixtures.BASE + "/"), "absolute, on the public base URL: " + image);
        assertEquals(
                200,
                api.request("GET", image.substring(Fixtures.BASE.length()))
                        .send()
                        .status(),
                image);
        assertEquals("summary_large_image", tags.get("twitter:card"));
        assertEquals(tags.get("og:title"), tags.get("twitter:title"));
        assertNull(tags.get("og:url"), "a stamp page names no canonical URL: each package's URL is its own");

        // the crawler's fetch was not a scan: the first buyer is still the first
        JsonNode scan =
                api.request("GET", path).accept("application/json").send().json();
        assertEquals("GENUINE", scan.get("verdict").asText());
        assertEquals(1, scan.get("scanCount").asInt(), scan.toString());
    }

    @Test
    void shouldSayAForgedStampIsForgedInItsPreviewWithoutThePicture() throws Exception {
        String path = stampPath();
        // a middle character of the signature: the last one also carries base64url padding bits, and changing
        // only those makes the code malformed (a different verdict) rather than wrongly signed
        int at = path.length() - 10;
        String forged = path.substring(0, at) + (path.charAt(at) == 'A' ? 'B' : 'A') + path.substring(at + 1);
        for (String ua : new String[] {FACEBOOK, "Mozilla/5.0 (Linux; Android 10) Zalo"}) {
            Api.Reply r = get(forged, ua);
            var tags = card(r.text());
            assertTrue(tags.get("og:title").contains("Tem không chính hãng"), tags.toString());
            assertTrue(tags.get("og:description").contains("Chữ ký số không khớp"), tags.toString());
            assertNull(tags.get("og:image"), "no product picture on a forged stamp's preview");
            assertEquals("summary", tags.get("twitter:card"));
            assertFalse(r.text().contains("Tân Trụ Xanh"), "a forged URL never shows product data");
        }
    }

    @Test
    void shouldNameTheLotPageAsCanonicalInEnglishToo() throws Exception {
        String path = stampPath();
        String lot = path.substring(0, path.indexOf("/21/"));
        var tags = card(get(lot + "?lang=en", "TelegramBot (like TwitterBot)").text());
        assertEquals("en_US", tags.get("og:locale"));
        assertTrue(tags.get("og:title").endsWith("Batch record"), tags.toString());
        assertEquals(Fixtures.BASE + lot, tags.get("og:url"));
        assertTrue(tags.get("og:image").startsWith(Fixtures.BASE + "/"), tags.toString());
        // a GTIN nobody registered (an unknown lot of a registered GTIN walks up to the product page, issue 19)
        var unknown = card(get("/01/04000000000013/10/NO-SUCH-LOT", FACEBOOK).text());
        assertEquals("Không tìm thấy lô hàng", unknown.get("og:title"));
        assertNull(unknown.get("og:image"));
    }
}

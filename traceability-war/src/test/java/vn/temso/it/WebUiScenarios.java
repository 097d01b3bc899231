package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * The web UI in a real browser: a cooperative manager registers a zone, a product and a batch and issues
 * stamps; a buyer opens a stamp's trace page and reports it; sign-in failure and a form error. Screenshots of
 * the main pages are saved to target/screenshots. The order only numbers the screenshots: each step signs in
 * itself and brings the records it starts from (made through the API), so any step runs alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class WebUiScenarios extends ApiScenarios {

    protected Browser browser;
    protected String lot = "W" + unique();
    protected String zoneCode = "VN-WEB-" + unique();
    protected String gtin = Fixtures.gtin13();

    @BeforeAll
    void startBrowser() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
    }

    protected Browser browser() {
        if (browser == null) {
            browser = new Browser(api.base(), 390, 1400); // a phone-sized window: the pages must work there
            browser.open("/login.xhtml"); // on the server's site, so its cookies can be deleted at any step
        }
        return browser;
    }

    /** The browser with a fresh session of {@code username}: no step relies on a session another step left. */
    protected Browser signedIn(String username) {
        Browser b = browser();
        b.driver.manage().deleteAllCookies();
        b.signIn(username, Api.DEMO_PASSWORD);
        b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
        return b;
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void shouldRefuseAWrongPasswordWithoutSayingWhichPartWasWrong() {
        Browser b = browser();
        b.driver.manage().deleteAllCookies(); // no session another step left
        b.signIn("tantru.quanly", "wrong-password");
        b.waitFor(d -> b.text().contains("Sai tên đăng nhập hoặc mật khẩu"), 10);
        b.screenshot("01-login-failed");
        b.open("/app/dashboard.xhtml");
        assertTrue(b.driver.getCurrentUrl().contains("/login.xhtml"), "pages need sign-in");
    }

    @Test
    @Order(2)
    void shouldRegisterAZoneWithAnUploadedOutline() throws Exception {
        Browser b = browser();
        b.signIn("tantru.quanly", Api.DEMO_PASSWORD);
        b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
        assertTrue(b.text().contains("Hợp tác xã Nông nghiệp Tân Trụ Xanh"), b.text());
        b.screenshot("02-dashboard");
        b.open("/app/zone.xhtml");
        b.type("zone:code", zoneCode);
        b.type("zone:name", "Vùng lúa Bình Tịnh Tây");
        b.type("zone:crop", "Lúa");
        b.type("zone:declaredAreaHa", "24.5");
        b.type("zone:certScheme", "VietGAP");
        b.type("zone:certNumber", "VG-WEB-01");
        b.setValue("zone:certUntil", "2027-06-30");
        Path geo = Files.createTempFile("zone", ".geojson");
        Files.writeString(
                geo,
                "{\"type\":\"Polygon\",\"coordinates\":[[[106.5122,10.5371],[106.5172,10.5371],"
                        + "[106.5172,10.5411],[106.5122,10.5411],[106.5122,10.5371]]]}");
        b.el("zone:outlineFile").sendKeys(geo.toAbsolutePath().toString());
        b.click("zone:save");
        b.waitFor(d -> d.getCurrentUrl().contains("zone.xhtml?id="), 10);
        assertTrue(b.text().contains(zoneCode), b.text());
        assertEquals("24,5", b.el("declared").getText(), "Vietnamese decimal comma");
        assertTrue(
                Double.parseDouble(b.el("computed").getText().replace(".", "").replace(',', '.')) > 23,
                "area measured from the outline");
        assertFalse(b.driver.findElements(By.cssSelector("svg.outline path")).isEmpty(), "outline drawn");
        b.screenshot("03-zone");
    }

    @Test
    @Order(3)
    void shouldShowFormErrorsNextToTheirFields() {
        Browser b = signedIn("tantru.quanly");
        b.open("/app/product.xhtml");
        b.type("product:gtin", "8931234500017");
        b.type("product:name", "Gạo ST25 – túi 5 kg");
        b.type("product:unit", "túi 5 kg");
        b.click("product:save");
        String error = b.driver
                .findElement(By.xpath("//input[@id='product:gtin']/following-sibling::*[1]"))
                .getText();
        assertTrue(error.contains("check digit"), "error next to the GTIN field: " + error);
        b.screenshot("04-product-error");
        b.type("product:gtin", gtin);
        b.type("product:priceVnd", "185000");
        b.click("product:save");
        b.waitFor(d -> d.getCurrentUrl().contains("product.xhtml?id="), 10);
        assertEquals("0" + gtin, b.el("gtin14").getText());
    }

    @Test
    @Order(4)
    void shouldCreateABatchAndIssueStamps() {
        Browser b = signedIn("tantru.quanly");
        // a zone and a product of its own (the steps before register theirs through the forms)
        String zoneCode = Fixtures.zone(api, "tantru.quanly").get("code").asText();
        String gtin = Fixtures.gtin13();
        Fixtures.product(api, "tantru.quanly", Fixtures.productBody(gtin));
        b.open("/app/batch-new.xhtml");
        b.select("batch:productId", gtin);
        b.type("batch:lotCode", lot);
        b.setValue("batch:harvestDate", "2026-11-10");
        b.type("batch:quantity", "1200");
        b.type("batch:unit", "kg");
        b.driver.findElements(By.cssSelector("input[type=checkbox]")).stream()
                .filter(c -> c.findElement(By.xpath("following-sibling::label|parent::label"))
                        .getText()
                        .contains(zoneCode))
                .findFirst()
                .orElseThrow()
                .click();
        b.click("batch:save");
        b.waitFor(d -> d.getCurrentUrl().contains("batch.xhtml?id="), 10);
        assertEquals(lot, b.el("lot").getText());
        b.setValue("event:eventAt", "2026-11-05T07:30");
        b.select("event:eventType", "Phun thuốc");
        b.type("event:inputName", "Validamycin 5SL");
        b.type("event:phi", "7");
        b.click("event:add");
        b.waitFor(d -> d.findElement(By.id("timeline")).getText().contains("Validamycin"), 10);
        assertTrue(b.text().contains("⚠"), "spraying too close to harvest is flagged");
        b.type("issue:stampCount", "5");
        b.click("issue:issueButton");
        // the page reloads itself while the job runs; a run here once stayed on a page rendered at the job's very
        // start (not understood yet), so after 10 s the test reloads it as a user would
        try {
            b.waitFor(d -> d.findElement(By.id("stamp-total")).getText().equals("5"), 10);
        } catch (org.openqa.selenium.TimeoutException slow) {
            b.waitFor(
                    d -> {
                        d.navigate().refresh();
                        return d.findElement(By.id("stamp-total")).getText().equals("5");
                    },
                    30);
        }
        b.screenshot("05-batch");
    }

    @Test
    @Order(5)
    void shouldLetABuyerOpenTheTracePageAndReportIt() {
        Browser b = signedIn("tantru.quanly");
        // a batch of its own with a spraying too close to harvest (as the batch step enters it) and one stamp
        JsonNode batch = Fixtures.batch(api, "tantru.quanly");
        String batchId = batch.get("id").asText();
        Api.Reply spray = api.post(
                "tantru.quanly",
                "/api/batches/" + batchId + "/events",
                Map.of(
                        "type",
                        "SPRAYING",
                        "occurredAt",
                        "2026-11-05T07:30:00+07:00",
                        "zoneId",
                        batch.at("/zones/0/id").asText(),
                        "inputName",
                        "Validamycin 5SL",
                        "preHarvestIntervalDays",
                        7));
        assertEquals(201, spray.status(), spray.text());
        Fixtures.issue(api, "tantru.quanly", batchId, 1);
        String url = api.get("tantru.quanly", "/api/batches/" + batchId + "/stamps")
                .json()
                .at("/items/0/url")
                .asText();
        String href = api.base().resolve(Fixtures.local(url) + "&lang=vi").toString(); // as the batch page links it
        b.driver.get(href);
        b.screenshot("06-trace-page");
        assertTrue(b.text().contains("Tem chính hãng"), href + "\n" + b.driver.getPageSource());
        assertTrue(b.text().contains("Hợp tác xã Nông nghiệp Tân Trụ Xanh"));
        assertTrue(b.text().contains("cần cách ly 7 ngày"), "the diary warning in Vietnamese: " + b.text());
        b.select("kind", "Nghi ngờ");
        b.driver.findElement(By.id("message")).sendKeys("Tem có dấu hiệu bị bóc ra");
        b.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        b.waitFor(d -> d.getPageSource().contains("Cảm ơn bạn"), 10);
        b.screenshot("07-trace-reported");
        b.open("/app/reports.xhtml");
        assertTrue(b.text().contains("Tem có dấu hiệu bị bóc ra"), b.text());
        b.screenshot("08-reports");
        b.open("/app/dashboard.xhtml?lang=en");
        assertTrue(b.text().contains("Stamps issued"), b.text());
        b.open("/app/dashboard.xhtml?lang=vi");
    }

    @Test
    @Order(6)
    void shouldLetCommuneStaffPrintALabelSheet() throws Exception {
        Browser b = browser();
        b.driver.manage().deleteAllCookies();
        b.signIn("canbo.binhtinh", Api.DEMO_PASSWORD);
        b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
        String lot = Fixtures.batch(api, "tantru.quanly").get("lotCode").asText(); // an open batch of its own
        b.open("/app/print.xhtml");
        b.select("print:batchId", lot);
        b.type("print:count", "6");
        b.type("print:startPosition", "4");
        b.click("print:previewButton");
        assertEquals(
                3,
                b.driver
                                .findElements(org.openqa.selenium.By.cssSelector("#sheet-preview span.skip"))
                                .size()
                        - (24 - 3 - 6),
                "positions 1-3 are skipped on a 3x8 sheet");
        b.screenshot("09-print-preview");
        b.click("print:printButton");
        b.waitFor(d -> d.findElement(By.id("print-status")).getText().equals("Hoàn tất"), 60);
        b.screenshot("10-print-done");
        String href = b.el("download").getAttribute("href");
        var cookie = b.driver.manage().getCookieNamed("JSESSIONID");
        Api.Reply pdf = api.request("GET", href)
                .header("Cookie", "JSESSIONID=" + cookie.getValue())
                .send();
        assertEquals(200, pdf.status());
        assertEquals("%PDF", new String(pdf.raw().body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(b.el("history").getText().contains("canbo.binhtinh"), "recorded in the print history");

        // a custom sheet saved from its JSON: each problem shows next to the text area; once saved it is the chosen
        // template, previewed, with its calibration PDF
        b.select("sheet:cooperativeId", "Tân Trụ Xanh");
        String sheet = "{\"name\": \"Giấy UI 3x9\", \"labelWidthMm\": 60, \"labelHeightMm\": 30, \"columns\": 4,"
                + " \"rows\": 9, \"leftMarginMm\": 10, \"topMarginMm\": 5, \"horizontalGapMm\": 5, \"verticalGapMm\": 2}";
        b.type("sheet:newTemplateJson", sheet);
        b.click("sheet:saveTemplateButton");
        b.waitFor(
                d -> d.findElement(By.id("sheet:newTemplateJsonErrors"))
                        .getText()
                        .contains("do not fit across"),
                20);
        assertTrue(b.el("sheet:newTemplateJsonErrors").getText().contains("columns"), "names the field");
        b.screenshot("10b-print-custom-template-error");
        b.select("sheet:cooperativeId", "Tân Trụ Xanh");
        b.type("sheet:newTemplateJson", sheet.replace("\"columns\": 4", "\"columns\": 3"));
        b.click("sheet:saveTemplateButton");
        b.waitFor(
                d -> new org.openqa.selenium.support.ui.Select(d.findElement(By.id("print:template")))
                        .getFirstSelectedOption()
                        .getText()
                        .contains("Giấy UI 3x9"),
                20);
        assertEquals(
                27, b.driver.findElements(By.cssSelector("#sheet-preview span")).size(), "3 x 9 preview");
        String calibration = b.el("calibration").getAttribute("href");
        assertTrue(calibration.contains("/app/print-calibration?template="), calibration);
        Api.Reply calibrationPdf = api.request("GET", calibration)
                .header("Cookie", "JSESSIONID=" + cookie.getValue())
                .send();
        assertEquals(200, calibrationPdf.status());
        assertEquals("%PDF", new String(calibrationPdf.raw().body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        b.screenshot("10c-print-custom-template");
    }

    @Test
    @Order(7)
    void shouldListAProductOnAMarketplaceChannel() {
        Browser b = browser();
        b.driver.manage().deleteAllCookies();
        b.signIn("tantru.quanly", Api.DEMO_PASSWORD);
        b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
        // a product of its own, named as the product step names its one
        String gtin = Fixtures.gtin13();
        Map<String, Object> product = new java.util.HashMap<>(Fixtures.productBody(gtin));
        product.put("name", "Gạo ST25 – túi 5 kg");
        // complete for the Google feed: one invalid item holds back the cooperative's whole feed, which the
        // listing scenarios read
        product.put("imageUrl", "https://tem.temso.test/img/st25.jpg");
        Fixtures.product(api, "tantru.quanly", product);
        b.open("/app/catalog.xhtml");
        b.select("listing:productId", gtin);
        b.select("listing:channel", "Google Merchant (XML)");
        b.click("listing:save");
        b.waitFor(d -> d.findElement(By.id("listings:listingTable")).getText().contains("Gạo ST25"), 10);
        b.screenshot("11-catalog");
    }

    /** Issue 16: a community digital team member enters a zone and a diary entry for a cooperative of the commune. */
    @Test
    @Order(8)
    void shouldLetADigitalTeamMemberEnterForACooperativeOfTheCommune() {
        Browser b = signedIn("tocns.binhtinh");
        assertTrue(b.text().contains("Tổ công nghệ số cộng đồng"), "the role by its name: " + b.text());
        String code = "VN-TEAM-" + unique();
        b.open("/app/zone.xhtml");
        b.select("zone:cooperativeId", "Tân Trụ Xanh");
        b.type("zone:code", code);
        b.type("zone:name", "Ruộng nhà bà Sáu");
        b.type("zone:crop", "Lúa");
        b.type("zone:declaredAreaHa", "1.2");
        b.click("zone:save");
        b.waitFor(d -> d.getCurrentUrl().contains("zone.xhtml?id="), 10);
        String zoneId = b.driver.getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");
        assertEquals(
                idOfCoop("tantru.quanly"),
                api.get("tantru.quanly", "/api/zones/" + zoneId)
                        .json()
                        .get("cooperativeId")
                        .asText(),
                "registered for the cooperative chosen, seen by its manager");
        b.screenshot("12-team-zone");

        String batch = Fixtures.batch(api, "tantru.quanly").get("id").asText();
        b.open("/app/batch.xhtml?id=" + batch);
        b.select("event:eventType", "Tưới");
        b.setValue("event:eventAt", "2026-11-02T06:00");
        b.type("event:note", "Nhập thay ông Tư");
        b.click("event:add");
        b.waitFor(d -> d.findElement(By.id("timeline")).getText().contains("Nhập thay ông Tư"), 10);
        assertTrue(b.el("timeline").getText().contains("tocns.binhtinh"), "the entry names who wrote it");
        b.screenshot("13-team-diary");
    }
}

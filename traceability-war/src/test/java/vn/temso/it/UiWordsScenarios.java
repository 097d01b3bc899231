package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import vn.temso.epcis.control.CustodyStep;
import vn.temso.product.entity.OcopGroup;
import vn.temso.web.Labels;

/**
 * Issue 17: no page shows a code. Each role with a UI signs in, opens every page its menu offers and the records
 * seeded here (a suspended zone, an OCOP product, a batch with a diary entry, stamps, a print job, a listing, a
 * buyer report), and the rendered text ({@code document.body.innerText}, options of every list included) contains
 * no constant name of the enums pages show. Vietnamese for all; English once for the manager.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UiWordsScenarios extends ApiScenarios {

    private static final String MANAGER = "tantru.quanly";

    /** Words no page may show: every constant of the labelled enums, and of enums pages word another way. */
    private static final Pattern CODES =
            Pattern.compile(Stream.concat(Labels.ENUMS.stream(), Stream.of(OcopGroup.class, CustodyStep.Step.class))
                    .flatMap(e -> Stream.of(e.getEnumConstants()))
                    .map(c -> ((Enum<?>) c).name())
                    .distinct()
                    .map(Pattern::quote)
                    .collect(Collectors.joining("|", "(?<![\\p{L}\\d_-])(", ")(?![\\p{L}\\d_-])")));

    private Browser browser;
    private List<String> records;

    @BeforeAll
    void startBrowser() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldShowNoCodeToACooperativeManager() {
        assertNoCodes(MANAGER, "vi");
    }

    @Test
    void shouldShowNoCodeToCommuneStaff() {
        assertNoCodes("canbo.binhtinh", "vi");
    }

    @Test
    void shouldShowNoCodeToAnAdmin() {
        assertNoCodes("admin", "vi");
    }

    @Test
    void shouldShowNoCodeToADigitalTeam() {
        assertNoCodes("tocns.binhtinh", "vi");
    }

    @Test
    void shouldShowNoCodeInEnglishEither() {
        assertNoCodes(MANAGER, "en");
    }

    @Test
    void shouldShowDatesAndNumbersTheVietnameseWay() {
        Browser b = signedIn(MANAGER, "vi");
        b.open(records().get(2)); // the batch: harvested 2026-11-10, 1200 kg, sprayed 2026-11-05 07:30 Vietnam time
        String text = b.text();
        assertTrue(text.contains("10/11/2026"), text);
        assertTrue(text.contains("1.200,5 kg"), text);
        assertTrue(text.contains("05/11/2026 07:30"), text);
        assertTrue(text.contains("Phun thuốc BVTV"), text);
        assertEquals("Đang mở", b.el("batch-status").getText());
        assertTrue(
                CODES.matcher("Kênh: GOOGLE_XML").find()
                        && !CODES.matcher("VN-IT-ACTIVE").find(),
                "the search");
    }

    private void assertNoCodes(String user, String lang) {
        Browser b = signedIn(user, lang);
        Set<String> pages = new LinkedHashSet<>();
        pages.add("/app/dashboard.xhtml");
        for (WebElement a : b.driver.findElements(By.cssSelector("header nav a"))) {
            pages.add(path(a));
        }
        pages.addAll(records());
        Map<String, Set<String>> found = new HashMap<>();
        List<String> queue = new ArrayList<>(pages);
        for (int i = 0; i < queue.size(); i++) {
            String page = queue.get(i);
            if (page.startsWith("/r/") || page.startsWith("/01/")) {
                b.open(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
            } else {
                b.open(page);
            }
            String text = rendered(b);
            assertTrue(!text.contains("HTTP Status") && !text.contains("Internal Server Error"), page + ": " + text);
            Matcher m = CODES.matcher(text);
            while (m.find()) {
                found.computeIfAbsent(page, p -> new TreeSet<>()).add(m.group(1));
            }
            for (WebElement a : b.driver.findElements(By.cssSelector("a[id^='new-']"))) { // the forms it may use
                if (pages.add(path(a))) {
                    queue.add(path(a));
                }
            }
            b.screenshot("words-" + user.replace('.', '-') + "-" + lang + "-"
                    + page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^(.{1,40}).*", "$1"));
        }
        assertTrue(found.isEmpty(), user + " (" + lang + ") sees codes: " + found + " on " + pages);
        assertTrue(pages.size() >= 8, "the pages of " + user + ": " + pages);
    }

    private static String path(WebElement link) {
        return link.getAttribute("href").replaceFirst("^https?://[^/]+", "").replaceFirst(";jsessionid=[^?]*", "");
    }

    /** The page's text as rendered, and the words of every option of every list (closed lists show only one). */
    private static String rendered(Browser b) {
        JavascriptExecutor js = (JavascriptExecutor) b.driver;
        return js.executeScript("return document.body.innerText + '\\n' + Array.from(document.querySelectorAll("
                        + "'option')).map(o => o.textContent).join('\\n')")
                .toString();
    }

    private Browser signedIn(String user, String lang) {
        if (browser == null) {
            browser = new Browser(api.base(), 390, 1400);
            browser.open("/login.xhtml");
        }
        browser.driver.manage().deleteAllCookies();
        browser.signIn(user, Api.DEMO_PASSWORD);
        browser.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
        browser.open("/app/dashboard.xhtml?lang=" + lang);
        return browser;
    }

    /**
     * Records of the manager's cooperative in every state the pages word (made once, through the API): the zone,
     * product and batch pages, and the trace page of a stamp with a buyer report.
     */
    private List<String> records() {
        if (records != null) {
            return records;
        }
        JsonNode zone = Fixtures.zone(api, MANAGER);
        String zoneId = zone.get("id").asText();
        Map<String, Object> product = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        product.put("ocop", ListingScenarios.ocop("2026-01-15"));
        // a valid Google item: an invalid one would hold back the cooperative's feed that ListingScenarios awaits
        product.put("imageUrl", "https://tem.temso.test/img/st25.jpg");
        String productId = Fixtures.product(api, MANAGER, product).get("id").asText();
        Api.Reply batch = api.post(
                MANAGER,
                "/api/batches",
                Map.of(
                        "productId",
                        productId,
                        "lotCode",
                        "WORDS" + unique(),
                        "zoneIds",
                        List.of(zoneId),
                        "harvestDate",
                        "2026-11-10",
                        "quantity",
                        1200.5,
                        "unit",
                        "kg"));
        assertEquals(201, batch.status(), batch.text());
        String batchId = batch.json().get("id").asText();
        Api.Reply spray = api.post(
                MANAGER,
                "/api/batches/" + batchId + "/events",
                Map.of(
                        "type", "SPRAYING",
                        "occurredAt", "2026-11-05T07:30:00+07:00",
                        "zoneId", zoneId,
                        "inputName", "Validamycin 5SL",
                        "preHarvestIntervalDays", 3));
        assertEquals(201, spray.status(), spray.text());
        Fixtures.issue(api, MANAGER, batchId, 2);
        Api.Reply print =
                api.post(MANAGER, "/api/batches/" + batchId + "/print-jobs", Map.of("format", "PDF", "count", 1));
        assertTrue(print.status() == 201 || print.status() == 202, print.text());
        ListingScenarios.list(
                MANAGER,
                api.get(MANAGER, "/api/products/" + productId).json(),
                "google-xml",
                Map.of("enabled", true, "availability", "IN_STOCK"));
        String url = api.get(MANAGER, "/api/batches/" + batchId + "/stamps")
                .json()
                .at("/items/0/url")
                .asText();
        String form = "stamp=" + URLEncoder.encode(url, StandardCharsets.UTF_8)
                + "&kind=SUSPECTED_FAKE&rating=1&message=" + URLEncoder.encode("Tem lạ", StandardCharsets.UTF_8);
        assertEquals(
                303,
                api.send("POST", "/report", null, "application/x-www-form-urlencoded", form)
                        .status());
        Api.Reply suspended = api.post(
                MANAGER,
                "/api/zones/" + zoneId + "/status",
                Map.of("status", "SUSPENDED", "reason", "Kiểm tra dư lượng"));
        assertEquals(200, suspended.status(), suspended.text());
        records = new ArrayList<>(List.of(
                "/app/zone.xhtml?id=" + zoneId,
                "/app/product.xhtml?id=" + productId,
                "/app/batch.xhtml?id=" + batchId,
                Fixtures.local(url)));
        return records;
    }
}

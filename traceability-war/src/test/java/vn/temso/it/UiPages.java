package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import vn.temso.epcis.control.CustodyStep;
import vn.temso.product.entity.OcopGroup;
import vn.temso.web.Labels;

/**
 * What the browser scenarios of issue 17 share: the pages a signed-in role's menu offers, the page's rendered text,
 * the codes no page may show, and records of a cooperative in every state the pages word.
 */
final class UiPages {

    /** The cooperative manager whose records the scenarios make (HTX Tân Trụ Xanh). */
    static final String MANAGER = "tantru.quanly";

    /** Words no page may show: every constant of the labelled enums, and of enums pages word another way. */
    static final Pattern CODES =
            Pattern.compile(Stream.concat(Labels.ENUMS.stream(), Stream.of(OcopGroup.class, CustodyStep.Step.class))
                    .flatMap(e -> Stream.of(e.getEnumConstants()))
                    .map(c -> ((Enum<?>) c).name())
                    .distinct()
                    .map(Pattern::quote)
                    .collect(Collectors.joining("|", "(?<![\\p{L}\\d_-])(", ")(?![\\p{L}\\d_-])")));

    private UiPages() {}

    /** The codes in a text. */
    static Set<String> codesIn(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = CODES.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The dashboard and every page the header's menu links to, as paths. */
    static Set<String> menu(Browser b) {
        Set<String> pages = new LinkedHashSet<>();
        pages.add("/app/dashboard.xhtml");
        for (WebElement a : b.driver.findElements(By.cssSelector("header nav a"))) {
            pages.add(path(a));
        }
        return pages;
    }

    /** The forms the open page offers (its "new ..." links), as paths. */
    static List<String> formsOffered(Browser b) {
        return b.driver.findElements(By.cssSelector("a[id^='new-']")).stream()
                .map(UiPages::path)
                .toList();
    }

    static String path(WebElement link) {
        return link.getAttribute("href").replaceFirst("^https?://[^/]+", "").replaceFirst(";jsessionid=[^?]*", "");
    }

    /** Trace pages are public (a stamp's or a lot's GS1 Digital Link path). */
    static boolean tracePage(String path) {
        return path.startsWith("/r/") || path.startsWith("/01/");
    }

    /** The page's text as rendered, and the words of every option of every list (closed lists show only one). */
    static String rendered(Browser b) {
        JavascriptExecutor js = (JavascriptExecutor) b.driver;
        return js.executeScript("return document.body.innerText + '\\n' + Array.from(document.querySelectorAll("
                        + "'option')).map(o => o.textContent).join('\\n')")
                .toString();
    }

    /** Signs in afresh (the browser is shared between roles) and opens the dashboard in {@code lang}. */
    static void signIn(Browser b, String user, String lang) {
        b.driver.manage().deleteAllCookies();
        b.signIn(user, Api.DEMO_PASSWORD);
        b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
        b.open("/app/dashboard.xhtml?lang=" + lang);
    }

    /** Pages of the records {@link #seed} made. */
    record Records(String zone, String product, String batch, String trace, String stampSerialOfCopy) {
        List<String> pages() {
            return List.of(zone, product, batch, trace);
        }
    }

    /**
     * Records of the manager's cooperative in every state the pages word (made through the API): a suspended zone,
     * an OCOP product, a batch harvested 2026-11-10 (1200.5 kg) with a spraying entry, two stamps (the second one
     * scanned as a copy), a print job, a Google listing and a buyer report on the first stamp's trace page.
     */
    static Records seed(Api api) {
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
                        "WORDS" + ApiScenarios.unique(),
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
                        "preHarvestIntervalDays", 7));
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
        JsonNode stamps =
                api.get(MANAGER, "/api/batches/" + batchId + "/stamps").json();
        String url = stamps.at("/items/0/url").asText();
        Fixtures.scannedAsCopy(api, stamps.at("/items/1/url").asText());
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
        return new Records(
                "/app/zone.xhtml?id=" + zoneId,
                "/app/product.xhtml?id=" + productId,
                "/app/batch.xhtml?id=" + batchId,
                Fixtures.local(url),
                stamps.at("/items/1/serial").asText());
    }
}

package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 17: the statistics API counts exactly what was seeded, for each role. A cooperative of its own, in a commune
 * of its own (with a second cooperative that traces nothing), a manager and a commune officer: one zone, one OCOP
 * product ending in 30 days, three stamps scanned 2 + 1 + 4 times through the public trace URL (the last one from
 * four networks: a suspected copy), one buyer report. The admin sees the same numbers filtered to the cooperative.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StatsScenarios extends ApiScenarios {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private String commune;
    private String coopId;
    private String manager;
    private String staff;

    @Test
    void shouldCountScansPerDayAndProductForEachRole() {
        seed();
        LocalDate today = LocalDate.now(VIETNAM);
        for (String[] who : List.of(
                new String[] {manager, ""},
                new String[] {staff, ""},
                new String[] {"admin", "cooperativeId=" + coopId},
                new String[] {"admin", "commune=" + URLEncoder.encode(commune.toUpperCase(), StandardCharsets.UTF_8)
                })) {
            JsonNode days = stats(who[0], "scans-per-day", who[1]);
            assertEquals(30, days.get("rows").size(), days.toString());
            assertEquals(today.toString(), days.at("/rows/29/day").asText());
            assertEquals(7, days.at("/rows/29/scans").asInt(), who[0] + " " + days);
            assertEquals(7, sum(days, "scans"), days.toString());
            JsonNode products = stats(who[0], "scans-per-product", who[1]);
            assertEquals(1, products.get("rows").size(), products.toString());
            assertEquals(7, products.at("/rows/0/scans").asInt());
            assertEquals(3, products.at("/rows/0/stamps").asInt());
            JsonNode issued = stats(who[0], "stamps-issued-scanned", who[1]);
            assertEquals(
                    List.of(3, 3, 7),
                    List.of(
                            issued.at("/rows/0/issued").asInt(),
                            issued.at("/rows/0/stamps").asInt(),
                            issued.at("/rows/0/scans").asInt()),
                    issued.toString());
            JsonNode alerts = stats(who[0], "alerts", who[1]);
            assertEquals(
                    "SUSPECTED_COPY=1 SUSPECTED_FAKE=1 FEEDBACK=0", pairs(alerts, "kind", "count"), alerts.toString());
        }
        // a day without scans is there with 0; the days before the seeding count nothing
        JsonNode past = stats(manager, "scans-per-day", "from=2025-01-01&to=2025-01-03");
        assertEquals("2025-01-01=0 2025-01-02=0 2025-01-03=0", pairs(past, "day", "scans"));
    }

    @Test
    void shouldCountOcopZonesAndTracedCooperatives() {
        seed();
        for (String[] who : List.of(
                new String[] {manager, ""}, new String[] {staff, ""}, new String[] {"admin", "cooperativeId=" + coopId
                })) {
            assertEquals("4=1", pairs(stats(who[0], "ocop-by-stars", who[1]), "stars", "products"));
            assertEquals("FOOD=1", pairs(stats(who[0], "ocop-by-group", who[1]), "group", "products"));
            JsonNode expiring = stats(who[0], "ocop-expiring", who[1]);
            assertEquals(1, expiring.get("rows").size(), expiring.toString());
            assertEquals(30, expiring.at("/rows/0/daysLeft").asInt());
            assertTrue(expiring.get("ofToday").asBoolean());
            JsonNode status = stats(who[0], "zones-by-status", who[1]);
            assertEquals("ACTIVE=1", pairs(status, "status", "zones"));
            assertEquals("24.5", status.at("/rows/0/declaredHa").asText());
            JsonNode crops = stats(who[0], "zones-by-crop", who[1]);
            assertEquals("Thanh long ruột đỏ=1", pairs(crops, "crop", "zones"));
            assertTrue(crops.at("/rows/0/measuredHa").asDouble() > 0, crops.toString());
        }
        JsonNode byCommune = stats(staff, "ocop-by-commune", "");
        assertEquals(commune + "=1", pairs(byCommune, "commune", "products"));
        // the commune's two cooperatives: one traces its products (stamps issued), one does not
        JsonNode traced = stats(staff, "cooperatives-traced", "");
        assertEquals(1, traced.get("rows").size(), traced.toString());
        assertEquals(commune, traced.at("/rows/0/commune").asText());
        assertEquals(
                List.of(2, 1, 1),
                List.of(
                        traced.at("/rows/0/cooperatives").asInt(),
                        traced.at("/rows/0/traced").asInt(),
                        traced.at("/rows/0/untraced").asInt()));
        assertEquals("50.0", traced.at("/rows/0/sharePercent").asText());
        assertEquals(
                "100.0",
                stats(manager, "cooperatives-traced", "")
                        .at("/rows/0/sharePercent")
                        .asText());
        // before the stamps were issued nobody traced
        assertEquals(
                "0.0",
                stats(staff, "cooperatives-traced", "from=2025-01-01&to=2025-01-31")
                        .at("/rows/0/sharePercent")
                        .asText());
    }

    @Test
    void shouldKeepOtherCooperativesAndCommunesOut() {
        seed();
        String other = idOfCoop("tantru.quanly");
        assertProblem(api.get(manager, "/api/stats/scans-per-day?cooperativeId=" + other), 404, "not-found");
        assertProblem(api.get(staff, "/api/stats/alerts?cooperativeId=" + other), 404, "not-found");
        // the manager of the other cooperative sees none of this one's figures
        assertProblem(api.get("tantru.quanly", "/api/stats/zones-by-crop?cooperativeId=" + coopId), 404, "not-found");
        JsonNode theirs = stats("tantru.quanly", "cooperatives-traced", "");
        assertFalse(theirs.toString().contains(commune), theirs.toString());
        // a commune outside the officer's is not an error, only empty
        JsonNode elsewhere = stats(staff, "zones-by-status", "commune=B%C3%ACnh%20T%E1%BB%8Bnh");
        assertEquals(0, elsewhere.get("rows").size(), elsewhere.toString());
        assertEquals(401, api.send("GET", "/api/stats/alerts", null, null, null).status());
    }

    @Test
    void shouldRefuseBadRangesAndUnknownReports() {
        seed();
        assertProblem(api.get(manager, "/api/stats/scans-per-day?from=2026-02-30"), 400, "validation-failed");
        assertProblem(
                api.get(manager, "/api/stats/scans-per-day?from=2026-03-02&to=2026-03-01"), 400, "validation-failed");
        assertProblem(
                api.get(manager, "/api/stats/scans-per-day?from=2025-01-01&to=2026-01-02"), 400, "validation-failed");
        assertProblem(api.get(manager, "/api/stats/alerts?format=pdf"), 400, "validation-failed");
        assertProblem(api.get(manager, "/api/stats/no-such-report.csv"), 404, "not-found");
        JsonNode index = api.get(manager, "/api/stats").json();
        assertEquals(11, index.get("reports").size(), index.toString());
        assertEquals(366, index.get("maxDays").asInt());
        assertEquals(
                366,
                stats(manager, "scans-per-day", "from=2028-01-01&to=2028-12-31")
                        .get("rows")
                        .size());
    }

    @Test
    void shouldDownloadCsvWithBomAndWordsInTheCallersLanguage() {
        seed();
        Api.Reply vi =
                api.request("GET", "/api/stats/zones-by-crop.csv").as(manager).send();
        assertEquals(200, vi.status(), vi.text());
        assertTrue(vi.contentType().startsWith("text/csv"), vi.contentType());
        assertEquals("attachment; filename=\"temso-zones-by-crop.csv\"", vi.header("Content-Disposition"));
        byte[] bytes = vi.raw().body();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC), text);
        String[] lines = text.split("\r\n");
        assertEquals("Cây trồng,Số vùng,Diện tích khai báo (ha),Diện tích đo (ha)", lines[0]);
        assertTrue(lines[1].startsWith("Thanh long ruột đỏ,1,24.5,"), text);
        Api.Reply en = api.request("GET", "/api/stats/alerts.csv?from=" + LocalDate.now(VIETNAM))
                .as(manager)
                .header("Accept-Language", "en-GB,en;q=0.8")
                .send();
        String english = en.text().substring(1);
        assertTrue(english.startsWith("Kind,Count\r\nStamp suspected of being copied,1\r\n"), english);
        String name = "temso-alerts-" + LocalDate.now(VIETNAM) + "-" + LocalDate.now(VIETNAM) + ".csv";
        assertEquals("attachment; filename=\"" + name + "\"", en.header("Content-Disposition"));
    }

    @Test
    void shouldDownloadXlsxThatReadsBack() throws IOException {
        seed();
        Api.Reply r = api.get(manager, "/api/stats/alerts.xlsx");
        assertEquals(200, r.status(), r.text());
        assertTrue(r.header("Content-Disposition").matches("attachment; filename=\"temso-alerts-.*\\.xlsx\""));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.raw().body()))) {
            Sheet sheet = wb.getSheetAt(0);
            // the report's title, cut to the 31 characters a sheet name may have
            assertTrue(
                    "Nghi ngờ sao chép và phản ánh của người mua".startsWith(sheet.getSheetName()),
                    sheet.getSheetName());
            assertEquals("Loại", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Số lượng", sheet.getRow(0).getCell(1).getStringCellValue());
            assertEquals("Tem nghi bị sao chép", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(1.0, sheet.getRow(1).getCell(1).getNumericCellValue());
            assertEquals(
                    "Người mua báo nghi hàng giả", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals(1.0, sheet.getRow(2).getCell(1).getNumericCellValue());
        }
        Api.Reply days = api.get(staff, "/api/stats/scans-per-day.xlsx");
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(days.raw().body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals(31, sheet.getPhysicalNumberOfRows());
            assertEquals(
                    LocalDate.now(VIETNAM),
                    sheet.getRow(30).getCell(0).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(7.0, sheet.getRow(30).getCell(1).getNumericCellValue());
        }
    }

    @Test
    void shouldDrawTheDashboardChartsWithTheirFiguresAsTables() {
        seed();
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        try (Browser b = new Browser(api.base(), 360, 1600)) {
            b.signIn(manager, Api.DEMO_PASSWORD);
            b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
            b.open("/app/dashboard.xhtml");
            WebElement svg = b.driver.findElement(By.cssSelector("#chart-scans svg[role='img']"));
            assertEquals(
                    "Lượt quét theo ngày", svg.findElement(By.tagName("title")).getAttribute("textContent"));
            assertEquals(30, svg.findElements(By.cssSelector("rect.bar")).size());
            WebElement table = b.driver.findElement(By.id("chart-scans-table"));
            assertEquals(
                    "Lượt quét theo ngày",
                    table.findElement(By.tagName("caption")).getAttribute("textContent"));
            String today = LocalDate.now(VIETNAM).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            WebElement last = table.findElements(By.cssSelector("tbody tr")).get(29);
            assertEquals(
                    today, last.findElement(By.cssSelector("th[scope='row']")).getAttribute("textContent"));
            assertEquals("7", last.findElement(By.tagName("td")).getAttribute("textContent"));
            assertEquals(
                    "Thanh long ruột đỏ",
                    b.driver
                            .findElement(By.cssSelector("#chart-crops-table tbody th"))
                            .getAttribute("textContent"));
            assertTrue(b.el("table-alerts").getText().contains("Tem nghi bị sao chép"));
            assertTrue(b.el("csv-scans-per-day").getAttribute("href").contains("/app/stats/scans-per-day.csv?from="));
            Object overflow = ((JavascriptExecutor) b.driver)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0L, ((Number) overflow).longValue(), "no horizontal overflow at 360 px");
            b.screenshot("stats-dashboard-360");
            // a wrong range in the form: a message, and the default days
            b.open("/app/dashboard.xhtml?from=2026-03-02&to=2026-03-01");
            assertTrue(b.el("stats-bad-range").isDisplayed());
            assertEquals(
                    30,
                    b.driver
                            .findElements(By.cssSelector("#chart-scans rect.bar"))
                            .size());
        }
    }

    /** A report as JSON for a user, with a query string ("" for none). */
    private static JsonNode stats(String user, String report, String query) {
        Api.Reply r = api.get(user, "/api/stats/" + report + (query.isEmpty() ? "" : "?" + query));
        assertEquals(200, r.status(), report + " " + query + ": " + r.text());
        return r.json();
    }

    private static String pairs(JsonNode report, String key, String value) {
        List<String> out = new ArrayList<>();
        report.get("rows")
                .forEach(r -> out.add(r.get(key).asText() + "=" + r.get(value).asText()));
        return String.join(" ", out);
    }

    private static int sum(JsonNode report, String column) {
        int n = 0;
        for (JsonNode r : report.get("rows")) {
            n += r.get(column).asInt();
        }
        return n;
    }

    /** The seeded records, made once through the API (see the class comment). */
    private synchronized void seed() {
        if (coopId != null) {
            return;
        }
        String u = unique().toLowerCase();
        commune = "Xã Thống Kê " + u;
        coopId = cooperative("Hợp tác xã Thanh long Thống Kê " + u);
        cooperative("Hợp tác xã Rau Thống Kê " + u); // traces nothing
        manager = user("it.stats.mgr." + u, "COOP_MANAGER", Map.of("cooperativeId", coopId));
        staff = user("it.stats.staff." + u, "COMMUNE_STAFF", Map.of("communes", List.of(commune)));

        Map<String, Object> zone = new HashMap<>(Fixtures.zoneBody("VN-IT-ST-" + u));
        zone.put("crop", "Thanh long ruột đỏ");
        Api.Reply z = api.post(manager, "/api/zones", zone);
        assertEquals(201, z.status(), z.text());
        Map<String, Object> ocop = new LinkedHashMap<>(ListingScenarios.ocop("2024-01-15"));
        ocop.put("group", "FOOD");
        ocop.put("validUntil", LocalDate.now(VIETNAM).plusDays(30).toString());
        Map<String, Object> product = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        product.put("name", "Thanh long ruột đỏ – hộp 2 kg");
        product.put("ocop", ocop);
        String productId = Fixtures.product(api, manager, product).get("id").asText();
        Api.Reply batch = api.post(
                manager,
                "/api/batches",
                Fixtures.batchBody(productId, z.json().get("id").asText(), "ST" + u));
        assertEquals(201, batch.status(), batch.text());
        String batchId = batch.json().get("id").asText();
        Fixtures.issue(api, manager, batchId, 3);
        JsonNode stamps =
                api.get(manager, "/api/batches/" + batchId + "/stamps").json();
        List<String> urls = new ArrayList<>();
        stamps.get("items").forEach(s -> urls.add(s.get("url").asText()));
        assertEquals(3, urls.size(), stamps.toString());
        scan(urls.get(0));
        scan(urls.get(0));
        scan(urls.get(1));
        Fixtures.scannedAsCopy(api, urls.get(2)); // four scans from four networks
        String form = "stamp=" + URLEncoder.encode(urls.get(1), StandardCharsets.UTF_8)
                + "&kind=SUSPECTED_FAKE&rating=1&message=" + URLEncoder.encode("Tem in mờ", StandardCharsets.UTF_8);
        assertEquals(
                303,
                api.send("POST", "/report", null, "application/x-www-form-urlencoded", form)
                        .status());
        // scans are written in the background: wait until all seven are in
        for (int i = 0; i < 100; i++) {
            JsonNode p = stats(manager, "scans-per-product", "");
            if (p.at("/rows/0/scans").asInt() == 7) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the seven scans were not written: " + stats(manager, "scans-per-product", ""));
    }

    private static void scan(String url) {
        Api.Reply r = api.request("GET", Fixtures.local(url))
                .accept("application/json")
                .send();
        assertEquals(200, r.status(), r.text());
    }

    private String cooperative(String name) {
        Api.Reply r = api.post(
                "admin",
                "/api/cooperatives",
                Map.of(
                        "name",
                        name,
                        "kind",
                        "COOPERATIVE",
                        "commune",
                        commune,
                        "district",
                        "Tân Trụ",
                        "province",
                        "Long An"));
        assertEquals(201, r.status(), r.text());
        return r.json().get("id").asText();
    }

    private static String user(String username, String role, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("username", username);
        body.put("displayName", "Người dùng thống kê");
        body.put("role", role);
        body.put("password", Api.DEMO_PASSWORD);
        Api.Reply r = api.post("admin", "/api/users", body);
        assertEquals(201, r.status(), r.text());
        return username;
    }
}

package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 17: the zone map. Zones of the manager's cooperative made here through the API (active and suspended, two
 * crops, one without an outline, one named with markup and Vietnamese diacritics) and one of another commune's
 * cooperative; the SVG parses as XML, links every zone the caller may see and no other, colours by status or by
 * crop, words its legend; the page is usable on a 360 px phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MapScenarios extends ApiScenarios {

    private static final String MANAGER = "tantru.quanly";
    private static final String OTHER_MANAGER = "cauke.quanly";
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String HOSTILE = "Vùng <script>alert('x')</script> & \"Đồng Tháp Mười\" – Bình Tịnh";

    private Map<String, String> ids;
    private Browser browser;

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** active rice, suspended rice (hostile name), active dragon fruit, one without outline; one in Hòa Tân. */
    private Map<String, String> zones() {
        if (ids != null) {
            return ids;
        }
        String u = unique();
        ids = new HashMap<>();
        ids.put("rice", make(MANAGER, "VN-MAP-" + u + "-1", "Ruộng lúa Mỹ Bình", "Lúa", 106.500, 10.500));
        ids.put("hostile", make(MANAGER, "VN-MAP-" + u + "-2", HOSTILE, "Lúa", 106.510, 10.500));
        ids.put("fruit", make(MANAGER, "VN-MAP-" + u + "-3", "Vườn thanh long", "Thanh long", 106.500, 10.510));
        ids.put("bare", make(MANAGER, "VN-MAP-" + u + "-4", "Vùng chưa đo", "Rau ăn lá", Double.NaN, 0));
        ids.put("other", make(OTHER_MANAGER, "VN-MAP-" + u + "-5", "Vùng Hòa Tân", "Lúa", 106.600, 10.600));
        Api.Reply s = api.post(
                MANAGER,
                "/api/zones/" + ids.get("hostile") + "/status",
                Map.of("status", "SUSPENDED", "reason", "Kiểm tra dư lượng"));
        assertEquals(200, s.status(), s.text());
        return ids;
    }

    private static String make(String user, String code, String name, String crop, double lon, double lat) {
        Map<String, Object> body = new HashMap<>(Fixtures.zoneBody(code));
        body.put("name", name);
        body.put("crop", crop);
        if (Double.isNaN(lon)) {
            body.remove("geometry");
        } else {
            double d = 0.004;
            body.put(
                    "geometry",
                    Map.of(
                            "type",
                            "Polygon",
                            "coordinates",
                            List.of(List.of(
                                    List.of(lon, lat),
                                    List.of(lon + d, lat),
                                    List.of(lon + d, lat + d),
                                    List.of(lon, lat + d),
                                    List.of(lon, lat)))));
        }
        Api.Reply r = api.post(user, "/api/zones", body);
        assertEquals(201, r.status(), r.text());
        return r.json().get("id").asText();
    }

    private static Document map(String user, String query) throws Exception {
        Api.Reply r = svg(user, query);
        assertEquals(200, r.status(), r.text());
        assertTrue(r.contentType().startsWith("image/svg+xml"), r.contentType());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.raw().body()));
    }

    private static Api.Reply svg(String user, String query) {
        return api.request("GET", "/api/zones/map.svg" + query)
                .as(user)
                .accept("image/svg+xml")
                .send();
    }

    /** The zone's link element, or null when the map has none. */
    private static Element link(Document d, String id) {
        NodeList links = d.getElementsByTagNameNS(SVG, "a");
        for (int i = 0; i < links.getLength(); i++) {
            Element a = (Element) links.item(i);
            if (a.getAttribute("href").endsWith("/app/zone.xhtml?id=" + id)) {
                return a;
            }
        }
        return null;
    }

    /** The zone's outline (path), or its dot (circle) when it is too small to see at the map's scale. */
    private static Element shape(Element link) {
        for (String name : List.of("path", "circle")) {
            if (link.getElementsByTagNameNS(SVG, name).getLength() > 0) {
                return (Element) link.getElementsByTagNameNS(SVG, name).item(0);
            }
        }
        return null;
    }

    private static String fill(Document d, String id) {
        return shape(link(d, id)).getAttribute("fill");
    }

    private static String group(Document d, String cls) {
        NodeList gs = d.getElementsByTagNameNS(SVG, "g");
        for (int i = 0; i < gs.getLength(); i++) {
            if (cls.equals(((Element) gs.item(i)).getAttribute("class"))) {
                return gs.item(i).getTextContent();
            }
        }
        return "";
    }

    @Test
    void shouldDrawEveryZoneOfTheCooperativeWithItsLinkAndCode() throws Exception {
        Map<String, String> z = zones();
        Document d = map(MANAGER, "?lang=vi");
        assertEquals("img", d.getDocumentElement().getAttribute("role"));
        for (String k : List.of("rice", "hostile", "fruit")) {
            Element a = link(d, z.get(k));
            assertTrue(a != null, k + " is drawn");
            assertTrue(shape(a) != null, k + " has an outline, or a dot where the map's scale makes it too small");
            assertTrue(a.getAttribute("data-code").startsWith("VN-MAP-"), k);
        }
        String title = link(d, z.get("hostile"))
                .getElementsByTagNameNS(SVG, "title")
                .item(0)
                .getTextContent();
        assertTrue(title.endsWith(" – " + HOSTILE), title);
        assertEquals(0, d.getElementsByTagNameNS("*", "script").getLength(), "the name stays text");
        assertTrue(link(d, z.get("bare")) != null, "the zone without an outline is listed with its link");
        assertTrue(group(d, "no-outline").contains("Vùng chưa đo"), group(d, "no-outline"));
        assertEquals(null, link(d, z.get("other")), "another cooperative's zone");
    }

    @Test
    void shouldColourByStatusOrByCrop() throws Exception {
        Map<String, String> z = zones();
        Document byStatus = map(MANAGER, "?by=status");
        assertEquals(fill(byStatus, z.get("rice")), fill(byStatus, z.get("fruit")), "both active");
        assertNotEquals(fill(byStatus, z.get("rice")), fill(byStatus, z.get("hostile")), "active, suspended");
        Document byCrop = map(MANAGER, "?by=crop");
        assertEquals(fill(byCrop, z.get("rice")), fill(byCrop, z.get("hostile")), "both rice");
        assertNotEquals(fill(byCrop, z.get("rice")), fill(byCrop, z.get("fruit")), "rice, dragon fruit");
        assertTrue(group(byCrop, "legend").contains("Thanh long"), group(byCrop, "legend"));
        Api.Reply bad = svg(MANAGER, "?by=colour");
        assertEquals(400, bad.status(), bad.text());
        assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());
    }

    @Test
    void shouldWordTheLegendInThePageLanguageNeverInCodes() throws Exception {
        zones();
        String vi = group(map(MANAGER, "?lang=vi"), "legend");
        assertTrue(vi.contains("Chú giải") && vi.contains("Đang hoạt động") && vi.contains("Tạm ngừng"), vi);
        assertFalse(vi.matches("(?s).*\\b(ACTIVE|SUSPENDED|REVOKED)\\b.*"), vi);
        String en = group(map(MANAGER, "?lang=en"), "legend");
        assertTrue(en.contains("Legend") && en.contains("Active") && en.contains("Suspended"), en);
    }

    @Test
    void shouldShowCommuneStaffTheirCommunesOnly() throws Exception {
        Map<String, String> z = zones();
        Document binhTinh = map("canbo.binhtinh", "");
        assertTrue(link(binhTinh, z.get("rice")) != null);
        assertEquals(null, link(binhTinh, z.get("other")));
        Document hoaTan = map("canbo.hoatan", "");
        assertTrue(link(hoaTan, z.get("other")) != null);
        assertEquals(null, link(hoaTan, z.get("rice")));
        assertTrue(link(map(OTHER_MANAGER, ""), z.get("other")) != null);
        assertEquals(null, link(map(OTHER_MANAGER, ""), z.get("rice")));
        assertTrue(link(map("admin", "?cooperativeId=" + idOfCoop(MANAGER)), z.get("rice")) != null);
    }

    @Test
    void shouldBeUsableOnA360PxPhone() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        Map<String, String> z = zones();
        browser = new Browser(api.base(), 360, 800);
        browser.signIn(MANAGER, Api.DEMO_PASSWORD);
        browser.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
        ((ChromiumDriver) browser.driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 360, "height", 780, "deviceScaleFactor", 2, "mobile", true));
        browser.driver
                .findElement(By.cssSelector("header nav a[href*='/app/map']"))
                .click();
        browser.waitFor(d -> !d.findElements(By.cssSelector("#zone-map svg")).isEmpty(), 10);
        browser.select("by", "cây trồng");
        browser.click("map-show");
        browser.waitFor(d -> d.getCurrentUrl().contains("by=crop"), 10);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        assertEquals(360L, ((Number) js.executeScript("return window.innerWidth")).longValue());
        long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long client = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        assertTrue(scroll <= client, "no horizontal overflow: " + scroll + " > " + client);
        assertEquals(
                0L,
                ((Number) js.executeScript("return document.querySelectorAll('#zone-map script').length")).longValue());
        assertFalse(browser.driver
                .findElements(By.cssSelector("#zone-map a[href$='id=" + z.get("hostile") + "'] :is(path, circle)"))
                .isEmpty());
        String page = browser.text();
        assertTrue(page.contains("Tạm ngừng") && page.contains("Vùng chưa có ranh giới"), page);
        assertTrue(page.contains(HOSTILE), "the name as written, in the table");
        assertTrue(((Number) js.executeScript(
                                "return document.querySelector('#zone-map svg').getBoundingClientRect().width"))
                        .doubleValue()
                <= 360);
        browser.screenshot("map-360");
    }
}

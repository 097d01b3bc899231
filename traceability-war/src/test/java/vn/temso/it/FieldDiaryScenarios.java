package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;

/**
 * Issue 16: the field diary page on a phone (360 px) over a connection that comes and goes. An entry written offline
 * stays on the phone, is sent when the connection returns, and is stored exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FieldDiaryScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String MEMBER = "tantru.xavien";

    private Browser browser;

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

    private static long count(JsonNode entries, String note) {
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> note.equals(e.path("note").asText()))
                .count();
    }

    @Test
    void shouldKeepAnEntryWrittenOfflineAndSendItOnceWhenTheConnectionReturns() throws Exception {
        String z = Fixtures.zone(api, MANAGER).get("id").asText();
        JsonNode season = SeasonDiaryScenarios.season(z, "2026-08-01", null);
        String s = season.get("id").asText();
        String entries = SeasonDiaryScenarios.seasonsOf(z) + "/" + s + "/events";

        browser = new Browser(api.base(), 360, 800);
        browser.open("/login.xhtml");
        browser.signIn(MEMBER, Api.DEMO_PASSWORD);
        browser.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
        browser.open("/app/diary.xhtml?zone=" + z + "&season=" + s);
        browser.waitFor(d -> "0".equals(browser.el("entries").getAttribute("data-loaded")), 10);
        // a 360 px phone screen (a headless window has a larger minimum width)
        ((ChromiumDriver) browser.driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 360, "height", 780, "deviceScaleFactor", 2, "mobile", true));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        assertEquals(360L, ((Number) js.executeScript("return window.innerWidth")).longValue());
        long width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertTrue(width <= 360, "nothing wider than a 360 px phone: " + width);

        HasNetworkConditions network = (HasNetworkConditions) browser.driver;
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        offline.setLatency(Duration.ofMillis(5));
        network.setNetworkConditions(offline);

        String note = "Tưới rãnh ngoại tuyến " + unique() + " <b>không phải HTML</b>";
        browser.select("type", "Tưới");
        browser.setValue("at", "2026-09-02T06:15");
        browser.type("note", note);
        browser.click("save");
        browser.waitFor(d -> "1".equals(browser.el("pending").getText()), 5);
        Thread.sleep(5000); // a retry round or more while still offline
        assertEquals("1", browser.el("pending").getText(), "kept on the phone while offline");
        assertEquals(0, count(api.get(MANAGER, entries).json(), note), "nothing reached the server");
        assertTrue(browser.text().contains(note), "the queued entry is shown, as text");
        browser.screenshot("diary-offline-360");

        ChromiumNetworkConditions online = new ChromiumNetworkConditions();
        online.setOffline(false);
        network.setNetworkConditions(online);
        browser.waitFor(d -> "0".equals(browser.el("pending").getText()), 20);
        browser.waitFor(d -> "1".equals(browser.el("entries").getAttribute("data-loaded")), 10);
        Thread.sleep(5000); // further retry rounds must not send it again
        JsonNode stored = api.get(MANAGER, entries).json();
        assertEquals(1, count(stored, note), "exactly one entry: " + stored);
        assertEquals(1, stored.size());
        assertEquals("IRRIGATION", stored.get(0).get("type").asText());
        assertEquals("2026-09-01T23:15:00Z", stored.get(0).get("occurredAt").asText());
        assertTrue(browser.el("entries").findElements(By.tagName("b")).isEmpty(), "the note was not rendered as HTML");
        String shown = browser.el("entries").getText();
        assertTrue(
                shown.contains("02/09/2026 06:15 · Tưới nước"), "Vietnam time and words, not UTC and codes: " + shown);
        browser.screenshot("diary-online-360");

        // a photo taken with the phone's camera goes with the entry, resized on the server
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("ruong", ".jpg");
        java.nio.file.Files.write(photo, SeasonDiaryScenarios.cameraJpeg(2400, 1800));
        String withPhoto = "Kiểm tra đồng có ảnh " + unique();
        browser.select("type", "Kiểm tra");
        browser.setValue("at", "2026-09-03T07:00");
        browser.type("note", withPhoto);
        browser.el("photo").sendKeys(photo.toAbsolutePath().toString());
        browser.click("save");
        browser.waitFor(d -> "2".equals(browser.el("entries").getAttribute("data-loaded")), 20);
        JsonNode inspection = StreamSupport.stream(
                        api.get(MANAGER, entries).json().spliterator(), false)
                .filter(e -> withPhoto.equals(e.path("note").asText()))
                .findFirst()
                .orElseThrow();
        browser.waitFor(
                d -> api.get(MANAGER, entries + "/" + inspection.get("id").asText() + "/photos")
                                .json()
                                .size()
                        == 1,
                20);
        JsonNode stored1 = api.get(MANAGER, entries + "/" + inspection.get("id").asText() + "/photos")
                .json()
                .get(0);
        assertEquals(1600, stored1.get("width").asInt());
        assertTrue(!stored1.hasNonNull("latitude"), "location dropped: the box was not ticked");
    }
}

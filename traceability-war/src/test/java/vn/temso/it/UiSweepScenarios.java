package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 17: every page of every role with a UI, on a 360 px phone and a 1280 px desk. Each role signs in, and every
 * page its menu offers (with the forms those pages link to), the records of a seeded batch (zone, product, batch)
 * and the public trace page of one of its stamps are opened at both widths: nothing overflows the page sideways, no
 * code shows, axe-core (the webjar, injected into the page) finds no serious or critical violation, and a
 * full-page screenshot is written to {@code target/screenshots/<user>-<page>-<width>.png}. One browser per width,
 * shared by all roles. Then the print flow is done with the keyboard alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UiSweepScenarios extends ApiScenarios {

    private static final int PHONE = 360;
    private static final int DESK = 1280;

    /** axe.min.js of the axe-core webjar on the test classpath (a test-scoped dependency). */
    private static final String AXE_VERSION = "4.6.3";

    private final Map<Integer, Browser> browsers = new LinkedHashMap<>();
    private String axe;
    private UiPages.Records records;

    @BeforeAll
    void startBrowsers() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        String resource = "META-INF/resources/webjars/axe-core/" + AXE_VERSION + "/axe.min.js";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, "the axe-core webjar is a test dependency: " + resource);
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopBrowsers() {
        browsers.values().forEach(Browser::close);
    }

    @Test
    void shouldFitAndPassAxeForACooperativeManager() {
        sweep(UiPages.MANAGER);
    }

    @Test
    void shouldFitAndPassAxeForACooperativeMember() {
        sweep("tantru.xavien");
    }

    @Test
    void shouldFitAndPassAxeForCommuneStaff() {
        sweep("canbo.binhtinh");
    }

    @Test
    void shouldFitAndPassAxeForADigitalTeam() {
        sweep("tocns.binhtinh");
    }

    @Test
    void shouldFitAndPassAxeForAnAdmin() {
        sweep("admin");
    }

    @Test
    void shouldWordASuspectedCopyAndADiaryWarning() {
        Browser b = browser(PHONE);
        UiPages.signIn(b, UiPages.MANAGER, "vi");
        // the copy's flag is written with the scans (in the background): the page says it once written
        b.waitFor(
                d -> {
                    b.open(records().batch());
                    return b.text().contains("Quét từ hơn 3 mạng khác nhau");
                },
                30);
        String text = b.text();
        assertTrue(text.contains("Phun Validamycin 5SL cần cách ly 7 ngày: an toàn từ 12/11/2026"), text);
        assertTrue(!text.contains("scanned from") && !text.contains("Spraying of"), text);
        b.open("/app/print.xhtml");
        assertTrue(b.text().contains("khổ giấy 210 × 297 mm"), "the sheet in words: " + b.text());
        UiPages.signIn(b, UiPages.MANAGER, "en");
        b.open(records().batch());
        text = b.text();
        assertTrue(text.contains("Scanned from more than 3 networks on 1 or more days"), text);
        assertTrue(
                text.contains("Spraying of Validamycin 5SL needs 7 days before harvest: safe from 12 Nov 2026"), text);
        UiPages.signIn(b, UiPages.MANAGER, "vi");
    }

    /**
     * The print flow with the keyboard alone (Tab, Shift+Tab, arrow keys, Space, Enter; no clicks): choose the batch
     * and the sheet, type the count, preview, print, and reach the download link of the finished job. Every stop
     * the keyboard reaches shows its focus.
     */
    @Test
    void shouldPrintLabelsWithTheKeyboardAlone() {
        Browser b = browser(DESK);
        UiPages.signIn(b, UiPages.MANAGER, "vi");
        // harvested today, so it heads the print page's list of batches (newest harvest first)
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.batchBody(
                Fixtures.product(api, UiPages.MANAGER).get("id").asText(),
                Fixtures.zone(api, UiPages.MANAGER).get("id").asText(),
                "AKB" + unique()));
        body.put(
                "harvestDate",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        Api.Reply batch = api.post(UiPages.MANAGER, "/api/batches", body);
        assertEquals(201, batch.status(), batch.text());
        String batchId = batch.json().get("id").asText();
        b.open("/app/print.xhtml");
        JavascriptExecutor js = (JavascriptExecutor) b.driver;

        tabTo(b, "print:batchId");
        for (int i = 0; i < 250 && !batchId.equals(js.executeScript("return document.activeElement.value")); i++) {
            keys(b, Keys.ARROW_DOWN);
        }
        assertEquals(batchId, js.executeScript("return document.activeElement.value"), "the batch, by arrow keys");
        keys(b, Keys.TAB);
        assertEquals("print:format", focused(b));
        new Actions(b.driver)
                .keyDown(Keys.SHIFT)
                .sendKeys(Keys.TAB)
                .keyUp(Keys.SHIFT)
                .perform();
        assertEquals("print:batchId", focused(b), "Shift+Tab goes back");
        tabTo(b, "print:template");
        keys(b, Keys.HOME); // the first sheet: the default A4 3x8
        tabTo(b, "print:count");
        new Actions(b.driver)
                .keyDown(Keys.CONTROL)
                .sendKeys("a")
                .keyUp(Keys.CONTROL)
                .perform();
        keys(b, "2");
        tabTo(b, "print:previewButton");
        keys(b, Keys.SPACE); // preview: the page comes back with what was chosen
        b.waitFor(d -> batchId.equals(js.executeScript("return document.getElementById('print:batchId').value")), 20);
        assertEquals("2", b.el("print:count").getAttribute("value"));
        tabTo(b, "print:printButton");
        keys(b, Keys.ENTER);
        b.waitFor(d -> d.getCurrentUrl().contains("job="), 20);
        b.waitFor(d -> !d.findElements(org.openqa.selenium.By.id("download")).isEmpty(), 90);
        b.waitFor(
                d -> "Hoàn tất"
                        .equals(d.findElement(org.openqa.selenium.By.id("print-status"))
                                .getText()),
                10);
        tabTo(b, "download");
        List<String> problems = new ArrayList<>();
        check(b, "/app/print.xhtml?job=…", DESK, problems); // the finished job's page too
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        b.screenshot(UiPages.MANAGER + "-print-keyboard-" + DESK);
        @SuppressWarnings("unchecked")
        List<Object> reply = (List<Object>) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.activeElement.href).then(r => r.arrayBuffer().then(b => done([r.status,"
                + " String.fromCharCode(...new Uint8Array(b.slice(0, 4)))]))).catch(e => done([0, '' + e]));");
        assertEquals(200L, reply.get(0), "the download the link leads to: " + reply);
        assertEquals("%PDF", reply.get(1));
    }

    /** Presses Tab until {@code id} has the focus, checking that each stop on the way shows it. */
    private static void tabTo(Browser b, String id) {
        for (int i = 0; i < 80; i++) {
            keys(b, Keys.TAB);
            String now = focused(b);
            assertFocusVisible(b, now);
            if (id.equals(now)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + id + " (at " + focused(b) + ")");
    }

    private static void keys(Browser b, CharSequence keys) {
        new Actions(b.driver).sendKeys(keys).perform();
    }

    private static String focused(Browser b) {
        Object d = ((JavascriptExecutor) b.driver)
                .executeScript(
                        "const e = document.activeElement; return e.id || (e.tagName + ' ' + (e.name || e.textContent"
                                + " || '').trim().slice(0, 30));");
        return String.valueOf(d);
    }

    private static void assertFocusVisible(Browser b, String what) {
        Object style = ((JavascriptExecutor) b.driver)
                .executeScript("const e = document.activeElement; if (e === document.body) return 'body';"
                        + " const s = getComputedStyle(e); return e.matches(':focus-visible') + ' ' + s.outlineStyle"
                        + " + ' ' + s.outlineWidth;");
        assertTrue(
                "body".equals(style)
                        || (String.valueOf(style).startsWith("true ")
                                && !String.valueOf(style).contains(" none ")),
                "the focus on " + what + " is visible: " + style);
    }

    /** Opens every page of {@code user} at both widths; collects every problem, then fails once with all of them. */
    private void sweep(String user) {
        List<String> problems = new ArrayList<>();
        Set<String> pages = null;
        for (int width : List.of(PHONE, DESK)) {
            Browser b = browser(width);
            UiPages.signIn(b, user, "vi");
            if (pages == null) {
                pages = pagesOf(b);
            }
            for (String page : pages) {
                b.open(page);
                String name = user + "-" + pageName(page) + "-" + width;
                check(b, page, width, problems);
                screenshot(b, name);
            }
        }
        assertTrue(pages.size() >= 6, "the pages of " + user + ": " + pages);
        assertTrue(problems.isEmpty(), user + ":\n" + String.join("\n", problems));
    }

    /** The menu's pages, the forms they link to, the seeded records and a stamp's trace page. */
    private Set<String> pagesOf(Browser b) {
        Set<String> pages = new LinkedHashSet<>(UiPages.menu(b));
        for (String page : List.copyOf(pages)) {
            b.open(page);
            pages.addAll(UiPages.formsOffered(b));
        }
        pages.addAll(records().pages());
        return pages;
    }

    private void check(Browser b, String page, int width, List<String> problems) {
        JavascriptExecutor js = (JavascriptExecutor) b.driver;
        String at = page + " @" + width + ": ";
        String text = UiPages.rendered(b);
        if (text.contains("HTTP Status") || text.contains("Internal Server Error")) {
            problems.add(at + "error page " + text.substring(0, Math.min(300, text.length())));
            return;
        }
        Set<String> codes = UiPages.codesIn(text);
        if (!codes.isEmpty()) {
            problems.add(at + "codes " + codes);
        }
        Object overflow = js.executeScript("const w = window.innerWidth, d = document.documentElement;"
                + " if (d.scrollWidth <= w) return null;"
                + " return d.scrollWidth + ' > ' + w + ' by ' + Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll'))"
                + ".slice(-6).map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''))"
                + ".join(', ');");
        if (overflow != null) {
            problems.add(at + "overflows " + overflow);
        }
        js.executeScript(axe);
        Object violations = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')"
                + " + (n.any.length ? ' [' + n.any[0].message + ']' : '')).join('; '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        for (Object v : (List<?>) violations) {
            problems.add(at + "axe " + v);
        }
    }

    /** The whole page, not only the window, as PNG (Chromium's DevTools screenshot beyond the viewport). */
    private static void screenshot(Browser b, String name) {
        ChromeDriver chrome = (ChromeDriver) b.driver;
        Number height = (Number) ((JavascriptExecutor) chrome)
                .executeScript("return Math.min(8000, document.documentElement.scrollHeight)");
        Number width =
                (Number) ((JavascriptExecutor) chrome).executeScript("return document.documentElement.clientWidth");
        Map<String, Object> shot = chrome.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.write(
                    Browser.SCREENSHOTS.resolve(name + ".png"),
                    Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** zones, zone, batch-new, trace: the page's file name, or "trace" for a public trace page. */
    private static String pageName(String path) {
        if (UiPages.tracePage(path)) {
            return "trace";
        }
        String name =
                path.replaceFirst("^/app/", "").replaceFirst("\\.xhtml.*$", "").replaceAll("[^A-Za-z0-9-]+", "-");
        return path.contains("?id=") ? name + "-record" : name;
    }

    private Browser browser(int width) {
        return browsers.computeIfAbsent(width, w -> {
            Browser b = new Browser(api.base(), w, w == PHONE ? 740 : 900);
            // the viewport exactly as wide as asked (a window's frame may take some of it)
            ((ChromeDriver) b.driver)
                    .executeCdpCommand(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of(
                                    "width",
                                    w,
                                    "height",
                                    w == PHONE ? 740 : 900,
                                    "deviceScaleFactor",
                                    1,
                                    "mobile",
                                    false));
            b.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            b.open("/login.xhtml");
            return b;
        });
    }

    private UiPages.Records records() {
        if (records == null) {
            records = UiPages.seed(api);
        }
        return records;
    }
}

package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17: no page shows a code. Each role with a UI signs in, opens every page its menu offers and the records
 * seeded here (a suspended zone, an OCOP product, a batch with a diary entry, stamps, a print job, a listing, a
 * buyer report), and the rendered text ({@code document.body.innerText}, options of every list included) contains
 * no constant name of the enums pages show. Vietnamese for all; English once for the manager.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UiWordsScenarios extends ApiScenarios {

    private static final String MANAGER = UiPages.MANAGER;

    private Browser browser;
    private UiPages.Records records;

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
        b.open(records().batch()); // harvested 2026-11-10, 1200.5 kg, sprayed 2026-11-05 07:30 Vietnam time
        String text = b.text();
        assertTrue(text.contains("10/11/2026"), text);
        assertTrue(text.contains("1.200,5 kg"), text);
        assertTrue(text.contains("05/11/2026 07:30"), text);
        assertTrue(text.contains("Phun thuốc BVTV"), text);
        assertEquals("Đang mở", b.el("batch-status").getText());
        assertTrue(
                !UiPages.codesIn("Kênh: GOOGLE_XML").isEmpty()
                        && UiPages.codesIn("VN-IT-ACTIVE").isEmpty(),
                "the search");
    }

    private void assertNoCodes(String user, String lang) {
        Browser b = signedIn(user, lang);
        Set<String> pages = UiPages.menu(b);
        pages.addAll(records().pages());
        Map<String, Set<String>> found = new HashMap<>();
        List<String> queue = new ArrayList<>(pages);
        for (int i = 0; i < queue.size(); i++) {
            String page = queue.get(i);
            if (UiPages.tracePage(page)) {
                b.open(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
            } else {
                b.open(page);
            }
            String text = UiPages.rendered(b);
            assertTrue(!text.contains("HTTP Status") && !text.contains("Internal Server Error"), page + ": " + text);
            Set<String> codes = UiPages.codesIn(text);
            if (!codes.isEmpty()) {
                found.put(page, codes);
            }
            for (String form : UiPages.formsOffered(b)) { // the forms it may use
                if (pages.add(form)) {
                    queue.add(form);
                }
            }
            b.screenshot("words-" + user.replace('.', '-') + "-" + lang + "-"
                    + page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^(.{1,40}).*", "$1"));
        }
        assertTrue(found.isEmpty(), user + " (" + lang + ") sees codes: " + found + " on " + pages);
        assertTrue(pages.size() >= 8, "the pages of " + user + ": " + pages);
    }

    private Browser signedIn(String user, String lang) {
        if (browser == null) {
            browser = new Browser(api.base(), 390, 1400);
            browser.open("/login.xhtml");
        }
        UiPages.signIn(browser, user, lang);
        return browser;
    }

    /** Records of the manager's cooperative in every state the pages word (made once, through the API). */
    private UiPages.Records records() {
        if (records == null) {
            records = UiPages.seed(api);
        }
        return records;
    }
}

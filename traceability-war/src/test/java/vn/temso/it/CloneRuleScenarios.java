package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * The clone rules over real HTTP (issue 12, finding 3; threat model in docs/security/clone.md). All requests of the
 * IT come from one address; the IT deployment trusts it as a proxy ({@code temso.http.trusted-proxies}), so a
 * scan can come "from" another network through X-Forwarded-For. The IT lowers the rule to "more than 3 networks on
 * 1+ day" ({@code temso.clone.max-networks=3}, {@code temso.clone.min-days=1}): the spread over days and the late
 * networks are driven with a clock in CloneRulesTest.
 */
public abstract class CloneRuleScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String BASE = Fixtures.BASE;

    /** The local path of the stamp of a fresh one-stamp batch, and its serial. */
    private String[] freshStamp() throws InterruptedException {
        JsonNode batch = Fixtures.issuedBatch(api, MANAGER, 1);
        JsonNode stamp = api.get(MANAGER, "/api/batches/" + batch.get("id").asText() + "/stamps")
                .json()
                .at("/items/0");
        String url = stamp.get("url").asText();
        assertTrue(url.startsWith(BASE + "/01/"), url);
        return new String[] {url.substring(BASE.length()), stamp.get("serial").asText()};
    }

    /** A scan as a phone makes it: its user agent, language, and (through the trusted proxy) its address. */
    private static Api.Reply scan(String path, String accept, String userAgent, String language, String forwardedFor) {
        return api.request("GET", path)
                .accept(accept)
                .header("Accept-Language", language)
                .header("User-Agent", userAgent)
                .from(forwardedFor)
                .send();
    }

    private boolean listedSuspicious(String serial) {
        return api.get(MANAGER, "/api/stamps/suspicious?size=200")
                .json()
                .toString()
                .contains(serial);
    }

    @Test
    void buyerReportsAreLimitedPerAddressWhateverTheUserAgent() throws Exception {
        String[] stamp = freshStamp();
        String form = "stamp=" + java.net.URLEncoder.encode(BASE + stamp[0], java.nio.charset.StandardCharsets.UTF_8)
                + "&kind=FEEDBACK&rating=5&message=ngon";
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) { // the default limit is 5 an hour; before, each new user agent had its own 5
            statuses.add(report(form, "Phone-" + i, "203.0.113.77"));
        }
        assertEquals(java.util.List.of(303, 303, 303, 303, 303, 429), statuses);
        assertEquals(303, report(form, "Phone-1", "198.51.100.77"), "another address has its own budget");
    }

    private static int report(String form, String userAgent, String forwardedFor) throws Exception {
        return api.request("POST", "/report")
                .form(form)
                .header("User-Agent", userAgent)
                .from(forwardedFor)
                .send()
                .status();
    }

    @Test
    void sevenUserAgentsFromOneAddressStayGenuineAndThePageSaysWhy() throws Exception {
        String[] stamp = freshStamp();
        java.util.List<JsonNode> replies = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            replies.add(scan(
                            stamp[0],
                            "application/json",
                            "Phone-" + i + " (Android 14; SM-A" + (100 + i) + ")",
                            "vi",
                            null)
                    .json());
        }
        assertEquals(
                java.util.Collections.nCopies(7, "GENUINE"),
                replies.stream().map(r -> r.get("verdict").asText()).toList(),
                replies.get(6).toString());
        for (int i = 1; i <= 7; i++) {
            JsonNode r = replies.get(i - 1);
            assertEquals(i, r.get("scanCount").asInt());
            assertEquals(1, r.path("scanPlaces").asInt(), r.toString());
            assertTrue(r.path("firstScanHere").asBoolean(), r.toString());
        }
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        Api.Reply vi = scan(stamp[0], "text/html", "Phone-8", "vi-VN,vi;q=0.9", null);
        assertTrue(vi.text().contains("Tem chính hãng"), vi.text());
        assertTrue(vi.text().contains("Lần quét đầu: " + today + " lúc "), vi.text());
        assertTrue(vi.text().contains("từ chính mạng bạn đang dùng. Tem này đã được quét 8 lần ở 1 nơi."), vi.text());
        Api.Reply en = scan(stamp[0], "text/html", "Phone-9", "en", null);
        assertTrue(en.text().contains("Genuine stamp"), en.text());
        assertTrue(en.text().contains("First scanned on "), en.text());
        assertTrue(en.text().contains("Scanned 9 times in 1 place."), en.text());
        assertFalse(listedSuspicious(stamp[1]), "nothing on the staff's list either");
    }

    @Test
    void aVandalOnOneNetworkCannotFlagAStamp() throws Exception {
        String[] stamp = freshStamp();
        for (int i = 0; i < 60; i++) { // every address of its /24, a new user agent each time
            JsonNode r = scan(stamp[0], "application/json", "bot/" + i, "vi", "203.0.113." + (i * 4))
                    .json();
            assertEquals("GENUINE", r.get("verdict").asText(), "scan " + i + ": " + r);
        }
        assertFalse(listedSuspicious(stamp[1]));
    }

    @Test
    void copiesScannedFromMoreNetworksAreSuspiciousForGoodAndThePageSaysWhere() throws Exception {
        String[] stamp = freshStamp();
        String[] networks = {"198.51.100.20", "2001:db8:aa::7", "192.0.2.44"};
        for (String n : networks) {
            for (String sameNetwork : new String[] {n, n}) { // scanned twice each: a network counts once
                assertEquals(
                        "GENUINE",
                        scan(stamp[0], "application/json", "x", "vi", sameNetwork)
                                .json()
                                .get("verdict")
                                .asText());
            }
        }
        JsonNode fourth =
                scan(stamp[0], "application/json", "x", "vi", "100.64.9.9").json();
        assertEquals("SUSPICIOUS", fourth.get("verdict").asText(), fourth.toString());
        assertEquals("MANY_NETWORKS", fourth.get("reason").asText());
        assertEquals(7, fourth.get("scanCount").asInt());
        assertEquals(4, fourth.get("scanPlaces").asInt());
        assertTrue(listedSuspicious(stamp[1]), "on the staff's list");
        Api.Reply page = scan(stamp[0], "text/html", "y", "vi", networks[0]);
        assertTrue(page.text().contains("Cảnh báo: tem có thể bị sao chép"), page.text());
        assertTrue(page.text().contains("quét ở nhiều nơi khác nhau trong nhiều ngày"), page.text());
        assertTrue(
                page.text().contains("từ chính mạng bạn đang dùng. Tem này đã được quét 8 lần ở 4 nơi khác nhau."),
                page.text());
    }
}

package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.temso.gs1.Gtin;

/**
 * Issue 15, "one step back, one step forward": the trace page (HTML, its JSON, in a browser) and the lot page show
 * where a lot came from and its chain of custody, from the producer's shipping entries and from partners' captured
 * events; a new event shows at the next page although the page is cached; partners' text is escaped and cut.
 * <p>
 * Partners' events go in through {@link #capture}, the one call to change when {@code POST /epcis/capture} exists
 * (it posts the EPCISDocument with a partner's key; the test-only {@link CaptureProbe} only reads the
 * {@code EventLog}).
 */
public abstract class OriginJourneyScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String DEMO_GTIN = "08931234500016";
    static final String DEMO_LOT = "TT2024-HT-001";
    static final String DEMO_ZONE = "VN-LAN-TT-0012";

    /**
     * A partner's receiving of a lot, captured as EPCIS: {@code partyName} with {@code gln} took the goods in at
     * {@code time}, from the lot's producer.
     */
    protected void captureReceivingEvent(String lotUri, String partyName, String gln, Instant time) {
        captureReceivingEvent(List.of(lotUri), partyName, gln, time);
    }

    /** One receiving of several lots at once (a pallet), as one event. */
    protected void captureReceivingEvent(List<String> lotUris, String partyName, String gln, Instant time) {
        capture(receivingDocument(lotUris, partyName, gln, time));
    }

    /** The API key of a partner (a wholesale market) of the demo cooperative, issued once by its manager. */
    private static String partnerKey;

    /** Posts an EPCISDocument as a partner would: {@code POST /epcis/capture} with the partner's key. */
    protected static void capture(String epcisDocument) {
        Epcis.requireSchema();
        if (partnerKey == null) {
            partnerKey = CaptureScenarios.key(MANAGER);
        }
        Api.Reply r = CaptureScenarios.capture(partnerKey, epcisDocument);
        assertEquals(202, r.status(), r.text());
    }

    /** A standard EPCIS 2.0 document of one ObjectEvent, bizStep receiving, the receiver as destination. */
    static String receivingDocument(List<String> lotUris, String partyName, String gln, Instant time) {
        String party = "https://id.gs1.org/414/" + gln;
        Map<String, Object> event = new HashMap<>();
        event.put("type", "ObjectEvent");
        event.put("eventID", "urn:uuid:" + UUID.randomUUID());
        event.put("eventTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.ofHours(7))));
        event.put("eventTimeZoneOffset", "+07:00");
        event.put(
                "quantityList", lotUris.stream().map(u -> Map.of("epcClass", u)).toList());
        event.put("action", "OBSERVE");
        event.put("bizStep", "receiving");
        event.put("disposition", "in_progress");
        event.put("readPoint", Map.of("id", party));
        event.put("bizLocation", Map.of("id", party));
        event.put(
                "sourceList",
                List.of(Map.of("type", "owning_party", "source", "https://temso.vn/epcis/party/" + idOfCoop(MANAGER))));
        event.put("destinationList", List.of(Map.of("type", "owning_party", "destination", party)));
        event.put("temso:partyName", partyName);
        return Api.asJson(Map.of(
                "@context",
                List.of(
                        "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                        Map.of("temso", "https://temso.vn/epcis/")),
                "type",
                "EPCISDocument",
                "schemaVersion",
                "2.0",
                "creationDate",
                Instant.now().toString(),
                "epcisBody",
                Map.of("eventList", List.of(event))));
    }

    static String gln() {
        return Gtin.withCheckDigit("893" + unique().replaceAll("[^0-9]", "7").substring(0, 5) + "0000");
    }

    /** The change-signal counter every instance of a cluster polls (read through the test-only probe). */
    static long changeSignal() {
        return Long.parseLong(
                api.request("GET", "/it/change-signal").send().text().strip());
    }

    static Api.Reply page(String path, String lang) {
        return api.request("GET", path)
                .accept("text/html")
                .header("Accept-Language", "vi".equals(lang) ? "vi-VN,vi;q=0.9" : "en")
                .send();
    }

    static String html(String path, String lang) {
        Api.Reply r = page(path, lang);
        assertEquals(200, r.status(), r.text());
        return r.text();
    }

    static JsonNode traceJson(String path) {
        Api.Reply r = api.request("GET", path).accept("application/json").send();
        assertEquals(200, r.status(), r.text());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        return r.json();
    }

    private static boolean namesParty(JsonNode steps, String step, String name) {
        return StreamSupport.stream(steps.spliterator(), false)
                .anyMatch(s -> step.equals(s.path("step").asText())
                        && name.equals(s.path("party").path("name").asText()));
    }

    @Test
    void shouldShowAShippingEntryOfADemoLotOnItsTracePageItsJsonAndTheLotPage() {
        String lotPage = "/01/" + DEMO_GTIN + "/10/" + DEMO_LOT;
        String before = html(lotPage, "vi"); // the batch part is cached from here on
        assertTrue(before.contains("<h2>Nguồn gốc và hành trình</h2>"), before);
        assertTrue(before.contains("Vùng trồng <strong>" + DEMO_ZONE + "</strong>"), "one step back: the zone");
        assertTrue(before.contains("xã Bình Tịnh"), "with its commune");

        String batchId = api.get(MANAGER, "/api/batches?lot=" + DEMO_LOT)
                .json()
                .at("/items/0/id")
                .asText();
        String party = "Công ty TNHH Lương thực Sài Gòn " + unique();
        Map<String, Object> shipping = new HashMap<>();
        shipping.put("type", "SHIPPING");
        shipping.put("occurredAt", "2026-11-20T02:00:00Z");
        shipping.put("partyName", party);
        shipping.put("partyGln", "8930000000019");
        Api.Reply added = api.post(MANAGER, "/api/batches/" + batchId + "/events", shipping);
        assertEquals(201, added.status(), added.text());

        String vi = html(lotPage, "vi");
        assertTrue(
                vi.contains("Xuất giao cho <strong>" + party + "</strong> (GLN 8930000000019) ngày 20/11/2026"),
                "the next page shows the shipping: " + vi);
        assertTrue(html(lotPage, "en").contains("Shipped to <strong>" + party + "</strong> (GLN 8930000000019) on"));

        JsonNode journey = traceJson(lotPage).path("journey");
        assertTrue(namesParty(journey.path("forward"), "SHIPPED_TO", party), journey.toString());
        assertEquals(DEMO_ZONE, journey.at("/zones/0/code").asText());
        assertEquals("Bình Tịnh", journey.at("/zones/0/commune").asText());

        String lotUi = WebSession.signIn(api, MANAGER)
                .get("/app/batch.xhtml?id=" + batchId)
                .text();
        assertTrue(lotUi.contains("Nguồn gốc và hành trình"), "the lot page has the same panels");
        assertTrue(lotUi.contains(party), lotUi);
        assertTrue(lotUi.contains("Xuất giao cho"));
        assertTrue(lotUi.contains(DEMO_ZONE));
    }

    @Test
    void shouldShowAPartnersReceivingAtTheNextScanEscapedAndCut() {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String id = batch.get("id").asText();
        String gtin = batch.get("gtin").asText();
        String lot = batch.get("lotCode").asText();
        Fixtures.issue(api, MANAGER, id, 2);
        String stampPage = Fixtures.local(api.get(MANAGER, "/api/batches/" + id + "/stamps?size=10")
                .json()
                .at("/items/0/url")
                .asText());
        String lotPage = "/01/" + gtin + "/10/" + lot;
        assertTrue(html(stampPage, "vi").contains("Chưa có thông tin giao nhận"), "nothing after the producer yet");
        html(lotPage, "vi");

        String lotUri = "https://id.gs1.org/01/" + gtin + "/10/" + lot;
        String market = "Siêu thị Co.op Xtra Tân Phong – Quận 7";
        String gln = gln();
        long signalled = changeSignal();
        captureReceivingEvent(lotUri, market, gln, Instant.parse("2026-11-21T01:30:00Z"));
        assertTrue(changeSignal() > signalled, "the capture told the other instances of a cluster (change signal)");

        String vi = html(stampPage, "vi");
        assertTrue(
                vi.contains("Đã nhận bởi <strong>" + market + "</strong> (GLN " + gln + ") ngày 21/11/2026"),
                "the scan right after the capture shows it: " + vi);
        assertTrue(vi.contains("(do đối tác ghi nhận)"));
        assertFalse(vi.contains(" · từ "), "the producer is not repeated as the source");
        assertTrue(html(lotPage, "en")
                .contains("Received by <strong>" + market + "</strong> (GLN " + gln + ") on 21/11/2026"));

        String hostile = "<script>alert(1)</script>";
        captureReceivingEvent(lotUri, hostile, gln(), Instant.parse("2026-11-22T03:00:00Z"));
        String nfd = Normalizer.normalize("Hợp tác xã Thương mại Đồng Tháp", Normalizer.Form.NFD);
        captureReceivingEvent(lotUri, nfd, gln(), Instant.parse("2026-11-23T03:00:00Z"));
        captureReceivingEvent(
                lotUri, "Chợ đầu mối " + "Bình Điền ".repeat(40), gln(), Instant.parse("2026-11-24T03:00:00Z"));

        String page = html(stampPage, "vi");
        assertTrue(page.contains("Đã nhận bởi <strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>"), page);
        assertFalse(page.contains("<script>alert"), "a partner's name never becomes markup");
        assertTrue(page.contains("Đã nhận bởi <strong>Hợp tác xã Thương mại Đồng Tháp</strong>"), "NFC: " + page);
        java.util.regex.Matcher cut = java.util.regex.Pattern.compile(
                        "Đã nhận bởi <strong>(Chợ đầu mối [^<]*)</strong>")
                .matcher(page);
        assertTrue(cut.find(), page);
        String shown = cut.group(1);
        assertTrue(
                shown.endsWith("…") && shown.codePointCount(0, shown.length()) <= 100, "a long name is cut: " + shown);
        assertFalse(page.contains("href=\"https://id.gs1.org"), "no link from an event");

        Api.Reply json = api.request("GET", lotPage).accept("application/json").send();
        JsonNode forward = json.json().path("journey").path("forward");
        assertTrue(namesParty(forward, "RECEIVED_BY", hostile), forward.toString());
        assertTrue(namesParty(forward, "RECEIVED_BY", "Hợp tác xã Thương mại Đồng Tháp"), forward.toString());
        for (String raw : List.of("eventID", "urn:uuid:", "epcClass", "bizLocation", "sourceList", "cooperativeId")) {
            assertFalse(json.text().contains(raw), "only custody steps, never the payload: " + raw);
        }
    }

    @Test
    void shouldShowOneEventAboutSeveralLotsOnEachLotsPage() {
        JsonNode a = Fixtures.batch(api, MANAGER);
        JsonNode b = Fixtures.batch(api, MANAGER);
        String pageB =
                "/01/" + b.get("gtin").asText() + "/10/" + b.get("lotCode").asText();
        html(pageB, "vi");
        String wholesaler = "Nhà phân phối Đồng Xanh " + unique();
        captureReceivingEvent(
                List.of(
                        "https://id.gs1.org/01/" + a.get("gtin").asText() + "/10/"
                                + a.get("lotCode").asText(),
                        "https://id.gs1.org/01/" + b.get("gtin").asText() + "/10/"
                                + b.get("lotCode").asText()),
                wholesaler,
                gln(),
                Instant.parse("2026-11-25T02:00:00Z"));
        assertTrue(
                html(pageB, "vi").contains("Đã nhận bởi <strong>" + wholesaler + "</strong>"),
                "the event is filed under the first lot and found by the second lot's class");
        assertTrue(
                html("/01/" + a.get("gtin").asText() + "/10/" + a.get("lotCode").asText(), "vi")
                        .contains(wholesaler));
    }

    @Test
    void shouldShowInputLotsAndWhereTheyWentInBothDirections() {
        JsonNode paddy = Fixtures.batch(api, MANAGER);
        JsonNode rice = Fixtures.product(api, MANAGER);
        Map<String, Object> body = new HashMap<>();
        body.put("productId", rice.get("id").asText());
        body.put("lotCode", "J" + unique());
        body.put("zoneIds", List.of());
        body.put("inputs", List.of(Map.of("batchId", paddy.get("id").asText(), "quantity", 900, "unit", "kg")));
        body.put("harvestDate", "2026-11-15");
        body.put("quantity", 600);
        body.put("unit", "kg");
        Api.Reply milled = api.post(MANAGER, "/api/batches", body);
        assertEquals(201, milled.status(), milled.text());
        JsonNode out = milled.json();

        String paddyPath = "/01/" + paddy.get("gtin").asText() + "/10/"
                + paddy.get("lotCode").asText();
        String outPage = html(
                "/01/" + out.get("gtin").asText() + "/10/" + out.get("lotCode").asText(), "vi");
        assertTrue(
                outPage.contains("Làm từ lô <a href=\"" + paddyPath + "\">"
                        + paddy.get("lotCode").asText() + "</a>"),
                "one step back links the input lot's own trace page: " + outPage);
        assertTrue(outPage.contains("(900 kg)"));
        assertTrue(
                html(paddyPath, "vi").contains("Đã dùng làm nguyên liệu cho lô <a href=\"/01/"),
                "one step forward from the input lot");
    }

    @Test
    void shouldShowTheJourneyInAHeadlessBrowser() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String lotPage = "/01/" + batch.get("gtin").asText() + "/10/"
                + batch.get("lotCode").asText();
        String lotUri = "https://id.gs1.org/01/" + batch.get("gtin").asText() + "/10/"
                + batch.get("lotCode").asText();
        captureReceivingEvent(lotUri, "<script>alert(1)</script>", gln(), Instant.parse("2026-11-21T01:30:00Z"));
        captureReceivingEvent(lotUri, "Cửa hàng Nông sản Sạch Đà Lạt", gln(), Instant.parse("2026-11-22T01:30:00Z"));
        try (Browser b = new Browser(api.base(), 390, 1400)) {
            b.open(lotPage + "?lang=vi");
            String text = b.text();
            b.screenshot("journey-trace-page");
            assertTrue(text.contains("Nguồn gốc và hành trình"), text);
            assertTrue(text.contains("Đã nhận bởi <script>alert(1)</script>"), "shown as text, not run: " + text);
            assertTrue(text.contains("Đã nhận bởi Cửa hàng Nông sản Sạch Đà Lạt"), text);
            assertTrue(text.contains("ngày 22/11/2026"), text);

            b.signIn(MANAGER, Api.DEMO_PASSWORD);
            b.open("/app/batch.xhtml?id=" + batch.get("id").asText());
            b.waitFor(
                    d -> d.findElement(org.openqa.selenium.By.id("journey-forward"))
                            .getText()
                            .contains("Cửa hàng Nông sản Sạch Đà Lạt"),
                    10);
            String lotUi = b.el("journey-panel").getText();
            b.screenshot("journey-lot-page");
            assertTrue(
                    lotUi.contains("Đã nhận bởi <script>alert(1)</script>"), "escaped on the lot page too: " + lotUi);
            assertTrue(lotUi.contains("do đối tác ghi nhận"), lotUi);
        }
    }
}

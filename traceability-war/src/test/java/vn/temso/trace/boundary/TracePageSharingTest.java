package vn.temso.trace.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.platform.web.SharingCard;
import vn.temso.trace.control.TraceRecord;

/** What a shared trace link previews, per verdict. */
class TracePageSharingTest {

    private static final String BASE = "https://tem.example.vn";
    private static final String LOT = BASE + "/01/08930000000017/10/L1";

    private static TraceRecord record(TraceRecord.Verdict verdict, String reason, String serial) {
        return TraceRecord.builder(verdict)
                .reason(reason)
                .gtin("08930000000017")
                .lot("L1")
                .serial(serial)
                .product(new TraceRecord.Product("Chè Tân Cương", "Chè búp sao tay", "/images/p1/1200.jpg", "kg", null))
                .producer(new TraceRecord.Producer("HTX Chè Tân Cương", "Thái Nguyên", null))
                .batch(new TraceRecord.Batch(LocalDate.of(2026, 11, 1), null, null, "kg", "OPEN", null, List.of()))
                .build();
    }

    @Test
    void shouldShowTheGenuineProductWithItsPicture() {
        SharingCard c = TracePage.card(record(TraceRecord.Verdict.GENUINE, null, "S1"), 0, BASE, LOT);
        assertEquals("Chè Tân Cương – Tem chính hãng", c.title());
        assertEquals(BASE + "/images/p1/1200.jpg", c.imageUrl());
        assertTrue(c.description().endsWith("HTX Chè Tân Cương"), c.description());
        assertNull(c.pageUrl(), "a stamp page is its own URL");
        assertEquals("product", c.type());
    }

    @Test
    void shouldWarnWithoutThePictureForVoidedStamps() {
        SharingCard c = TracePage.card(record(TraceRecord.Verdict.VOIDED, "In lỗi", "S1"), 1, BASE, LOT);
        assertEquals("Chè Tân Cương – This stamp was voided", c.title());
        assertEquals("In lỗi", c.description());
        assertNull(c.imageUrl());
        assertEquals("website", c.type());
    }

    @Test
    void shouldNameTheLotAsCanonicalOnALotPage() {
        SharingCard c = TracePage.card(record(TraceRecord.Verdict.LOT_ONLY, null, null), 0, BASE, LOT);
        assertEquals(LOT, c.pageUrl());
        assertEquals("HTX Chè Tân Cương: Chè búp sao tay", c.description());
    }

    @Test
    void shouldPutTheCardInTheHeadOfTheRenderedPage() {
        String html = new String(
                TracePage.render(
                        record(TraceRecord.Verdict.GENUINE, null, "S1"), false, "/01/x", "?lang=en", false, LOT, BASE),
                java.nio.charset.StandardCharsets.UTF_8);
        int head = html.indexOf("</head>");
        assertTrue(html.indexOf("og:title") > 0 && html.indexOf("og:title") < head, html);
        assertTrue(html.indexOf("<body><main>") > head, html);
    }
}

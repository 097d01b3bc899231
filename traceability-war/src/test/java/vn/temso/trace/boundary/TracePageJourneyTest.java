package vn.temso.trace.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.epcis.control.CustodyStep;
import vn.temso.epcis.control.Journey;
import vn.temso.trace.control.TraceRecord;

/** The "origin and journey" section: both steps in both languages, every name escaped, no link from an event. */
class TracePageJourneyTest {

    private static final Instant SHIPPED = Instant.parse("2026-11-16T01:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-11-17T18:00:00Z"); // 18/11 in Vietnam

    private static Journey journey() {
        return new Journey(
                List.of(new Journey.Zone("VN-LAN-TT-0012", "Vùng lúa thơm Bình Tịnh", "Bình Tịnh")),
                List.of(new Journey.Lot(
                        "08931234500016",
                        "L/1",
                        "Lúa ST25",
                        "HTX Tân Trụ Xanh",
                        new BigDecimal("1200.00"),
                        "kg",
                        "/01/08931234500016/10/L%2F1")),
                List.of(new CustodyStep(
                        CustodyStep.Step.RECEIVED_FROM,
                        SHIPPED,
                        CustodyStep.Party.of("Đại lý giống Tân Trụ", null),
                        null,
                        null,
                        false)),
                List.of(
                        new CustodyStep(
                                CustodyStep.Step.SHIPPED_TO,
                                SHIPPED,
                                CustodyStep.Party.of("Công ty TNHH Thực phẩm Sài Gòn", "8930000000019"),
                                null,
                                null,
                                false),
                        new CustodyStep(
                                CustodyStep.Step.RECEIVED_BY,
                                RECEIVED,
                                CustodyStep.Party.of("<script>alert(1)</script>", null),
                                CustodyStep.Party.of("https://evil.example/\"onmouseover=alert(1)", null),
                                new CustodyStep.Place("Chợ <b>Bình Điền</b>", "8930000000026", null),
                                true)),
                List.of(),
                true);
    }

    private static String render(boolean en) {
        TraceRecord r = TraceRecord.builder(TraceRecord.Verdict.LOT_ONLY)
                .gtin("08931234500016")
                .lot("TT2024-HT-001")
                .product(new TraceRecord.Product("Gạo ST25", null, null, "kg", null))
                .producer(new TraceRecord.Producer("HTX Tân Trụ Xanh", "Long An", null))
                .batch(new TraceRecord.Batch(LocalDate.of(2026, 11, 10), null, null, "kg", "OPEN", null, List.of()))
                .journey(journey())
                .build();
        return new String(
                TracePage.render(r, en, "/01/08931234500016/10/TT2024-HT-001", "?lang=en", false, null),
                StandardCharsets.UTF_8);
    }

    @Test
    void shouldShowBothStepsInVietnamese() {
        String html = render(false);
        assertTrue(html.contains("<h2>Nguồn gốc và hành trình</h2>"), html);
        assertTrue(
                html.contains("Vùng trồng <strong>VN-LAN-TT-0012</strong> · Vùng lúa thơm Bình Tịnh · xã Bình Tịnh"));
        assertTrue(html.contains("Làm từ lô <a href=\"/01/08931234500016/10/L%2F1\">L/1</a> · Lúa ST25"));
        assertTrue(html.contains("(1200 kg)"));
        assertTrue(html.contains("Nhận nguyên liệu từ <strong>Đại lý giống Tân Trụ</strong> ngày 16/11/2026"));
        assertTrue(html.contains(
                "Xuất giao cho <strong>Công ty TNHH Thực phẩm Sài Gòn</strong> (GLN 8930000000019) ngày 16/11/2026"));
        assertTrue(html.contains("Đã nhận bởi <strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong> ngày 18/11/2026"));
        assertTrue(html.contains("(do đối tác ghi nhận)"));
        assertTrue(html.contains("Hồ sơ EPCIS của lô hàng còn các bước khác."));
    }

    @Test
    void shouldShowBothStepsInEnglish() {
        String html = render(true);
        assertTrue(html.contains("<h2>Origin and journey</h2>"), html);
        assertTrue(html.contains("Shipped to <strong>Công ty TNHH Thực phẩm Sài Gòn</strong>"));
        assertTrue(html.contains("Received by <strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong> on 18/11/2026"));
        assertTrue(html.contains("Input received from"));
        assertTrue(html.contains("(reported by a partner)"));
    }

    @Test
    void shouldEscapePartnersTextAndNeverLinkIt() {
        String html = render(false);
        assertFalse(html.contains("<script>alert"), "no script from a partner's name");
        assertFalse(html.contains("<b>Bình Điền"), "no markup from a location name");
        assertTrue(html.contains("tại Chợ &lt;b&gt;Bình Điền&lt;/b&gt; (GLN 8930000000026)"));
        assertTrue(html.contains("từ <strong>https://evil.example/&quot;onmouseover=alert(1)</strong>"));
        assertFalse(html.contains("href=\"https://evil"), "an address a partner wrote is text, never a link");
        assertFalse(html.contains("\"onmouseover"), "no attribute can be opened");
    }

    @Test
    void shouldLeaveTheSectionOutWhenThereIsNothingToShow() {
        StringBuilder h = new StringBuilder();
        TracePage.journey(h, Journey.NONE, 0);
        TracePage.journey(h, null, 0);
        assertTrue(h.isEmpty());
    }
}

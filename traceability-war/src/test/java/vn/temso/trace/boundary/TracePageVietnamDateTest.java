package vn.temso.trace.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.temso.batch.entity.Batch;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;
import vn.temso.trace.control.BatchRecords;
import vn.temso.trace.control.TraceParts;
import vn.temso.trace.control.TraceRecord;
import vn.temso.zone.entity.Certification;
import vn.temso.zone.entity.MaterialZone;

/**
 * The trace page's visible OCOP rating and its JSON-LD come from one judgement on the Vietnam date: at 23:30 in
 * Vietnam on the certificate's last day both show it, at 00:30 the next day (still the same day in UTC) neither does.
 */
class TracePageVietnamDateTest {

    static final LocalDate D = LocalDate.of(2027, 3, 15);
    static final Clock LATE_ON_D = Clock.fixed(Instant.parse("2027-03-15T16:30:00Z"), ZoneOffset.UTC);
    static final Clock EARLY_AFTER_D = Clock.fixed(Instant.parse("2027-03-15T17:30:00Z"), ZoneOffset.UTC);
    static final String LOT_URL = "https://tem.example.vn/01/08931234500016/10/L1";

    private static Batch batch() {
        Cooperative coop =
                new Cooperative("HTX Tân Trụ Xanh", CooperativeKind.COOPERATIVE, "1101234567", Instant.now());
        Product p = new Product(coop, "08931234500016", Instant.now());
        p.describe("Gạo ST25", null, "Gạo", "túi 5 kg", 185000L, null, Instant.now());
        p.certifyOcop(
                new OcopCertificate(
                        4,
                        null,
                        null,
                        "1234/QĐ-UBND",
                        LocalDate.of(2024, 3, 15),
                        OcopLevel.PROVINCE,
                        "UBND tỉnh Long An",
                        D),
                Instant.now());
        MaterialZone zone = new MaterialZone(coop, "VN-LAN-TT-0012", Instant.now());
        zone.certify(List.of(new Certification("VietGAP", "VG-01", D)));
        return new Batch(p, "L1", Set.of(zone), Instant.now());
    }

    private static TraceRecord record(TraceParts p) {
        return TraceRecord.builder(TraceRecord.Verdict.LOT_ONLY).parts(p).build();
    }

    private static String page(TraceRecord r) {
        return new String(
                TracePage.render(r, false, "/01/08931234500016/10/L1", "?lang=en", false, LOT_URL),
                StandardCharsets.UTF_8);
    }

    private static String jsonLd(String page) {
        int start = page.indexOf("<script type=\"application/ld+json\">");
        return page.substring(start, page.indexOf("</script>", start));
    }

    @Test
    void shouldShowTheRatingOnThePageAndInItsJsonLdAt2330OnTheLastDay() {
        TraceParts parts = BatchRecords.parts(batch(), FarmTime.today(LATE_ON_D));
        assertEquals(4, parts.ocopStars());
        assertEquals(List.of("VietGAP VG-01 (" + D + ")"), parts.zones().get(0).certifications());
        String page = page(record(parts));
        assertTrue(page.contains("★★★★"), "visible stars");
        assertTrue(jsonLd(page).contains("\"OCOP\""), "JSON-LD claim");
        assertTrue(jsonLd(page).contains("\"validThrough\":\"" + D + "\""));
    }

    @Test
    void shouldShowTheRatingNeitherOnThePageNorInItsJsonLdAt0030TheNextDay() {
        TraceParts parts = BatchRecords.parts(batch(), FarmTime.today(EARLY_AFTER_D));
        assertNull(parts.ocopStars());
        assertTrue(parts.zones().get(0).certifications().isEmpty(), "the zone's certificate lapsed too");
        String page = page(record(parts));
        assertFalse(page.contains("★"), "no visible stars");
        assertFalse(jsonLd(page).contains("OCOP"), "no JSON-LD claim");
    }
}

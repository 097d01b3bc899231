package vn.temso.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.EventType;
import vn.temso.batch.entity.LotCode;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.product.entity.Product;
import vn.temso.zone.entity.MaterialZone;
import vn.temso.zone.entity.ZoneStatus;

class BatchRulesTest {

    final Cooperative coop = new Cooperative("HTX Tân Trụ Xanh", CooperativeKind.COOPERATIVE, "1101234567");
    final Product product = new Product(coop, "08931234500016");
    final MaterialZone zone = new MaterialZone(coop, "VN-LAN-TT-0012");

    @Test
    void shouldAcceptGs1LotCodesOnly() {
        assertEquals("TT2024-HT-001", LotCode.validate(" TT2024-HT-001 "));
        assertEquals("!\"%&'()*+,-./:;<=>?_", LotCode.validate("!\"%&'()*+,-./:;<=>?_"));
        assertThrows(IllegalArgumentException.class, () -> LotCode.validate("LÔ-01"));
        assertThrows(IllegalArgumentException.class, () -> LotCode.validate("LOT 01"));
        assertThrows(IllegalArgumentException.class, () -> LotCode.validate("A".repeat(21)));
        assertThrows(IllegalArgumentException.class, () -> LotCode.validate("#1"));
    }

    @Test
    void shouldFlagSprayingWhosePreHarvestIntervalEndsAfterHarvest() {
        Batch b = new Batch(product, "L1", Set.of(zone));
        b.record(LocalDate.of(2026, 11, 10), null, BigDecimal.TEN, "kg");
        // sprayed 4 Nov 23:30 Vietnamese time: day 4 + 7 = safe from 11 Nov, harvested 10 Nov
        b.addEvent(EventType.SPRAYING, ZonedDateTime.parse("2026-11-04T23:30:00+07:00").toInstant(), zone, null, null,
                "Validamycin", "1 l/ha", 7, null, "t");
        assertEquals(1, b.sprayingsTooCloseToHarvest().size());
        assertEquals(LocalDate.of(2026, 11, 11), b.sprayingsTooCloseToHarvest().get(0).safeHarvestFrom());
        Batch ok = new Batch(product, "L2", Set.of(zone));
        ok.record(LocalDate.of(2026, 11, 11), null, BigDecimal.TEN, "kg");
        ok.addEvent(EventType.SPRAYING, ZonedDateTime.parse("2026-11-04T23:30:00+07:00").toInstant(), zone, null, null,
                "Validamycin", null, 7, null, "t");
        assertTrue(ok.sprayingsTooCloseToHarvest().isEmpty(), "the safe day itself is fine");
    }

    @Test
    void shouldLetACorrectionReplaceAnEventWithoutDeletingIt() {
        Batch b = new Batch(product, "L3", Set.of(zone));
        b.record(LocalDate.of(2026, 11, 10), null, BigDecimal.TEN, "kg");
        BatchEvent wrong = b.addEvent(EventType.SPRAYING, ZonedDateTime.parse("2026-11-08T07:00:00+07:00").toInstant(),
                zone, null, null, "X", null, 7, null, "t");
        b.addEvent(EventType.SPRAYING, ZonedDateTime.parse("2026-10-08T07:00:00+07:00").toInstant(), zone, null, null,
                "X", null, 7, wrong.getId(), "t");
        assertEquals(2, b.getEvents().size());
        assertEquals(1, b.currentEvents().size());
        assertTrue(b.sprayingsTooCloseToHarvest().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> b.addEvent(EventType.OTHER,
                ZonedDateTime.now().toInstant(), zone, null, null, null, null, null, "unknown", "t"));
    }

    @Test
    void shouldRefuseInactiveOrForeignZonesAndDiaryAfterRecall() {
        MaterialZone suspended = new MaterialZone(coop, "VN-LAN-TT-0013");
        suspended.changeStatus(ZoneStatus.SUSPENDED, "kiểm tra");
        assertThrows(IllegalStateException.class, () -> new Batch(product, "L4", Set.of(suspended)));
        Cooperative other = new Cooperative("HTX khác", CooperativeKind.COOPERATIVE, null);
        assertThrows(IllegalArgumentException.class, () -> new Batch(product, "L5", Set.of(new MaterialZone(other, "VN-X-1"))));
        Batch b = new Batch(product, "L6", Set.of(zone));
        b.recall("Dư lượng vượt ngưỡng");
        assertThrows(IllegalStateException.class, () -> b.addEvent(EventType.OTHER, ZonedDateTime.now().toInstant(),
                null, null, null, null, null, null, null, "t"));
        assertThrows(IllegalStateException.class, () -> b.recall("again"));
        suspended.changeStatus(ZoneStatus.REVOKED, "thu hồi");
        assertThrows(IllegalStateException.class, () -> suspended.changeStatus(ZoneStatus.ACTIVE, null));
    }
}

package vn.temso.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.EventType;
import vn.temso.batch.entity.LotCode;
import vn.temso.batch.entity.NewEvent;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.domain.RuleBroken;
import vn.temso.product.entity.Product;
import vn.temso.zone.entity.MaterialZone;
import vn.temso.zone.entity.ZoneStatus;

class BatchRulesTest {

    final Cooperative coop =
            new Cooperative("HTX Tân Trụ Xanh", CooperativeKind.COOPERATIVE, "1101234567", Instant.now());
    final Product product = new Product(coop, "08931234500016", Instant.now());
    final MaterialZone zone = new MaterialZone(coop, "VN-LAN-TT-0012", Instant.now());

    @Test
    void shouldAcceptGs1LotCodesOnly() {
        assertEquals("TT2024-HT-001", LotCode.validate(" TT2024-HT-001 "));
        assertEquals("!\"%&'()*+,-./:;<=>?_", LotCode.validate("!\"%&'()*+,-./:;<=>?_"));
        assertThrows(InvalidField.class, () -> LotCode.validate("LÔ-01"));
        assertThrows(InvalidField.class, () -> LotCode.validate("LOT 01"));
        assertThrows(InvalidField.class, () -> LotCode.validate("A".repeat(21)));
        assertThrows(InvalidField.class, () -> LotCode.validate("#1"));
    }

    @Test
    void shouldFlagSprayingWhosePreHarvestIntervalEndsAfterHarvest() {
        Batch b = new Batch(product, "L1", Set.of(zone), Instant.now());
        b.record(LocalDate.of(2026, 11, 10), null, BigDecimal.TEN, "kg");
        // sprayed 4 Nov 23:30 Vietnamese time: day 4 + 7 = safe from 11 Nov, harvested 10 Nov
        b.addEvent(spraying("2026-11-04T23:30:00+07:00").dose("1 l/ha").build(), Instant.now());
        assertEquals(1, b.sprayingsTooCloseToHarvest().size());
        assertEquals(
                LocalDate.of(2026, 11, 11),
                b.sprayingsTooCloseToHarvest().get(0).safeHarvestFrom());
        Batch ok = new Batch(product, "L2", Set.of(zone), Instant.now());
        ok.record(LocalDate.of(2026, 11, 11), null, BigDecimal.TEN, "kg");
        ok.addEvent(spraying("2026-11-04T23:30:00+07:00").build(), Instant.now());
        assertTrue(ok.sprayingsTooCloseToHarvest().isEmpty(), "the safe day itself is fine");
    }

    @Test
    void shouldLetACorrectionReplaceAnEventWithoutDeletingIt() {
        Batch b = new Batch(product, "L3", Set.of(zone), Instant.now());
        b.record(LocalDate.of(2026, 11, 10), null, BigDecimal.TEN, "kg");
        BatchEvent wrong =
                b.addEvent(spraying("2026-11-08T07:00:00+07:00").inputName("X").build(), Instant.now());
        b.addEvent(
                spraying("2026-10-08T07:00:00+07:00")
                        .inputName("X")
                        .correctsEventId(wrong.getId())
                        .build(),
                Instant.now());
        assertEquals(2, b.getEvents().size());
        assertEquals(1, b.currentEvents().size());
        assertTrue(b.sprayingsTooCloseToHarvest().isEmpty());
        assertField(
                "correctsEventId",
                () -> b.addEvent(
                        NewEvent.of(EventType.OTHER, Instant.now(), "t")
                                .zone(zone)
                                .correctsEventId("unknown")
                                .build(),
                        Instant.now()));
    }

    @Test
    void shouldNameTheFieldOfABrokenDiaryRule() {
        Batch b = new Batch(product, "L7", Set.of(zone), Instant.now());
        assertField(
                "type",
                () -> b.addEvent(
                        NewEvent.of(EventType.SPRAYING, Instant.now(), "t")
                                .preHarvestIntervalDays(7)
                                .build(),
                        Instant.now()));
        assertField(
                "preHarvestIntervalDays",
                () -> b.addEvent(
                        spraying("2026-11-04T07:00:00+07:00")
                                .preHarvestIntervalDays(400)
                                .build(),
                        Instant.now()));
        assertField(
                "zoneId",
                () -> b.addEvent(
                        NewEvent.of(EventType.OTHER, Instant.now(), "t")
                                .zone(new MaterialZone(coop, "VN-LAN-TT-0099", Instant.now()))
                                .build(),
                        Instant.now()));
    }

    /** Issue 14: this was reported on zoneIds. */
    @Test
    void shouldReportAnExpiryBeforeTheHarvestOnTheExpiryDate() {
        Batch b = new Batch(product, "L8", Set.of(zone), Instant.now());
        assertField(
                "expiryDate",
                () -> b.record(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 9), BigDecimal.TEN, "kg"));
        b.record(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 10), BigDecimal.TEN, "kg");
        assertEquals(LocalDate.of(2026, 11, 10), b.getExpiryDate());
    }

    @Test
    void shouldRefuseInactiveOrForeignZonesAndDiaryAfterRecall() {
        MaterialZone suspended = new MaterialZone(coop, "VN-LAN-TT-0013", Instant.now());
        suspended.changeStatus(ZoneStatus.SUSPENDED, "kiểm tra", Instant.now());
        assertRule("zone-not-active", () -> new Batch(product, "L4", Set.of(suspended), Instant.now()));
        Cooperative other = new Cooperative("HTX khác", CooperativeKind.COOPERATIVE, null, Instant.now());
        assertField(
                "zoneIds",
                () -> new Batch(
                        product, "L5", Set.of(new MaterialZone(other, "VN-X-1", Instant.now())), Instant.now()));
        assertField("zoneIds", () -> new Batch(product, "L5", Set.of(), Instant.now()));
        Batch b = new Batch(product, "L6", Set.of(zone), Instant.now());
        assertField("reason", () -> b.recall(" ", Instant.now()));
        b.recall("Dư lượng vượt ngưỡng", Instant.now());
        assertRule(
                "batch-recalled",
                () -> b.addEvent(
                        NewEvent.of(EventType.OTHER, Instant.now(), "t").build(), Instant.now()));
        assertRule("batch-recalled", () -> b.recall("again", Instant.now()));
        assertRule("batch-not-open", () -> b.close(Instant.now()));
        assertField("reason", () -> zone.changeStatus(ZoneStatus.SUSPENDED, null, Instant.now()));
        suspended.changeStatus(ZoneStatus.REVOKED, "thu hồi", Instant.now());
        assertRule("zone-revoked", () -> suspended.changeStatus(ZoneStatus.ACTIVE, null, Instant.now()));
    }

    private NewEvent.Builder spraying(String at) {
        return NewEvent.of(EventType.SPRAYING, ZonedDateTime.parse(at).toInstant(), "t")
                .zone(zone)
                .inputName("Validamycin")
                .preHarvestIntervalDays(7);
    }

    private static void assertField(String field, Executable action) {
        assertEquals(field, assertThrows(InvalidField.class, action).field());
    }

    private static void assertRule(String rule, Executable action) {
        assertEquals(rule, assertThrows(RuleBroken.class, action).rule());
    }
}

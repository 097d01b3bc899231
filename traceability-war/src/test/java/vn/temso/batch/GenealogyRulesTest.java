package vn.temso.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.batch.entity.EventType;
import vn.temso.batch.entity.Genealogy;
import vn.temso.batch.entity.InputUse;
import vn.temso.batch.entity.NewEvent;
import vn.temso.batch.entity.PartyGln;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.domain.RuleBroken;
import vn.temso.product.entity.Product;
import vn.temso.zone.entity.MaterialZone;
import vn.temso.zone.entity.ZoneStatus;

/** Batches made from batches (milling, blending), recalls that follow them, and the parties of shipping entries. */
class GenealogyRulesTest {

    final Instant now = Instant.parse("2026-11-15T01:00:00Z");
    final Cooperative coop = new Cooperative("HTX Tân Trụ Xanh", CooperativeKind.COOPERATIVE, "1101234567", now);
    final Product paddy = new Product(coop, "08931234500016", now);
    final Product rice = new Product(coop, "08931234500023", now);
    final MaterialZone north = new MaterialZone(coop, "VN-LAN-TT-0012", now);
    final MaterialZone south = new MaterialZone(coop, "VN-LAN-TT-0013", now);

    Batch harvest(String lot, MaterialZone zone) {
        return new Batch(paddy, lot, Set.of(zone), now);
    }

    Batch madeFrom(String lot, Batch... inputs) {
        return new Batch(
                rice,
                lot,
                Set.of(),
                java.util.Arrays.stream(inputs)
                        .map(b -> new InputUse(b, BigDecimal.TEN, "kg"))
                        .toList(),
                now);
    }

    @Test
    void shouldGiveABlendedLotTheZonesOfAllItsInputs() {
        Batch a = harvest("P1", north);
        Batch b = harvest("P2", south);
        Batch blend = madeFrom("R1", a, b);
        assertEquals(Set.of(north, south), blend.getZones());
        assertEquals(2, blend.getInputs().size());
        assertEquals(
                List.of(blend), a.getUsedIn().stream().map(i -> i.getOutput()).toList());
        assertEquals(rice, blend.getProduct(), "the output's product may differ from its inputs'");
        // an update keeps the inherited zones, and a zone given too is added
        MaterialZone third = new MaterialZone(coop, "VN-LAN-TT-0014", now);
        blend.assignZones(Set.of(third));
        assertEquals(Set.of(north, south, third), blend.getZones());
        blend.assignZones(Set.of());
        assertEquals(Set.of(north, south), blend.getZones());
    }

    @Test
    void shouldInheritZonesThatAreNoLongerActive() {
        Batch a = harvest("P3", north);
        north.changeStatus(ZoneStatus.SUSPENDED, "kiểm tra", now);
        assertEquals(Set.of(north), madeFrom("R2", a).getZones(), "the paddy grew there while it was active");
        assertRule("zone-not-active", () -> new Batch(rice, "R3", Set.of(north), now));
    }

    @Test
    void shouldStillNeedAZoneWithoutInputs() {
        assertField("zoneIds", () -> new Batch(rice, "R4", Set.of(), List.of(), now));
    }

    @Test
    void shouldRefuseAnInputOfAnotherCooperative() {
        Cooperative other = new Cooperative("HTX Đức Hòa", CooperativeKind.COOPERATIVE, null, now);
        Batch foreign = new Batch(
                new Product(other, "08931234500030", now),
                "F1",
                Set.of(new MaterialZone(other, "VN-LAN-DH-0001", now)),
                now);
        assertField(Genealogy.FIELD, () -> madeFrom("R5", foreign));
        assertTrue(foreign.getUsedIn().isEmpty(), "nothing linked when refused");
    }

    @Test
    void shouldRefuseARecalledInputATwiceListedInputAndAQuantityWithoutUnit() {
        Batch a = harvest("P4", north);
        Batch b = harvest("P5", north);
        assertField(Genealogy.FIELD, () -> madeFrom("R6", a, a));
        assertField(
                Genealogy.FIELD,
                () -> new Batch(rice, "R7", Set.of(), List.of(new InputUse(a, BigDecimal.ONE, " ")), now));
        assertField(
                Genealogy.FIELD,
                () -> new Batch(rice, "R7", Set.of(), List.of(new InputUse(a, BigDecimal.ZERO, "kg")), now));
        b.recall("Dư lượng vượt ngưỡng", now);
        assertRule("input-recalled", () -> madeFrom("R8", a, b));
        Batch noQuantity = new Batch(rice, "R9", Set.of(), List.of(new InputUse(a, null, null)), now);
        assertNull(noQuantity.getInputs().get(0).getQuantity());
    }

    @Test
    void shouldRefuseACycleAndTheBatchItself() {
        Batch a = harvest("P6", north);
        Batch b = madeFrom("R10", a);
        Batch c = madeFrom("R11", b);
        // a may not take c (made from b, made from a) as input: a would be its own ancestor
        assertField(Genealogy.FIELD, () -> Genealogy.requireAcyclic(a, List.of(c)));
        assertField(Genealogy.FIELD, () -> Genealogy.requireAcyclic(a, List.of(a)));
        assertField(Genealogy.FIELD, () -> Genealogy.check(a, List.of(new InputUse(a, null, null))));
        Genealogy.requireAcyclic(c, List.of(a)); // the other way round is fine
    }

    @Test
    void shouldRecallEveryDerivedLotTransitivelyNamingTheInputLot() {
        Batch a = harvest("P7", north);
        Batch other = harvest("P8", south);
        Batch blend = madeFrom("R12", a, other);
        Batch packed = madeFrom("G1", blend);
        Batch alreadyRecalled = madeFrom("G2", blend);
        alreadyRecalled.recall("Bao bì lỗi", now);
        a.recall("Phát hiện dư lượng thuốc BVTV vượt ngưỡng", now);
        List<Batch> recalled = a.recallDerived(now);
        assertEquals(List.of(blend, packed), recalled, "nearest first; the recalled one is left alone");
        assertEquals(BatchStatus.RECALLED, packed.getStatus());
        assertTrue(packed.getStatusReason().contains("P7"), packed.getStatusReason());
        assertTrue(packed.getStatusReason().endsWith("Phát hiện dư lượng thuốc BVTV vượt ngưỡng"));
        assertTrue(Normalizer.isNormalized(packed.getStatusReason(), Normalizer.Form.NFC));
        assertEquals("Bao bì lỗi", alreadyRecalled.getStatusReason());
        assertEquals(BatchStatus.OPEN, other.getStatus(), "the other input is not recalled");
        assertRule("batch-not-recalled", () -> other.recallDerived(now));
    }

    @Test
    void shouldCutALongDerivedReasonToTheColumn() {
        Batch a = harvest("P9", north);
        Batch b = madeFrom("R13", a);
        a.recall("x".repeat(500), now);
        a.recallDerived(now);
        assertEquals(500, b.getStatusReason().length());
        assertTrue(b.getStatusReason().startsWith("Lô nguyên liệu P9"));
    }

    @Test
    void shouldCheckTheGlnOfAPartyWithItsCheckDigit() {
        assertEquals("8930000000019", PartyGln.validate(" 8930000000019 "));
        assertNull(PartyGln.validate(" "));
        assertField(PartyGln.FIELD, () -> PartyGln.validate("8930000000018"));
        assertField(PartyGln.FIELD, () -> PartyGln.validate("893000000001"));
        assertField(PartyGln.FIELD, () -> PartyGln.validate("89300000000A9"));
    }

    @Test
    void shouldNameThePartyOfAShippingOrReceivingOnly() {
        Batch b = harvest("P10", north);
        BatchEvent shipped = b.addEvent(
                NewEvent.of(EventType.SHIPPING, now, "t")
                        .party("  Co\u0300ng ty Sài Gòn ", "8930000000019")
                        .build(),
                now);
        assertEquals("C\u00f2ng ty Sài Gòn", shipped.getPartyName(), "NFC, trimmed");
        assertEquals("8930000000019", shipped.getPartyGln());
        BatchEvent received = b.addEvent(
                NewEvent.of(EventType.RECEIVING, now, "t")
                        .party(null, "8930000000019")
                        .build(),
                now);
        assertNull(received.getPartyName(), "a GLN alone names the party");
        assertField(
                PartyGln.FIELD,
                () -> b.addEvent(
                        NewEvent.of(EventType.SHIPPING, now, "t")
                                .party("X", "1234567890123")
                                .build(),
                        now));
        assertField(
                "partyName",
                () -> b.addEvent(
                        NewEvent.of(EventType.SHIPPING, now, "t")
                                .party("x".repeat(201), null)
                                .build(),
                        now));
        assertField(
                "partyName",
                () -> b.addEvent(
                        NewEvent.of(EventType.IRRIGATION, now, "t")
                                .party("X", null)
                                .build(),
                        now));
        assertNull(b.addEvent(NewEvent.of(EventType.SHIPPING, now, "t").build(), now)
                .getPartyName());
    }

    private static void assertField(String field, Executable action) {
        assertEquals(field, assertThrows(InvalidField.class, action).field());
    }

    private static void assertRule(String rule, Executable action) {
        assertEquals(rule, assertThrows(RuleBroken.class, action).rule());
    }
}

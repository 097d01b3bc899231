package vn.temso.portal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.epcis.entity.EventKind;
import vn.temso.portal.entity.PortalRecord;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopGroup;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;
import vn.temso.zone.entity.Certification;
import vn.temso.zone.entity.MaterialZone;
import vn.temso.zone.entity.ZoneDescription;

/** A lot's record from its entities, and the default mapping applied to it. */
class PortalRecordsTest {

    static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final String BASE = "https://tem.temso.test";

    final Cooperative coop = new Cooperative("HTX Nông nghiệp Tân Trụ Xanh", CooperativeKind.COOPERATIVE, null, NOW);

    private Batch lot(boolean complete) {
        coop.locate("Ấp Bình Hòa, xã Bình Tịnh, tỉnh Tây Ninh", "Bình Tịnh", "Tân Trụ", "Tây Ninh");
        if (complete) {
            coop.identify("1101234567-001", "8931234000011");
        }
        Product p = new Product(coop, "08931234500016", NOW);
        p.describe(
                "Gạo thơm ST25 – túi 5 kg",
                "Gạo ST25",
                "Thực phẩm",
                "túi 5 kg",
                185000L,
                complete ? "/images/p1" : null,
                NOW);
        p.certifyOcop(
                new OcopCertificate(
                        4,
                        OcopGroup.FOOD,
                        78,
                        "1234/QĐ-UBND",
                        LocalDate.of(2025, 3, 15),
                        OcopLevel.PROVINCE,
                        "UBND tỉnh Long An",
                        null),
                NOW);
        MaterialZone z1 = zone("VN-LAN-TT-0012", "Bình Tịnh", "VietGAP", LocalDate.of(2027, 6, 30));
        MaterialZone z2 = zone("VN-LAN-TT-0003", "Bình Tịnh", "GlobalGAP", LocalDate.of(2025, 1, 1));
        Batch b = new Batch(p, "TT2611/A", Set.of(z1, z2), NOW);
        b.record(
                LocalDate.of(2026, 11, 10), complete ? LocalDate.of(2027, 11, 10) : null, new BigDecimal("1200"), "kg");
        return b;
    }

    private MaterialZone zone(String code, String commune, String scheme, LocalDate validUntil) {
        MaterialZone z = new MaterialZone(coop, code, NOW);
        z.describe(ZoneDescription.builder()
                .name("Vùng lúa " + code)
                .commune(commune)
                .district("Tân Trụ")
                .province("Tây Ninh")
                .crop("Lúa")
                .declaredAreaHa(new BigDecimal("24.5"))
                .build());
        z.certify(List.of(new Certification(scheme, scheme + "-01", validUntil)));
        return z;
    }

    private static List<PortalRecord.KeyEvent> harvestAndShipping() {
        return List.of(
                KeyEvents.of(new KeyEvents.Row(
                        "urn:uuid:1",
                        EventKind.LOT,
                        "ObjectEvent",
                        "commissioning",
                        "active",
                        Instant.parse("2026-11-09T17:00:00Z"),
                        "https://temso.vn/epcis/zone/VN-LAN-TT-0012",
                        null,
                        "{}")),
                KeyEvents.of(
                        new KeyEvents.Row(
                                "urn:uuid:2",
                                EventKind.DIARY,
                                "ObjectEvent",
                                "shipping",
                                "in_transit",
                                Instant.parse("2026-11-12T01:00:00Z"),
                                null,
                                null,
                                "{\"destinationList\":[{\"type\":\"owning_party\",\"destination\":"
                                        + "\"https://id.gs1.org/414/8930000000019\"}],\"temso:partyName\":\"Co.opmart Tân An\"}")));
    }

    static PortalMapping defaultMapping() throws IOException {
        try (InputStream in =
                PortalRecordsTest.class.getClassLoader().getResourceAsStream(PortalSettings.DEFAULT_MAPPING)) {
            return PortalMapping.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldBuildTheRecordFromTheLotItsProductCooperativeZonesAndEvents() {
        Batch b = lot(true);
        PortalRecord r = PortalRecords.assemble(
                b, harvestAndShipping(), new PortalRecord.Stamps(500, 20, 1, 500, "A1B2C3", "Z9Y8X7"), TODAY, BASE);

        assertEquals("TT2611/A", r.lot().number());
        assertEquals("08931234500016", r.lot().gtin());
        assertEquals(BASE + "/01/08931234500016/10/TT2611%2FA", r.lot().traceUrl(), "lot percent-encoded");
        assertEquals(
                "https://id.gs1.org/01/08931234500016/10/TT2611%2FA", r.lot().digitalLink());
        assertEquals(LocalDate.of(2027, 11, 10), r.lot().expiryDate());
        assertEquals("A1B2C3", r.lot().stamps().firstSerial());
        assertEquals(BASE + "/images/p1", r.product().imageUrl(), "Temso's image path as an absolute URL");
        assertEquals("HTX Nông nghiệp Tân Trụ Xanh", r.product().brand(), "the cooperative is the brand");
        assertEquals("1101234567-001", r.producer().taxId());
        assertEquals("8931234000011", r.producer().gln());
        assertEquals(List.of("VN-LAN-TT-0003", "VN-LAN-TT-0012"), r.origin().zoneCodes());
        assertEquals(List.of("Bình Tịnh"), r.origin().communes(), "each commune once");
        assertEquals(List.of("Tây Ninh"), r.origin().provinces());
        assertEquals(
                List.of("OCOP 4 sao", "VietGAP VietGAP-01"),
                r.standards().applied(),
                "the lapsed GlobalGAP certificate is not claimed");
        assertEquals(4, r.standards().ocop().stars());
        PortalRecord.KeyEvent shipping = r.events().get(1);
        assertEquals("2026-11-12T08:00+07:00", shipping.eventTime().toString(), "Vietnam time");
        assertEquals("Co.opmart Tân An", shipping.partyName());
        assertEquals("8930000000019", shipping.partyGln());
        assertFalse(shipping.byPartner());
    }

    @Test
    void theDefaultMappingFindsEveryRequiredFieldOfACompleteLot() throws IOException {
        JsonObject json = RecordJson.toJson(PortalRecords.assemble(lot(true), harvestAndShipping(), null, TODAY, BASE))
                .asJsonObject();
        PortalMapping.Mapped m = defaultMapping().apply(json);
        assertTrue(m.complete(), m.missing().toString());
        JsonObject p = m.payload();
        assertEquals("8931234000011", p.getJsonObject("producer").getString("identifier"), "the GLN comes first");
        assertEquals("2027-11-10", p.getString("expiryDate"));
        assertEquals(
                "2026-11-10T00:00:00+07:00",
                p.getJsonArray("keyEvents").getJsonObject(0).getString("eventTime"),
                "seconds written even when zero");
        assertFalse(p.containsKey("serialRange"), "no stamps issued: left out");
    }

    @Test
    void shouldTellWhatALotLacks() throws IOException {
        Batch b = lot(false);
        JsonObject json = RecordJson.toJson(PortalRecords.assemble(b, List.of(), null, TODAY, BASE))
                .asJsonObject();
        PortalMapping.Mapped m = defaultMapping().apply(json);
        assertEquals(
                List.of("productImage", "expiryDate", "producer.identifier", "keyEvents"),
                m.missing().stream().map(PortalMapping.Missing::field).toList());
        assertEquals("The cooperative has no tax id or GLN.", m.missing().get(2).en());
        assertEquals(BatchStatus.OPEN, b.getStatus());
    }

    @Test
    void shouldNameTheRecallReasonOfARecalledLotOnly() {
        Batch b = lot(true);
        assertNull(PortalRecords.assemble(b, List.of(), null, TODAY, BASE).lot().recallReason());
        b.recall("Dư lượng thuốc vượt ngưỡng", NOW);
        PortalRecord r = PortalRecords.assemble(b, List.of(), null, TODAY, BASE);
        assertEquals("RECALLED", r.lot().status());
        assertEquals("Dư lượng thuốc vượt ngưỡng", r.lot().recallReason());
    }

    @Test
    void shouldHashContentAndMissingFieldsSoEitherChangeQueuesAVersion() throws IOException {
        PortalMapping m = defaultMapping();
        JsonObject complete = RecordJson.toJson(
                        PortalRecords.assemble(lot(true), harvestAndShipping(), null, TODAY, BASE))
                .asJsonObject();
        String a = PortalSync.contentHash(m.apply(complete));
        assertEquals(a, PortalSync.contentHash(m.apply(complete)), "stable");
        assertTrue(a.matches("[0-9a-f]{64}"));
        PortalMapping optional = PortalMapping.parse("{\"fields\": {\"x\": \"lot.expiryDate\"}}");
        PortalMapping required =
                PortalMapping.parse("{\"fields\": {\"x\": {\"source\": \"lot.expiryDate\", \"required\": true}}}");
        JsonObject incomplete = RecordJson.toJson(PortalRecords.assemble(lot(false), List.of(), null, TODAY, BASE))
                .asJsonObject();
        assertFalse(
                PortalSync.contentHash(optional.apply(incomplete))
                        .equals(PortalSync.contentHash(required.apply(incomplete))),
                "same payload, but one lacks a required field");
        assertEquals(
                "[{\"field\":\"x\",\"source\":\"lot.expiryDate\",\"message\":{\"vi\":\"Lô hàng chưa có hạn sử dụng.\","
                        + "\"en\":\"The lot has no expiry date.\"}}]",
                PortalSync.missingJson(required.apply(incomplete).missing()));
    }
}

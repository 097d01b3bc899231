package vn.temso.epcis.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.temso.batch.entity.EventType;

/** A partner's event or a diary entry as a custody step: what is read, what is never shown, how text is cleaned. */
class CustodyMappingTest {

    private static final Instant AT = Instant.parse("2026-11-20T18:30:00Z"); // 21/11/2026 01:30 in Vietnam
    private static final String LOT = "https://id.gs1.org/01/08931234500016/10/TT2024-HT-001";
    private static final String GLN = "8930000000019";

    private static JsonObjectBuilder event(String bizStep) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("type", "ObjectEvent")
                .add("eventID", "urn:uuid:6f1c7e3a-0b7e-4c55-9b0a-2c1d5e6f7a8b")
                .add("eventTime", "2026-11-21T01:30:00+07:00")
                .add("eventTimeZoneOffset", "+07:00")
                .add(
                        "quantityList",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("epcClass", LOT)))
                .add("action", "OBSERVE");
        if (bizStep != null) {
            o.add("bizStep", bizStep);
        }
        return o;
    }

    private static JsonArrayBuilder parties(String role, String type, String id) {
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", type).add(role, id));
    }

    private static CustodyStep step(JsonObjectBuilder event) {
        return CustodyMapping.captured(event.build(), AT).orElseThrow();
    }

    @Test
    void shouldSayWhoReceivedTheLotFromTheDestinationAndThePartyName() {
        CustodyStep s = step(event("receiving")
                .add("destinationList", parties("destination", "owning_party", "https://id.gs1.org/414/" + GLN))
                .add("bizLocation", Json.createObjectBuilder().add("id", "urn:epc:id:sgln:8930000.00001.0"))
                .add("sourceList", parties("source", "owning_party", "urn:epc:id:pgln:8930000.00002"))
                .add("temso:partyName", "Siêu thị Co.op Xtra Tân Phong"));
        assertEquals(CustodyStep.Step.RECEIVED_BY, s.step());
        assertEquals(AT, s.at());
        assertEquals(new CustodyStep.Party("Siêu thị Co.op Xtra Tân Phong", GLN, null), s.party());
        assertEquals(new CustodyStep.Party(null, "8930000000026", null), s.from(), "pgln: check digit computed");
        assertTrue(s.partner());
        assertNull(s.place(), "no place without a name of its own");
        assertEquals(java.time.LocalDate.of(2026, 11, 21), s.day(), "the Vietnamese day");
    }

    @Test
    void shouldReadEveryFormOfABusinessStep() {
        assertEquals(CustodyStep.Step.SHIPPED_TO, CustodyMapping.step("shipping"));
        assertEquals(CustodyStep.Step.SHIPPED_TO, CustodyMapping.step("urn:epcglobal:cbv:bizstep:departing"));
        assertEquals(CustodyStep.Step.RECEIVED_BY, CustodyMapping.step("https://ref.gs1.org/cbv/BizStep-receiving"));
        assertEquals(CustodyStep.Step.RECEIVED_BY, CustodyMapping.step("accepting"));
        assertEquals(CustodyStep.Step.STORED_BY, CustodyMapping.step("https://gs1.org/voc/BizStep-storing"));
        assertEquals(CustodyStep.Step.ON_SALE_BY, CustodyMapping.step("retail_selling"));
        assertEquals(CustodyStep.Step.CARRIED_BY, CustodyMapping.step("transporting"));
        assertEquals(CustodyStep.Step.INSPECTED_BY, CustodyMapping.step("inspecting"));
        assertEquals(CustodyStep.Step.HANDLED_BY, CustodyMapping.step("https://evil.example/bizstep/<b>"));
        assertEquals(CustodyStep.Step.HANDLED_BY, CustodyMapping.step(null));
        assertEquals(CustodyStep.Step.HANDLED_BY, step(event(null)).step());
    }

    @Test
    void shouldNameTheDestinationOfAShippingAndTheShipperAsSource() {
        CustodyStep s = step(event("shipping")
                .add(
                        "destinationList",
                        parties(
                                "destination",
                                "urn:epcglobal:cbv:sdt:possessing_party",
                                "https://temso.vn/epcis/party/name/ch%E1%BB%A3%20b%C3%ACnh%20%C4%91i%E1%BB%81n"))
                .add(
                        "sourceList",
                        parties(
                                "source",
                                "https://ref.gs1.org/cbv/SDT-owning_party",
                                "https://temso.vn/epcis/party/0D6F7F0E-3B1C-4A52-9E55-1F0C2B3A4D5E")));
        assertEquals(CustodyStep.Step.SHIPPED_TO, s.step());
        assertEquals(new CustodyStep.Party("chợ bình điền", null, null), s.party(), "the name inside a Temso URI");
        assertEquals(
                new CustodyStep.Party(null, null, "0d6f7f0e-3b1c-4a52-9e55-1f0c2b3a4d5e"),
                s.from(),
                "a Temso cooperative, named later from the database");
    }

    @Test
    void shouldPreferTheOwningPartyThenThePossessingPartyThenTheLocation() {
        JsonArrayBuilder list = Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("type", "location")
                        .add("destination", "urn:epc:id:sgln:8930000.00003.0"))
                .add(Json.createObjectBuilder()
                        .add("type", "possessing_party")
                        .add("destination", "urn:epc:id:pgln:8930000.00004"))
                .add(Json.createObjectBuilder()
                        .add("type", "owning_party")
                        .add("destination", "https://example.com/not-a-party"));
        CustodyStep s = step(event("receiving").add("destinationList", list));
        assertEquals(Gtin13.of("893000000004"), s.party().gln(), "an owning party Temso cannot show is skipped");
    }

    @Test
    void shouldNeverShowAnAddressFromTheEventOnlyGlnsAndNames() {
        CustodyStep s = step(event("receiving")
                .add("destinationList", parties("destination", "owning_party", "https://evil.example/phish?x=1"))
                .add("bizLocation", Json.createObjectBuilder().add("id", "javascript:alert(1)")));
        assertNull(s.party(), "a URI that is neither a GLN nor a Temso party shows nobody");
        assertNull(s.place());
        assertNull(CustodyMapping.party("https://id.gs1.org/414/8930000000018"), "wrong check digit");
        assertNull(CustodyMapping.gln("urn:epc:id:sgln:893.0001.0"), "not 12 digits before the check digit");
        assertEquals(GLN, CustodyMapping.gln("https://resolver.example.vn/414/" + GLN + "/254/kho-2"));
        assertEquals(GLN, CustodyMapping.gln("https://id.gs1.org/417/" + GLN + "?linkType=all"));
    }

    @Test
    void shouldTakeThePlaceFromTheBusinessLocationWithItsName() {
        CustodyStep s = step(event("storing")
                .add("bizLocation", Json.createObjectBuilder().add("id", "urn:epc:id:sgln:8930000.00001.7"))
                .add("https://temso.vn/epcis/locationName", "Kho lạnh Bình Chánh"));
        assertEquals(new CustodyStep.Place("Kho lạnh Bình Chánh", GLN, null), s.place());
        assertNull(s.party());
        CustodyStep zone = step(event("inspecting")
                .add(
                        "bizLocation",
                        Json.createObjectBuilder().add("id", "https://temso.vn/epcis/zone/VN-LAN-TT-0012")));
        assertEquals(new CustodyStep.Place(null, null, "VN-LAN-TT-0012"), zone.place());
    }

    @Test
    void shouldLeaveOutAnEventThatDeclaresAnError() {
        JsonObject declared = event("receiving")
                .add(
                        "errorDeclaration",
                        Json.createObjectBuilder()
                                .add("declarationTime", "2026-11-22T00:00:00+07:00")
                                .add("reason", "incorrect_data"))
                .build();
        assertEquals(Optional.empty(), CustodyMapping.captured(declared, AT));
    }

    @Test
    void shouldCleanAndCutNamesButLeaveEscapingToThePage() {
        assertEquals("<script>alert(1)</script>", CustodyMapping.shown("<script>alert(1)</script>"));
        assertEquals("A B C", CustodyMapping.shown(" A\u0000B\n\tC "), "controls become spaces");
        assertEquals("evil", CustodyMapping.shown("e\u202Evi\u200Bl"), "no bidirectional override, no zero-width");
        assertNull(CustodyMapping.shown(" \u0007 "));
        String nfd = Normalizer.normalize("Hợp tác xã Thương mại Đồng Tháp", Normalizer.Form.NFD);
        assertEquals("Hợp tác xã Thương mại Đồng Tháp", CustodyMapping.shown(nfd), "NFC");
        String cut = CustodyMapping.shown("Đ".repeat(500));
        assertEquals(CustodyMapping.MAX_NAME, cut.codePointCount(0, cut.length()));
        assertTrue(cut.endsWith("…"));
        String emoji = CustodyMapping.shown("🍚".repeat(150));
        assertEquals(CustodyMapping.MAX_NAME, emoji.codePointCount(0, emoji.length()), "no pair split");
        assertTrue(emoji.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE));
    }

    @Test
    void shouldReadOnlyTheEssentialsOfALargeBody() {
        JsonArrayBuilder epcs = Json.createArrayBuilder();
        for (int i = 0; i < 10_000; i++) {
            epcs.add("https://id.gs1.org/01/08931234500016/21/S" + i);
        }
        String body = event("receiving")
                .add("epcList", epcs)
                .add("destinationList", parties("destination", "owning_party", "https://id.gs1.org/414/" + GLN))
                .add("temso:partyName", "Nhà phân phối Đồng Xanh")
                .add("ilmd", Json.createObjectBuilder().add("temso:note", "x"))
                .build()
                .toString();
        JsonObject essentials = CustodyMapping.essentials(body).orElseThrow();
        assertFalse(essentials.containsKey("epcList"));
        assertFalse(essentials.containsKey("ilmd"));
        assertFalse(essentials.containsKey("eventID"));
        assertEquals("receiving", essentials.getString("bizStep"));
        assertEquals(
                new CustodyStep.Party("Nhà phân phối Đồng Xanh", GLN, null),
                CustodyMapping.captured(essentials, AT).orElseThrow().party());
        assertEquals(Optional.empty(), CustodyMapping.essentials("[1,2]"));
        assertEquals(Optional.empty(), CustodyMapping.essentials("{\"bizStep\": "));
        assertEquals(Optional.empty(), CustodyMapping.essentials(""));
    }

    @Test
    void shouldReadAtMostTenPartiesOfAList() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (int i = 0; i < CustodyMapping.MAX_PARTIES; i++) {
            list.add(Json.createObjectBuilder().add("type", "owning_party").add("destination", "urn:x:" + i));
        }
        list.add(Json.createObjectBuilder()
                .add("type", "owning_party")
                .add("destination", "https://id.gs1.org/414/" + GLN));
        assertNull(step(event("receiving").add("destinationList", list)).party());
    }

    @Test
    void shouldMakeShippingAndReceivingDiaryEntriesSteps() {
        CustodyStep shipped = CustodyMapping.diary(EventType.SHIPPING, AT, "  Công ty TNHH Thực phẩm Sài Gòn ", GLN)
                .orElseThrow();
        assertEquals(CustodyStep.Step.SHIPPED_TO, shipped.step());
        assertEquals(new CustodyStep.Party("Công ty TNHH Thực phẩm Sài Gòn", GLN, null), shipped.party());
        assertFalse(shipped.partner());
        CustodyStep received =
                CustodyMapping.diary(EventType.RECEIVING, AT, null, GLN).orElseThrow();
        assertEquals(CustodyStep.Step.RECEIVED_FROM, received.step());
        assertEquals(new CustodyStep.Party(null, GLN, null), received.party());
        assertNull(CustodyMapping.diary(EventType.SHIPPING, AT, null, null)
                .orElseThrow()
                .party());
        assertEquals(Optional.empty(), CustodyMapping.diary(EventType.SPRAYING, AT, "x", null));
    }

    /** GLNs for the tests: 12 digits and their check digit. */
    private static final class Gtin13 {
        static String of(String twelve) {
            return vn.temso.gs1.Gtin.withCheckDigit(twelve);
        }
    }
}

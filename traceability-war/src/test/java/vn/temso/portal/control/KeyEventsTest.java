package vn.temso.portal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.epcis.entity.EventKind;
import vn.temso.portal.entity.PortalRecord;

class KeyEventsTest {

    static final List<String> KEY = List.of("commissioning", "harvesting", "packing", "shipping", "receiving");

    static KeyEvents.Row row(EventKind kind, String step, String body) {
        return new KeyEvents.Row(
                "urn:uuid:x", kind, "ObjectEvent", step, null, Instant.parse("2026-11-12T01:00:00Z"), null, null, body);
    }

    @Test
    void shouldNameStepsHoweverTheyAreWritten() {
        assertEquals("shipping", KeyEvents.stepName("shipping"));
        assertEquals("shipping", KeyEvents.stepName("urn:epcglobal:cbv:bizstep:shipping"));
        assertEquals("shipping", KeyEvents.stepName("https://ref.gs1.org/cbv/BizStep-shipping"));
        assertEquals("harvesting", KeyEvents.stepName("https://temso.vn/epcis/bizstep/harvesting"));
        assertNull(KeyEvents.stepName(null));
    }

    @Test
    void shouldKeepKeyStepsOnly() {
        assertTrue(KeyEvents.isKey(row(EventKind.DIARY, "https://temso.vn/epcis/bizstep/harvesting", "{}"), KEY));
        assertTrue(KeyEvents.isKey(row(EventKind.CAPTURED, "urn:epcglobal:cbv:bizstep:receiving", "{}"), KEY));
        assertFalse(KeyEvents.isKey(row(EventKind.DIARY, "https://temso.vn/epcis/bizstep/spraying", "{}"), KEY));
        assertFalse(KeyEvents.isKey(row(EventKind.DIARY, null, "{}"), KEY));
    }

    @Test
    void shouldNameTheOtherPartyOfShippingAndReceiving() {
        PortalRecord.KeyEvent received = KeyEvents.of(row(
                EventKind.CAPTURED,
                "receiving",
                "{\"sourceList\":[{\"type\":\"owning_party\",\"source\":"
                        + "\"https://temso.vn/epcis/party/name/Kho%20L%E1%BA%A1nh%20T%C3%A2n%20An\"}]}"));
        assertEquals("Kho Lạnh Tân An", received.partyName());
        assertNull(received.partyGln());
        assertTrue(received.byPartner());
        PortalRecord.KeyEvent packed = KeyEvents.of(row(
                EventKind.DIARY,
                "packing",
                "{\"destinationList\":[{\"destination\":\"https://id.gs1.org/414/8930000000019\"}]}"));
        assertNull(packed.partyGln(), "only a shipping or receiving names a party");
        assertNull(KeyEvents.of(row(EventKind.CAPTURED, "shipping", "not json")).partyName(), "kept as posted");
    }
}

package vn.temso.cooperative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.cooperative.entity.TaxId;
import vn.temso.platform.domain.InvalidField;

/** What a national-portal record names a producer by: its tax id (MST) and its GS1 GLN. */
class CooperativeIdentifiersTest {

    final Cooperative coop = new Cooperative("HTX Tân Trụ Xanh", CooperativeKind.COOPERATIVE, null, Instant.EPOCH);

    @Test
    void shouldAcceptTenAndThirteenDigitTaxIdsAndWriteBranchesWithTheHyphen() {
        assertEquals("0312345678", TaxId.normalize(" 0312345678 "));
        assertEquals("0312345678-001", TaxId.normalize("0312345678-001"));
        assertEquals("0312345678-001", TaxId.normalize("0312345678001"));
        assertNull(TaxId.normalize("  "));
        for (String bad :
                new String[] {"031234567", "03123456789", "0312345678-01", "0312345678 001", "MST0312345678"}) {
            InvalidField e = assertThrows(InvalidField.class, () -> TaxId.normalize(bad), bad);
            assertEquals("taxId", e.field());
        }
    }

    @Test
    void shouldKeepAGlnOnlyWithItsCheckDigit() {
        coop.identify("1101234567", " 8931234000011 ");
        assertEquals("8931234000011", coop.getGln());
        assertEquals("1101234567", coop.getTaxId());
        InvalidField wrongDigit = assertThrows(InvalidField.class, () -> coop.identify(null, "8931234000012"));
        assertEquals("gln", wrongDigit.field());
        assertEquals("GLN 8931234000012 has a wrong check digit: it should end with 1", wrongDigit.getMessage());
        assertEquals(
                "gln",
                assertThrows(InvalidField.class, () -> coop.identify(null, "893123400001"))
                        .field());
        assertEquals(
                "gln",
                assertThrows(InvalidField.class, () -> coop.identify(null, "08931234000011"))
                        .field());
        coop.identify(null, "");
        assertNull(coop.getGln());
        assertNull(coop.getTaxId());
    }
}

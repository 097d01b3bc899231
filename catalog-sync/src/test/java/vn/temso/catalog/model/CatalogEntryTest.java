package vn.temso.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CatalogEntryTest {

    @Test
    void shouldNormaliseDecomposedVietnameseToNfc() {
        String decomposed = Normalizer.normalize("Dừa sáp Cầu Kè", Normalizer.Form.NFD);
        CatalogEntry e =
                CatalogEntry.builder("x").title("  " + decomposed + " ").build();
        assertEquals("Dừa sáp Cầu Kè", e.title());
        assertTrue(Normalizer.isNormalized(e.title(), Normalizer.Form.NFC));
    }

    @Test
    void shouldDropControlCharactersXmlCannotCarryButKeepLineBreaks() {
        CatalogEntry e =
                CatalogEntry.builder("x").description("a\u0001b\nc\u0000").build();
        assertEquals("ab\nc", e.description());
    }

    @Test
    void shouldTreatBlankAsMissingAndRequireAnId() {
        assertNull(CatalogEntry.builder("x").brand("   ").build().brand());
        assertThrows(
                IllegalArgumentException.class, () -> CatalogEntry.builder(" ").build());
    }

    @Test
    void shouldClaimOcopOnlyUpToAndIncludingValidUntil() {
        OcopCertificate c = new OcopCertificate(4, LocalDate.of(2026, 11, 22));
        assertTrue(c.isValidOn(LocalDate.of(2026, 11, 22)));
        assertTrue(!c.isValidOn(LocalDate.of(2026, 11, 23)));
        assertEquals("OCOP 4 sao", c.label());
        assertThrows(IllegalArgumentException.class, () -> new OcopCertificate(2, LocalDate.of(2027, 1, 1)));
    }
}

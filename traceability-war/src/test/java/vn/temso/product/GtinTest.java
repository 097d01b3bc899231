package vn.temso.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.temso.platform.domain.InvalidField;
import vn.temso.product.entity.Gtin;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopGroup;
import vn.temso.product.entity.OcopLevel;

class GtinTest {

    @Test
    void shouldAcceptEveryGtinLengthAndPadToFourteen() {
        assertEquals("00000096385074", Gtin.normalize("96385074")); // GTIN-8
        assertEquals("00614141000036", Gtin.normalize("614141000036")); // GTIN-12 (UPC-A)
        assertEquals("08931234500016", Gtin.normalize("8931234500016")); // GTIN-13, GS1 Vietnam
        assertEquals("10614141000033", Gtin.normalize("10614141000033")); // GTIN-14
    }

    @Test
    void shouldRejectWrongCheckDigitsLengthsAndCharacters() {
        var e = assertThrows(InvalidField.class, () -> Gtin.normalize("8931234500017"));
        assertTrue(e.getMessage().contains("expected 6"), e.getMessage());
        assertFalse(Gtin.isValid("89312345000"));
        assertFalse(Gtin.isValid("89312345000A6"));
        assertFalse(Gtin.isValid(""));
        assertFalse(Gtin.isValid(null));
    }

    @Test
    void shouldComputeCheckDigitsWithAlternatingWeights() {
        assertEquals(6, vn.temso.gs1.Gtin.checkDigit("893123450001"));
        assertEquals(4, vn.temso.gs1.Gtin.checkDigit("9638507"));
    }

    @Test
    void shouldDeriveOcopValidityFromTheDecisionDate() {
        var c = new OcopCertificate(
                4,
                OcopGroup.FOOD,
                78,
                "1234/QĐ-UBND",
                LocalDate.of(2024, 3, 15),
                OcopLevel.PROVINCE,
                "UBND tỉnh Long An",
                null);
        assertEquals(LocalDate.of(2027, 3, 15), c.getValidUntil());
        assertTrue(c.isActiveOn(LocalDate.of(2027, 3, 15)));
        assertFalse(c.isActiveOn(LocalDate.of(2027, 3, 16)));
        assertFalse(c.isActiveOn(LocalDate.of(2024, 3, 14)));
        var explicit = new OcopCertificate(
                5,
                OcopGroup.FOOD,
                91,
                null,
                LocalDate.of(2023, 11, 20),
                OcopLevel.CENTRAL,
                null,
                LocalDate.of(2025, 1, 1));
        assertFalse(explicit.isActiveOn(LocalDate.of(2025, 6, 1)));
    }

    @Test
    void shouldRefuseStarsThatDoNotMatchTheScore() {
        assertEquals(3, OcopCertificate.starsFor(50));
        assertEquals(4, OcopCertificate.starsFor(89));
        assertEquals(5, OcopCertificate.starsFor(90));
        assertEquals(0, OcopCertificate.starsFor(49));
        assertEquals(
                "ocop",
                assertThrows(
                                InvalidField.class,
                                () -> new OcopCertificate(
                                        5, null, 62, null, LocalDate.of(2025, 1, 1), null, null, null))
                        .field());
        assertThrows(
                InvalidField.class,
                () -> new OcopCertificate(2, null, null, null, LocalDate.of(2025, 1, 1), null, null, null));
    }
}

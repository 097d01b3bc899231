package vn.temso.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GtinTest {

    @Test
    void shouldComputeCheckDigitsWithAlternatingWeightsFromTheRight() {
        assertEquals(3, Gtin.checkDigit("629104150021")); // GS1's worked example, GTIN-13 6291041500213
        assertEquals(6, Gtin.checkDigit("893123450001"));
        assertEquals(4, Gtin.checkDigit("9638507")); // GTIN-8 96385074
        assertEquals(5, Gtin.checkDigit("0089385010012"));
        assertThrows(IllegalArgumentException.class, () -> Gtin.checkDigit("12a"));
    }

    @Test
    void shouldAcceptEveryGtinLengthAndPadToFourteen() {
        assertEquals("00000096385074", Gtin.toGtin14("96385074"));
        assertEquals("00614141000036", Gtin.toGtin14("614141000036"));
        assertEquals("08931234500016", Gtin.toGtin14("8931234500016"));
        assertEquals("10614141000033", Gtin.toGtin14("10614141000033"));
        assertThrows(IllegalArgumentException.class, () -> Gtin.toGtin14("8931234500017"));
    }

    @Test
    void shouldNameTheFirstProblemInOrder() {
        assertNull(Gtin.problem("8931234500016"));
        assertEquals(Gtin.Problem.NOT_DIGITS, Gtin.problem(null));
        assertEquals(Gtin.Problem.NOT_DIGITS, Gtin.problem("89312345000A6"));
        assertEquals(Gtin.Problem.NOT_DIGITS, Gtin.problem("12a")); // digits are checked before the length
        assertEquals(Gtin.Problem.WRONG_LENGTH, Gtin.problem("89312345000"));
        assertEquals(Gtin.Problem.WRONG_LENGTH, Gtin.problem(""));
        assertEquals(Gtin.Problem.WRONG_CHECK_DIGIT, Gtin.problem("8931234500017"));
        assertEquals(6, Gtin.expectedCheckDigit("8931234500017"));
        assertTrue(Gtin.isValid("96385074"));
        assertFalse(Gtin.isValid("96385075"));
        assertEquals("8931234500016", Gtin.withCheckDigit("893123450001"));
    }
}

package vn.temso.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlnTest {

    @Test
    void shouldAcceptThirteenDigitsWithTheGs1CheckDigit() {
        assertNull(Gln.problem("8930000000019"));
        assertTrue(Gln.isValid("6291041500213")); // GS1's worked GTIN-13 example: GLNs use the same check digit
        assertFalse(Gln.isValid("8930000000018"));
    }

    @Test
    void shouldNameTheFirstProblemInOrder() {
        assertEquals(Gtin.Problem.NOT_DIGITS, Gln.problem(null));
        assertEquals(Gtin.Problem.NOT_DIGITS, Gln.problem("89300000000A9"));
        assertEquals(Gtin.Problem.WRONG_LENGTH, Gln.problem("893000000001"));
        assertEquals(Gtin.Problem.WRONG_LENGTH, Gln.problem("08930000000019"), "a GLN is never padded to 14");
        assertEquals(Gtin.Problem.WRONG_CHECK_DIGIT, Gln.problem("8930000000018"));
    }
}

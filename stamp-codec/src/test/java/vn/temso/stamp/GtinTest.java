package vn.temso.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GtinTest {

    @Test
    void shouldPadShorterGtinsToFourteenDigits() {
        assertEquals("00893850100125", Gtin.toGtin14("893850100125"));
        assertEquals("00893850100125", Gtin.toGtin14("0893850100125"));
        assertEquals("00893850100125", Gtin.toGtin14("00893850100125"));
        assertEquals("00000096385074", Gtin.toGtin14("96385074"));
    }

    @Test
    void shouldRejectWrongCheckDigitsLengthsAndCharacters() {
        assertThrows(InvalidStampException.class, () -> Gtin.toGtin14("00893850100126"));
        assertThrows(InvalidStampException.class, () -> Gtin.toGtin14("0089385010012"));
        assertThrows(InvalidStampException.class, () -> Gtin.toGtin14("0089385010012x"));
        assertThrows(InvalidStampException.class, () -> Gtin.requireGtin14("0893850100125"));
    }
}

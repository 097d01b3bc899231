package vn.temso.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AiValueTest {

    @Test
    void shouldHoldExactlyTheEightyTwoCharacters() {
        assertEquals(82, AiValue.CHARSET_82.length());
        assertEquals(82, AiValue.CHARSET_82.chars().distinct().count());
        assertTrue(AiValue.isCharset82('_'));
        assertFalse(AiValue.isCharset82(' '));
        assertFalse(AiValue.isCharset82('#'));
        assertFalse(AiValue.isCharset82('Đ'));
    }

    @Test
    void shouldFindTheFirstCharacterOutsideTheSet() {
        assertEquals(-1, AiValue.firstInvalidChar("L2025-11/A07"));
        assertEquals(2, AiValue.firstInvalidChar("HT 25"));
    }
}

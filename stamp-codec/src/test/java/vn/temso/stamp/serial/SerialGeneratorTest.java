package vn.temso.stamp.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.temso.stamp.Gs1Value;

class SerialGeneratorTest {

    @Test
    void shouldMakeTenCharacterUnambiguousGs1Serials() {
        SerialGenerator generator = new SerialGenerator();
        Set<String> seen = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String serial = generator.next();
            assertEquals(10, serial.length());
            Gs1Value.require("serial", serial);
            assertTrue(serial.chars().noneMatch(c -> "ILOU".indexOf(c) >= 0 || Character.isLowerCase(c)), serial);
            serial.chars().forEach(c -> used.add((char) c));
            seen.add(serial);
        }
        assertEquals(20_000, seen.size()); // 50 bits: a clash here has probability ~2e-7
        assertEquals(32, used.size());
        assertEquals(50, generator.entropyBits());
    }

    @Test
    void shouldHonourTheConfiguredLength() {
        assertEquals(8, new SerialGenerator(8, new SecureRandom()).next().length());
        assertThrows(IllegalArgumentException.class, () -> new SerialGenerator(21, new SecureRandom()));
        assertThrows(IllegalArgumentException.class, () -> new SerialGenerator(0, new SecureRandom()));
    }

    @Test
    void shouldUseEveryLetterEquallyOftenAtEveryPosition() {
        // 20 characters cross a draw of random bits (12 characters each): no position may be biased or constant
        SerialGenerator generator = new SerialGenerator(20, new SecureRandom());
        int[][] counts = new int[20][32];
        for (int n = 0; n < 32_000; n++) {
            String serial = generator.next();
            for (int p = 0; p < 20; p++) {
                counts[p][SerialGenerator.ALPHABET.indexOf(serial.charAt(p))]++;
            }
        }
        for (int p = 0; p < 20; p++) {
            for (int letter = 0; letter < 32; letter++) {
                // expected 1,000, standard deviation ~31: 800..1,200 is more than 6 deviations either side
                assertTrue(
                        counts[p][letter] > 800 && counts[p][letter] < 1200,
                        "position " + p + " letter " + SerialGenerator.ALPHABET.charAt(letter) + ": "
                                + counts[p][letter]);
            }
        }
    }
}

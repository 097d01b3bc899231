package vn.temso.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DigitalLinkTest {

    private static final String G = "08931234500016";

    @Test
    void shouldParseTheProductTheLotAndTheSerialLevels() {
        assertEquals(new DigitalLink(G, null, null, null), DigitalLink.parse("/01/" + G));
        assertEquals(new DigitalLink(G, null, "L1", null), DigitalLink.parse("/01/" + G + "/10/L1/"));
        DigitalLink item = DigitalLink.parse("/01/" + G + "/22/V1/10/L1/21/S1");
        assertEquals("V1", item.cpv());
        assertEquals("S1", item.serial());
        assertEquals(new DigitalLink(G, null, "L1", null), item.batch());
        assertEquals("/01/" + G, item.product().keyPath());
        assertNull(DigitalLink.parse("/01/" + G + "/21/S1").batch());
    }

    @Test
    void shouldWriteOneCanonicalSpellingWhateverThePathSaid() {
        DigitalLink lower = DigitalLink.parse("/01/" + G + "/10/HT%2f25%3A01");
        assertEquals("HT/25:01", lower.lot());
        assertEquals("/01/" + G + "/10/HT%2F25%3A01", lower.keyPath());
        assertEquals(lower, DigitalLink.parse("/01/" + G + "/10/%48T%2F25%3a01"));
    }

    @Test
    void shouldNameTheRuleANonConformantPathBreaks() {
        assertProblem(DigitalLinkException.Problem.EXTRA_SEGMENT, "/01/" + G + "/10/L1/foo");
        assertProblem(DigitalLinkException.Problem.EXTRA_SEGMENT, "/01/" + G + "/foo");
        assertProblem(DigitalLinkException.Problem.EXTRA_SEGMENT, "/01");
        assertProblem(DigitalLinkException.Problem.GTIN, "/01/08931234500017");
        assertProblem(DigitalLinkException.Problem.GTIN, "/01/8931234500016");
        assertProblem(DigitalLinkException.Problem.GTIN, "/01/0893123450001A");
        assertProblem(DigitalLinkException.Problem.QUALIFIER_ORDER, "/01/" + G + "/21/S1/10/L1");
        assertProblem(DigitalLinkException.Problem.QUALIFIER_ORDER, "/01/" + G + "/10/L1/10/L2");
        assertProblem(DigitalLinkException.Problem.UNKNOWN_QUALIFIER, "/01/" + G + "/17/261231");
        assertProblem(DigitalLinkException.Problem.NO_PRIMARY_KEY, "/414/" + G);
        assertProblem(DigitalLinkException.Problem.BAD_VALUE, "/01/" + G + "/10//");
        assertProblem(DigitalLinkException.Problem.BAD_VALUE, "/01/" + G + "/10/ABCDEFGHIJKLMNOPQRSTU");
        assertProblem(DigitalLinkException.Problem.BAD_VALUE, "/01/" + G + "/10/L%C3%A9");
        assertProblem(DigitalLinkException.Problem.BAD_VALUE, "/01/" + G + "/10/L%2");
        assertProblem(DigitalLinkException.Problem.TOO_LONG, "/01/" + G + "/10/" + "A".repeat(300));
    }

    private static void assertProblem(DigitalLinkException.Problem expected, String path) {
        DigitalLinkException e = assertThrows(DigitalLinkException.class, () -> DigitalLink.parse(path), path);
        assertEquals(expected, e.problem(), path + ": " + e.getMessage());
    }
}

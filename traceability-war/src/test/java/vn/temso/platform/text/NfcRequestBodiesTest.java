package vn.temso.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NfcRequestBodiesTest {

    @Test
    void depthCountsArraysAndObjectsButNotBracketsInStrings() {
        assertEquals(0, NfcRequestBodies.depth("null"));
        assertEquals(1, NfcRequestBodies.depth("{\"a\":\"[[[[{{{\"}"));
        assertEquals(1, NfcRequestBodies.depth("{\"a\":\"\\\"[[[\"}"));
        assertEquals(5, NfcRequestBodies.depth("{\"coordinates\":[[[[1,2]]]]}"));
        assertEquals(2, NfcRequestBodies.depth("[[],[],{}]"));
    }

    @Test
    void depthStopsCountingPastTheLimit() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals(NfcRequestBodies.MAX_JSON_DEPTH + 1, NfcRequestBodies.depth(deep));
    }
}

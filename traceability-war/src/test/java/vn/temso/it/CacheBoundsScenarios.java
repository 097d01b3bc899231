package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 2: the verified-stamp cache is keyed by the signed stamp, not by the URL as sent. Thousands of
 * junk-parameter variants of one stamp verify as that stamp (one cache entry; the memory itself is measured by
 * bench/trace-abuse.sh), and nothing that differs in what is signed or in the signature is answered from it.
 */
public abstract class CacheBoundsScenarios extends ApiScenarios {

    private static final String MANAGER = StampScenarios.MANAGER;
    private static final String BASE = StampScenarios.BASE;

    /** Issues stamps for a fresh batch and waits for the job; returns the batch. */
    private static JsonNode issued(int count) {
        return Fixtures.issuedBatch(api, MANAGER, count);
    }

    private static JsonNode stamps(JsonNode batch) {
        return api.get(MANAGER, "/api/batches/" + batch.get("id").asText() + "/stamps?size=200")
                .json();
    }

    private static String local(String stampUrl) {
        return Fixtures.local(stampUrl);
    }

    private static JsonNode traceJson(String path) {
        Api.Reply r = api.request("GET", path).accept("application/json").send();
        assertEquals(200, r.status(), path);
        return r.json();
    }

    private static String text(String path) {
        return api.request("GET", path).accept("text/html").send().text();
    }

    @Test
    void shouldVerifyTwoThousandJunkParameterVariantsOfOneStampAsThatStamp() throws Exception {
        JsonNode batch = issued(2);
        String stamp = local(stamps(batch).at("/items/0/url").asText());
        String pad = "x".repeat(500);
        for (int i = 0; i < 2_000; i++) {
            JsonNode r = traceJson(stamp + "&junk" + i + "=" + i + pad);
            // signature verified, the product shown; one network, so the clone rules never flag it
            assertEquals("GENUINE", r.get("verdict").asText(), r.toString());
            assertTrue(r.hasNonNull("product"), r.toString());
        }
    }

    @Test
    void shouldNeverAnswerAnAlteredSignatureFromTheRememberedGenuineStamp() throws Exception {
        JsonNode batch = issued(2);
        String first = local(stamps(batch).at("/items/0/url").asText());
        String second = local(stamps(batch).at("/items/1/url").asText());
        assertEquals(
                "GENUINE", traceJson(first + "&utm_source=a").get("verdict").asText()); // remembered now
        char last = first.charAt(first.length() - 1);
        String altered = first.substring(0, first.length() - 1) + (last == 'A' ? 'Q' : 'A');
        for (String url : new String[] {altered, altered + "&utm_source=a", altered + "&junk=1"}) {
            JsonNode r = traceJson(url);
            assertEquals("NOT_GENUINE", r.get("verdict").asText(), url);
            assertEquals("BAD_SIGNATURE", r.get("reason").asText(), url);
            assertFalse(r.hasNonNull("product"), "a forged URL never shows product data");
        }
        // the second stamp's signature on the first stamp's path
        String swapped = first.substring(0, first.indexOf("?8030=")) + second.substring(second.indexOf("?8030="));
        assertEquals("NOT_GENUINE", traceJson(swapped).get("verdict").asText());
        assertEquals("GENUINE", traceJson(first).get("verdict").asText());
    }

    @Test
    void shouldNameTheLotAsIssuedWhateverSpellingOfItsPathWasAskedFor() throws Exception {
        JsonNode batch = issued(1);
        String stamp = local(stamps(batch).at("/items/0/url").asText());
        String lotPath = stamp.substring(0, stamp.indexOf("/21/"));
        String lot = batch.get("lotCode").asText();
        // the lot page with the lot's first letter percent-encoded: the same lot, decoded by the servlet
        String spelled = lotPath.replace(
                "/10/" + lot, "/10/%" + Integer.toHexString(lot.charAt(0)).toUpperCase() + lot.substring(1));
        assertNotEquals(lotPath, spelled);
        String page = text(spelled);
        int at = page.indexOf("<script type=\"application/ld+json\">");
        assertTrue(at > 0, page);
        String ld = page.substring(at, page.indexOf("</script>", at));
        assertTrue(ld.contains("\"" + BASE + lotPath + "\""), "the JSON-LD names the lot URL as issued: " + ld);
        assertFalse(ld.contains(spelled), "not the spelling asked for: " + ld);
    }
}

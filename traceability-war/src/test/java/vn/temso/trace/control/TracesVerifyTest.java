package vn.temso.trace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.temso.stamp.StampSigner;
import vn.temso.stamp.Verdict;
import vn.temso.stamp.key.KeyLookup;
import vn.temso.stamp.key.SigningKey;
import vn.temso.stamp.key.SigningKeys;
import vn.temso.stamping.control.StampKeys;

/** The verified-stamp cache of {@link Traces#verify}: keyed by the signed stamp, not by the URL as sent. */
class TracesVerifyTest {

    private static final String BASE = "https://tem.example.vn";
    private final SigningKey key = SigningKeys.generate();
    private final KeyLookup lookup = kid -> kid.equals(key.kid()) ? Optional.of(key.stampKey()) : Optional.empty();
    private final Traces traces = new Traces();
    private final String genuine = new StampSigner(key).sign(BASE, "08931234500016", "L-01", "SERIAL0001");

    TracesVerifyTest() {
        traces.baseUrl = BASE;
        traces.keys = new StampKeys() {
            @Override
            public KeyLookup lookup() {
                return lookup;
            }
        };
    }

    @Test
    void shouldRememberEveryJunkParameterVariantOfOneStampAsOneEntry() {
        for (int i = 0; i < 2_000; i++) {
            String url = genuine + "&junk" + i + "=" + "x".repeat(1_000);
            assertEquals(Verdict.GENUINE, traces.verify(url).verdict(), url);
        }
        assertEquals(
                Verdict.GENUINE,
                traces.verify("HTTPS://TEM.EXAMPLE.VN" + genuine.substring(BASE.length()) + "&utm_source=x")
                        .verdict());
        assertEquals(Verdict.GENUINE, traces.verify(genuine).verdict());
        assertEquals(1, traces.rememberedStamps());
    }

    @Test
    void shouldNeverAnswerAnotherSignatureFromTheRememberedGenuineStamp() {
        assertEquals(Verdict.GENUINE, traces.verify(genuine + "&a=1").verdict());
        // the last signature character changed (still canonical base64url: A <-> Q flip a data bit)
        char last = genuine.charAt(genuine.length() - 1);
        String altered = genuine.substring(0, genuine.length() - 1) + (last == 'A' ? 'Q' : 'A');
        assertEquals(Verdict.BAD_SIGNATURE, traces.verify(altered).verdict());
        assertEquals(Verdict.BAD_SIGNATURE, traces.verify(altered + "&a=1").verdict());
        // the same signature over another serial
        assertEquals(
                Verdict.BAD_SIGNATURE,
                traces.verify(genuine.replace("SERIAL0001", "SERIAL0002")).verdict());
        assertEquals(1, traces.rememberedStamps()); // nothing but the genuine stamp is kept
    }

    @Test
    void shouldSayMalformedForAnUnparsableUrlAsBefore() {
        assertEquals(
                Verdict.MALFORMED,
                traces.verify(BASE + "/01/08931234500016/10/L-01/21/X").verdict());
        assertTrue(traces.rememberedStamps() == 0);
    }

    @Test
    void shouldBoundTheGenuineCacheByEntriesAndBytes() {
        var c = Traces.genuineCache();
        var policy = c.policy().eviction().orElseThrow();
        assertTrue(policy.isWeighted());
        assertTrue(policy.getMaximum() <= Traces.MAX_GENUINE_BYTES); // entries bounded too: see BoundedTest
    }
}

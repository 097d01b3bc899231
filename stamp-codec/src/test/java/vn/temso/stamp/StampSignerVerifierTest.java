package vn.temso.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.temso.stamp.key.Jwks;
import vn.temso.stamp.key.SigningKey;
import vn.temso.stamp.key.SigningKeys;

class StampSignerVerifierTest {

    private static final String BASE = "https://truyxuat.example.com";
    private static final String GTIN = "00893850100125";

    @Test
    void shouldVerifyWhatItSigns() {
        SigningKey key = SigningKeys.generate();
        String url = new StampSigner(key).sign(BASE, "0893850100125", "L2025-11-A07", "7K3M9QXR2D");
        assertTrue(url.startsWith(BASE + "/01/" + GTIN + "/10/L2025-11-A07/21/7K3M9QXR2D?8030=" + key.kid()), url);
        Verification result = new StampVerifier(new Jwks(List.of(key.stampKey()))).verify(url);
        assertEquals(Verdict.GENUINE, result.verdict(), result.reason());
        assertEquals("7K3M9QXR2D", result.stamp().serial());
    }

    @Test
    void shouldSignTheNormalisedBaseUrl() {
        SigningKey key = StampVectors.key("active");
        String url = new StampSigner(key).sign("HTTPS://TruyXuat.Example.com/", GTIN, "L2025-11-A07", "7K3M9QXR2D");
        assertEquals(StampVectors.canonical().get("url").asText(), url);
    }

    @Test
    void shouldRejectEverySingleCharacterChangeExceptCaseInSchemeAndHost() {
        SigningKey key = StampVectors.key("active");
        StampVerifier verifier = new StampVerifier(new Jwks(List.of(key.stampKey())));
        String url = new StampSigner(key).sign(BASE, GTIN, "HT/25:01", "7K3M9QXR2D");
        assertTrue(verifier.verify(url).isGenuine());
        int originLength = BASE.length();
        List<String> accepted = new ArrayList<>();
        int changes = 0;
        for (int i = 0; i < url.length(); i++) {
            for (char c = ' '; c <= '~'; c++) {
                char original = url.charAt(i);
                if (c == original) {
                    continue;
                }
                String changed = url.substring(0, i) + c + url.substring(i + 1);
                changes++;
                boolean genuine = verifier.verify(changed).isGenuine();
                // RFC 3986 6.2.2.1: scheme and host are case-insensitive, so the signed bytes use them lower-cased
                boolean caseOnlyInOrigin = i < originLength && Character.toLowerCase(c) == original;
                if (caseOnlyInOrigin) {
                    assertTrue(genuine, "case change in the origin must verify: " + changed);
                } else if (genuine) {
                    accepted.add(changed);
                }
            }
        }
        assertEquals(List.of(), accepted);
        assertTrue(changes > 15_000, "changes tried: " + changes);
    }

    @Test
    void shouldNotVerifyWithAnotherKeyUnderTheSameKid() {
        SigningKey signer = StampVectors.key("active");
        SigningKey other = StampVectors.key("unpublished");
        String url = new StampSigner(signer).sign(BASE, GTIN, "L1", "S1");
        // a lookup that maps the signer's kid to the wrong public key
        Verification result = new StampVerifier(
                        kid -> Optional.of(vn.temso.stamp.key.StampKey.active(kid, other.publicKey())))
                .verify(url);
        assertEquals(Verdict.BAD_SIGNATURE, result.verdict());

        // the verifier caches decoded keys by kid; a lookup that now answers another key must be honoured
        java.util.concurrent.atomic.AtomicReference<SigningKey> current =
                new java.util.concurrent.atomic.AtomicReference<>(signer);
        StampVerifier verifier = new StampVerifier(kid -> Optional.of(
                vn.temso.stamp.key.StampKey.active(kid, current.get().publicKey())));
        assertEquals(Verdict.GENUINE, verifier.verify(url).verdict());
        current.set(other);
        assertEquals(Verdict.BAD_SIGNATURE, verifier.verify(url).verdict());
    }

    @Test
    void shouldReportRevokedAndUnknownKeys() {
        SigningKey active = SigningKeys.generate();
        SigningKey revoked = StampVectors.key("revoked");
        Jwks jwks =
                new Jwks(List.of(active.stampKey(), revoked.stampKey().revoke(Instant.parse("2026-01-15T00:00:00Z"))));
        StampVerifier verifier = new StampVerifier(jwks);

        Verification revokedResult = verifier.verify(new StampSigner(revoked).sign(BASE, GTIN, "L1", "S1"));
        assertEquals(Verdict.KEY_REVOKED, revokedResult.verdict());
        assertTrue(revokedResult.reason().contains("2026-01-15T00:00:00Z"), revokedResult.reason());

        Verification unknown =
                verifier.verify(new StampSigner(StampVectors.key("unpublished")).sign(BASE, GTIN, "L1", "S1"));
        assertEquals(Verdict.UNKNOWN_KEY, unknown.verdict());
        assertEquals("FVV", unknown.stamp().kid());
    }

    @Test
    void shouldRejectStampsOutsideTheExpectedBaseUrl() {
        SigningKey key = StampVectors.key("active");
        Jwks jwks = new Jwks(List.of(key.stampKey()));
        String url = new StampSigner(key).sign("https://evil.example", GTIN, "L1", "S1");
        assertTrue(new StampVerifier(jwks).verify(url).isGenuine());
        Verification result = new StampVerifier(jwks, BASE).verify(url);
        assertEquals(Verdict.MALFORMED, result.verdict());
        assertTrue(result.reason().contains(BASE), result.reason());
        assertTrue(new StampVerifier(jwks, BASE)
                .verify(new StampSigner(key).sign(BASE, GTIN, "L1", "S1"))
                .isGenuine());
    }

    @Test
    void shouldGiveAReasonAndNeverThrowForGarbage() {
        StampVerifier verifier = new StampVerifier(StampVectors.jwks());
        for (String garbage :
                new String[] {"", "not a url", "https://", "https://x/01?8030=", "\u0000", "https://a.example/01/"}) {
            Verification result = verifier.verify(garbage);
            assertEquals(Verdict.MALFORMED, result.verdict());
            assertFalse(result.reason().isBlank());
            assertTrue(result.decoded().isEmpty());
        }
        assertEquals(Verdict.MALFORMED, verifier.verify((String) null).verdict());
    }

    @Test
    void shouldRefuseToSignInvalidIdentifiers() {
        StampSigner signer = new StampSigner(SigningKeys.generate());
        assertThrows(InvalidStampException.class, () -> signer.sign(BASE, "00893850100126", "L", "S"));
        assertThrows(InvalidStampException.class, () -> signer.sign(BASE, GTIN, "L", "S~"));
        assertThrows(InvalidStampException.class, () -> signer.sign(BASE, GTIN, "123456789012345678901", "S"));
        assertThrows(InvalidStampException.class, () -> signer.sign("trace.example.com", GTIN, "L", "S"));
        assertNotEquals(signer.sign(BASE, GTIN, "L", "S1"), signer.sign(BASE, GTIN, "L", "S2"));
    }
}

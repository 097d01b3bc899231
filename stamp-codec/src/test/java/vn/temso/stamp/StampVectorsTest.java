package vn.temso.stamp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.temso.stamp.key.Jwks;
import vn.temso.stamp.key.SigningKey;

/** The published vectors, checked with Temso's verifier and independently with the JDK's own Ed25519. */
class StampVectorsTest {

    static Stream<StampVectors.Vector> vectors() {
        return StampVectors.vectors().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void shouldGiveTheDocumentedVerdict(StampVectors.Vector vector) {
        Verification result = new StampVerifier(StampVectors.jwks()).verify(vector.url());
        assertEquals(vector.verdict(), result.verdict(), result.reason());
        if (vector.node().has("serial")) {
            assertEquals(vector.node().get("gtin14").asText(), result.stamp().gtin14());
            assertEquals(vector.node().get("lot").asText(), result.stamp().lot());
            assertEquals(vector.node().get("serial").asText(), result.stamp().serial());
        }
    }

    @Test
    void shouldReproduceTheVectorSignatureAndUrl() {
        JsonNode c = StampVectors.canonical();
        StampUrl stamp = new StampSigner(StampVectors.key("active"))
                .signStamp(
                        c.get("baseUrl").asText(),
                        c.get("gtin14").asText(),
                        c.get("lot").asText(),
                        c.get("serial").asText());
        assertEquals(c.get("url").asText(), stamp.toUrl());
        assertEquals(
                c.get("signatureBase64url").asText(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(stamp.signature()));
        assertEquals(c.get("signedText").asText(), new String(stamp.signedBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void shouldDeriveKidsFromRfc7638Thumbprints() {
        // RFC 8037 appendix A.3 gives this thumbprint for the RFC 8032 test 1 key
        SigningKey key = StampVectors.key("active");
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", Jwks.thumbprint(key.publicKey()));
        assertEquals("kPr", key.kid());
        for (JsonNode jwk : StampVectors.ROOT.get("testKeys")) {
            byte[] x = Base64.getUrlDecoder().decode(jwk.get("x").asText());
            assertEquals(jwk.get("thumbprint").asText(), Jwks.thumbprint(x));
            assertEquals(jwk.get("kid").asText(), jwk.get("thumbprint").asText().substring(0, 3));
        }
    }

    @Test
    void shouldAgreeWithTheJdkEd25519OnEveryVector() throws Exception {
        // independent of Temso's verifier: keys straight from the JWKS JSON, signed text rebuilt by hand
        JsonNode jwks = StampVectors.ROOT.get("jwks");
        int checked = 0;
        for (StampVectors.Vector vector : StampVectors.vectors()) {
            StampUrl stamp;
            try {
                stamp = StampUrl.parse(vector.url());
            } catch (InvalidStampException e) {
                assertEquals(Verdict.MALFORMED, vector.verdict(), vector.name());
                continue;
            }
            String x = publishedX(jwks, stamp.kid());
            if (x == null) {
                assertEquals(Verdict.UNKNOWN_KEY, vector.verdict(), vector.name());
                continue;
            }
            String text = "temso-stamp-v1\n" + stamp.baseUrl() + "\n" + stamp.gtin14() + "\n" + stamp.lot() + "\n"
                    + stamp.serial() + "\n" + stamp.kid();
            byte[] message = text.getBytes(StandardCharsets.UTF_8);
            boolean jdk = jdkVerify(x, message, stamp.signature());
            assertEquals(bouncyCastleVerify(x, message, stamp.signature()), jdk, vector.name());
            if (vector.verdict() == Verdict.GENUINE) {
                assertTrue(jdk, vector.name());
            } else if (vector.verdict() == Verdict.BAD_SIGNATURE) {
                assertFalse(jdk, vector.name());
            }
            checked++;
        }
        assertEquals(10, checked);
    }

    @Test
    void shouldSignIdenticallyWithTheJdk() throws Exception {
        for (String role : List.of("active", "revoked", "unpublished")) {
            JsonNode jwk = testKey(role);
            byte[] seed = Base64.getUrlDecoder().decode(jwk.get("d").asText());
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            byte[] message = StampUrl.signedBytes(
                    "https://truyxuat.example.com",
                    "00893850100125",
                    "L1",
                    "S1",
                    jwk.get("kid").asText());
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(privateKey);
            jdk.update(message);
            assertArrayEquals(jdk.sign(), StampVectors.key(role).sign(message), role);
        }
    }

    static boolean jdkVerify(String x, byte[] message, byte[] signature) throws Exception {
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkPublicKey(Base64.getUrlDecoder().decode(x)));
        jdk.update(message);
        return jdk.verify(signature);
    }

    /** RFC 8032 5.1.3: little-endian y with the sign of x in the top bit of the last byte. */
    static PublicKey jdkPublicKey(byte[] encoded) throws Exception {
        byte[] bytes = encoded.clone();
        boolean xOdd = (bytes[31] & 0x80) != 0;
        bytes[31] &= 0x7F;
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = bytes[31 - i];
        }
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }

    private static boolean bouncyCastleVerify(String x, byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(
                false, new Ed25519PublicKeyParameters(Base64.getUrlDecoder().decode(x), 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private static String publishedX(JsonNode jwks, String kid) {
        for (String member : List.of("keys", "revoked")) {
            for (JsonNode key : jwks.path(member)) {
                if (key.get("kid").asText().equals(kid)) {
                    return key.get("x").asText();
                }
            }
        }
        return null;
    }

    private static JsonNode testKey(String role) {
        for (JsonNode jwk : StampVectors.ROOT.get("testKeys")) {
            if (jwk.get("role").asText().equals(role)) {
                return jwk;
            }
        }
        throw new IllegalArgumentException(role);
    }
}

package vn.temso.stamp.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.stamp.StampSigner;
import vn.temso.stamp.StampVerifier;
import vn.temso.stamp.Verdict;

class JwksTest {

    private static final Instant REVOKED_AT = Instant.parse("2026-01-15T00:00:00Z");

    @Test
    void shouldWriteRfc8037JwksWithRevokedKeysOutsideKeys() throws Exception {
        SigningKey active = SigningKeys.generate();
        SigningKey revoked = SigningKeys.generate();
        String json = new Jwks(List.of(active.stampKey(), revoked.stampKey().revoke(REVOKED_AT))).toJson();

        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(1, root.get("keys").size());
        JsonNode jwk = root.get("keys").get(0);
        assertEquals("OKP", jwk.get("kty").asText());
        assertEquals("Ed25519", jwk.get("crv").asText());
        assertEquals("sig", jwk.get("use").asText());
        assertEquals("EdDSA", jwk.get("alg").asText());
        assertEquals(active.kid(), jwk.get("kid").asText());
        assertEquals(
                Base64.getUrlEncoder().withoutPadding().encodeToString(active.publicKey()),
                jwk.get("x").asText());
        assertFalse(jwk.has("d"));
        assertEquals(revoked.kid(), root.get("revoked").get(0).get("kid").asText());
        assertEquals(
                "2026-01-15T00:00:00Z",
                root.get("revoked").get(0).get("revokedAt").asText());
    }

    @Test
    void shouldRoundTrip() {
        SigningKey active = SigningKeys.generate();
        Jwks jwks = new Jwks(List.of(active.stampKey(), StampKey.revoked("abc", null, REVOKED_AT)));
        Jwks read = Jwks.parse(jwks.toJson());
        assertEquals(jwks.keys(), read.keys());
        assertEquals(jwks.toJson(), read.toJson());
    }

    @Test
    void shouldLetAThirdPartyHoldingOnlyTheJsonVerify() {
        SigningKey key = SigningKeys.generate();
        String url = new StampSigner(key).sign("https://truyxuat.example.com", "00893850100125", "L1", "S1");
        String published = new Jwks(List.of(key.stampKey())).toJson();
        // nothing shared but two strings
        assertEquals(
                Verdict.GENUINE,
                new StampVerifier(Jwks.parse(published)).verify(url).verdict());
    }

    @Test
    void shouldIgnoreKeysOfOtherTypesAndReadForeignMembers() {
        String json = """
                {"keys": [
                  {"kty": "EC", "crv": "P-256", "kid": "ec1", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"},
                  {"kty": "OKP", "crv": "X25519", "kid": "xdh", "x": "hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo"},
                  {"kty": "OKP", "crv": "Ed25519", "kid": "kPr", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "use": "sig", "alg": "EdDSA"}
                ], "issuer": "ignored"}""";
        Jwks jwks = Jwks.parse(json);
        assertEquals(1, jwks.keys().size());
        assertTrue(jwks.find("kPr").isPresent());
        assertTrue(jwks.find("ec1").isEmpty());
    }

    @Test
    void shouldExplainInvalidDocuments() {
        assertThrows(InvalidJwksException.class, () -> Jwks.parse("not json"));
        assertThrows(InvalidJwksException.class, () -> Jwks.parse("{}"));
        assertThrows(InvalidJwksException.class, () -> Jwks.parse("[]"));
        assertThrows(
                InvalidJwksException.class,
                () -> Jwks.parse("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"a\",\"x\":\"AAAA\"}]}"));
        assertThrows(
                InvalidJwksException.class,
                () -> Jwks.parse(
                        "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}"));
        assertThrows(
                InvalidJwksException.class,
                () -> Jwks.parse("{\"keys\":[],\"revoked\":[{\"kid\":\"a\",\"revokedAt\":\"yesterday\"}]}"));
        InvalidJwksException duplicate = assertThrows(
                InvalidJwksException.class,
                () -> Jwks.parse(
                        "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"kPr\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}],"
                                + "\"revoked\":[{\"kid\":\"kPr\",\"revokedAt\":\"2026-01-15T00:00:00Z\"}]}"));
        assertTrue(duplicate.getMessage().contains("kPr"));
    }
}

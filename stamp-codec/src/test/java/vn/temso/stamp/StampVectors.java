package vn.temso.stamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import vn.temso.stamp.key.Jwks;
import vn.temso.stamp.key.SigningKey;
import vn.temso.stamp.key.SigningKeys;

/** The published test vectors (src/test/resources/stamp-vectors.json, also in docs/stamp-format.md). */
public final class StampVectors {

    public static final JsonNode ROOT = load();

    private StampVectors() {}

    public record Vector(String name, String url, Verdict verdict, JsonNode node) {}

    /** Test key by role: "active", "revoked" or "unpublished". */
    public static SigningKey key(String role) {
        for (JsonNode jwk : ROOT.get("testKeys")) {
            if (jwk.get("role").asText().equals(role)) {
                return SigningKeys.fromSeed(
                        Base64.getUrlDecoder().decode(jwk.get("d").asText()));
            }
        }
        throw new IllegalArgumentException("no test key " + role);
    }

    public static String jwksJson() {
        return ROOT.get("jwks").toString();
    }

    public static Jwks jwks() {
        return Jwks.parse(jwksJson());
    }

    public static JsonNode canonical() {
        return ROOT.get("canonical");
    }

    public static List<Vector> vectors() {
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode v : ROOT.get("vectors")) {
            vectors.add(new Vector(
                    v.get("name").asText(),
                    v.get("url").asText(),
                    Verdict.valueOf(v.get("verdict").asText()),
                    v));
        }
        return vectors;
    }

    private static JsonNode load() {
        try (InputStream in = StampVectors.class.getResourceAsStream("/stamp-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

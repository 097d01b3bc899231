package vn.temso.stamp.key;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published key set ({@code /.well-known/jwks.json}): active keys in {@code "keys"} as RFC 8037 OKP/Ed25519 JWKs
 * with {@code kid}, {@code use: "sig"}, {@code alg: "EdDSA"}; revoked keys are NOT in {@code "keys"} (so a generic
 * JWKS consumer never trusts them) but in the extra top-level member
 * {@code "revoked": [{"kid", "x", "revokedAt"}]}, which RFC 7517 section 5 tells other consumers to ignore.
 */
public final class Jwks implements KeyLookup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, StampKey> byKid = new LinkedHashMap<>();

    /** A key set of active and revoked keys; key ids must be unique. */
    public Jwks(List<StampKey> keys) {
        for (StampKey key : keys) {
            if (!key.isRevoked() && key.publicKey() == null) {
                throw new InvalidJwksException("active key " + key.kid() + " has no public key");
            }
            if (byKid.putIfAbsent(key.kid(), key) != null) {
                throw new InvalidJwksException("key id " + key.kid() + " appears more than once");
            }
        }
    }

    /** Reads a JWKS JSON document. Keys that are not OKP/Ed25519 signing keys are skipped. */
    public static Jwks parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidJwksException("JWKS is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("keys").isArray()) {
            throw new InvalidJwksException("JWKS must be a JSON object with a \"keys\" array");
        }
        List<StampKey> keys = new ArrayList<>();
        for (JsonNode jwk : root.get("keys")) {
            if (!"OKP".equals(jwk.path("kty").asText())
                    || !"Ed25519".equals(jwk.path("crv").asText())
                    || jwk.has("use") && !"sig".equals(jwk.path("use").asText())
                    || jwk.has("alg") && !"EdDSA".equals(jwk.path("alg").asText())) {
                continue;
            }
            keys.add(StampKey.active(requiredText(jwk, "kid"), decodeX(requiredText(jwk, "x"))));
        }
        JsonNode revoked = root.path("revoked");
        if (!revoked.isMissingNode()) {
            if (!revoked.isArray()) {
                throw new InvalidJwksException("JWKS \"revoked\" must be an array");
            }
            for (JsonNode entry : revoked) {
                byte[] x = entry.hasNonNull("x") ? decodeX(entry.get("x").asText()) : null;
                keys.add(StampKey.revoked(requiredText(entry, "kid"), x, instant(requiredText(entry, "revokedAt"))));
            }
        }
        return new Jwks(keys);
    }

    /** Reads a JWKS file (UTF-8). */
    public static Jwks read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The JWKS JSON document, for {@code /.well-known/jwks.json}. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode keys = root.putArray("keys");
        ArrayNode revoked = JSON.createArrayNode();
        for (StampKey key : byKid.values()) {
            if (key.isRevoked()) {
                ObjectNode entry = revoked.addObject();
                entry.put("kid", key.kid());
                if (key.publicKey() != null) {
                    entry.put("x", B64.encodeToString(key.publicKey()));
                }
                entry.put("revokedAt", key.revokedAt().toString());
            } else {
                ObjectNode jwk = keys.addObject();
                jwk.put("kty", "OKP");
                jwk.put("crv", "Ed25519");
                jwk.put("x", B64.encodeToString(key.publicKey()));
                jwk.put("kid", key.kid());
                jwk.put("use", "sig");
                jwk.put("alg", "EdDSA");
            }
        }
        if (!revoked.isEmpty()) {
            root.set("revoked", revoked);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JWKS", e);
        }
    }

    @Override
    public Optional<StampKey> find(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    /** All keys, active and revoked, in document order. */
    public List<StampKey> keys() {
        return List.copyOf(byKid.values());
    }

    /**
     * RFC 7638 thumbprint of an Ed25519 public key: base64url SHA-256 of
     * {@code {"crv":"Ed25519","kty":"OKP","x":"..."}} (members in lexical order, no whitespace; RFC 8037 A.3).
     */
    public static String thumbprint(byte[] publicKey) {
        String members = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + B64.encodeToString(publicKey) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(members.getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static String requiredText(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidJwksException("JWKS entry lacks a \"" + member + "\" string");
        }
        return value.asText();
    }

    private static byte[] decodeX(String x) {
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(x);
        } catch (IllegalArgumentException e) {
            throw new InvalidJwksException("JWK \"x\" is not base64url");
        }
        if (key.length != SigningKeys.PUBLIC_KEY_LENGTH
                || !B64.encodeToString(key).equals(x)) {
            throw new InvalidJwksException("JWK \"x\" must be 32 bytes in unpadded base64url");
        }
        return key;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidJwksException("revokedAt must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}

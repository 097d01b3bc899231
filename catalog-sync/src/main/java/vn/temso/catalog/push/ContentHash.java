package vn.temso.catalog.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.model.OcopCertificate;

/**
 * SHA-256 over the fields a marketplace sees, so delta sync sends a product only when one of them
 * changed. {@code updatedAt} is left out (touching a record is not a change); the OCOP rating goes
 * in only while valid on the given day, so a lapsing certificate does trigger a push.
 * <p>
 * Encoding (stable across releases; changing it re-sends every product once): for each field in
 * the order below, its name in ASCII, then byte 0 for "no value" or byte 1, a 4-byte big-endian
 * length and the UTF-8 bytes. Fields: id, title, description, link, image_link, availability,
 * price_vnd, condition, brand, gtin, category, ocop_stars, ocop_valid_until, deleted.
 */
public final class ContentHash {

    private ContentHash() {}

    /** 64 lowercase hex characters. */
    public static String of(CatalogEntry e, LocalDate today) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
        OcopCertificate ocop = e.ocopValidOn(today).orElse(null);
        field(sha, "id", e.id());
        field(sha, "title", e.title());
        field(sha, "description", e.description());
        field(sha, "link", e.link());
        field(sha, "image_link", e.imageLink());
        field(
                sha,
                "availability",
                e.availability() == null ? null : e.availability().name());
        field(sha, "price_vnd", Long.toString(e.priceVnd()));
        field(sha, "condition", e.condition());
        field(sha, "brand", e.brand());
        field(sha, "gtin", e.gtin());
        field(sha, "category", e.category());
        field(sha, "ocop_stars", ocop == null ? null : Integer.toString(ocop.stars()));
        field(sha, "ocop_valid_until", ocop == null ? null : ocop.validUntil().toString());
        field(sha, "deleted", Boolean.toString(e.deleted()));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String name, String value) {
        sha.update(name.getBytes(StandardCharsets.US_ASCII));
        if (value == null) {
            sha.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) 1);
        sha.update(new byte[] {
            (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length
        });
        sha.update(bytes);
    }
}

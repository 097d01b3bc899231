package vn.temso.stamp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * A signed stamp: {@code {base}/01/{gtin14}/10/{lot}/21/{serial}?8030={kid}{signature}}.
 *
 * <p>The GS1 AI 8030 value is the 3-character key id followed by the 86-character unpadded base64url Ed25519
 * signature (89 characters, GS1 allows 90). The signature covers {@link #signedBytes}. Parsing is strict: one
 * stamp has exactly one URL, except that scheme and host may be written in any letter case (that is what makes the
 * QR alphanumeric-mode trick of {@link #toQrContent()} possible) and other query parameters are ignored.
 */
public final class StampUrl {

    /** Domain separation prefix, first line of the signed bytes; a new format gets a new prefix. */
    public static final String FORMAT_PREFIX = "temso-stamp-v1";

    public static final String SIGNATURE_AI = "8030";
    public static final int KID_LENGTH = vn.temso.stamp.key.SigningKeys.KID_LENGTH;
    public static final int SIGNATURE_LENGTH = 64;
    /** base64url of 64 bytes without padding. */
    public static final int SIGNATURE_CHARS = 86;

    public static final int AI_8030_MAX = 90;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final String baseUrl;
    private final String gtin14;
    private final String lot;
    private final String serial;
    private final String kid;
    private final byte[] signature;
    private int hash; // 0 until computed: stamps are map keys (remembered verifications)

    private StampUrl(String baseUrl, String gtin14, String lot, String serial, String kid, byte[] signature) {
        this.baseUrl = baseUrl;
        this.gtin14 = gtin14;
        this.lot = lot;
        this.serial = serial;
        this.kid = kid;
        this.signature = signature;
    }

    /**
     * Builds a stamp from decoded values (for example path parameters already decoded by JAX-RS).
     *
     * @throws InvalidStampException if any field breaks the format
     */
    public static StampUrl of(String baseUrl, String gtin14, String lot, String serial, String kid, byte[] signature) {
        String base = BaseUrl.normalise(baseUrl);
        Gtin.requireGtin14(gtin14);
        Gs1Value.require("lot", lot);
        Gs1Value.require("serial", serial);
        requireKid(kid);
        Objects.requireNonNull(signature, "signature");
        if (signature.length != SIGNATURE_LENGTH) {
            throw new InvalidStampException("signature must be " + SIGNATURE_LENGTH + " bytes");
        }
        return new StampUrl(base, gtin14, lot, serial, kid, signature.clone());
    }

    /** For {@link StampSigner}, which has just checked and normalised every field itself (it signs 100,000 in a row). */
    static StampUrl ofChecked(
            String normalisedBase, String gtin14, String lot, String serial, String kid, byte[] signature) {
        return new StampUrl(normalisedBase, gtin14, lot, serial, kid, signature);
    }

    /** Parses a stamp URL whose base URL is its origin ({@code scheme://host[:port]}, no path). */
    public static StampUrl parse(String url) {
        return parse(url, null);
    }

    /**
     * Parses a stamp URL that must sit under {@code expectedBaseUrl} (which may have a path); with {@code null} the
     * base URL is the URL's origin.
     *
     * @throws InvalidStampException with the rule that was broken
     */
    public static StampUrl parse(String url, String expectedBaseUrl) {
        return parseUnder(url, expectedBaseUrl == null ? null : BaseUrl.normalise(expectedBaseUrl));
    }

    /**
     * {@link #parse(String, String)} with the expected base URL already normalised ({@link StampVerifier} parses
     * every scan: the base URL's regular expressions run once, not per URL).
     */
    static StampUrl parseUnder(String url, String expected) {
        if (url == null || url.isEmpty()) {
            throw new InvalidStampException("stamp URL is empty");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                throw new InvalidStampException(
                        "stamp URL has a space, control or non-ASCII character at position " + (i + 1));
            }
        }
        if (url.indexOf('#') >= 0) {
            throw new InvalidStampException("stamp URL must not have a fragment ('#')");
        }
        int queryStart = url.indexOf('?');
        if (queryStart < 0) {
            throw new InvalidStampException("stamp URL has no query string with AI 8030 (the signature)");
        }
        String beforeQuery = url.substring(0, queryStart);
        int schemeEnd = beforeQuery.indexOf("://");
        if (schemeEnd < 0) {
            throw new InvalidStampException("stamp URL must start with http:// or https://");
        }
        int pathStart = beforeQuery.indexOf('/', schemeEnd + 3);
        if (pathStart < 0) {
            throw new InvalidStampException("stamp URL has no path /01/{gtin}/10/{lot}/21/{serial}");
        }
        String rawOrigin = beforeQuery.substring(0, pathStart);
        String expectedOrigin = expected == null ? null : originOf(expected); // normalised with it
        // the usual scan spells the origin exactly as normalised: normalising is idempotent, skip its expressions
        String origin = rawOrigin.equals(expectedOrigin) ? expectedOrigin : BaseUrl.normaliseOrigin(rawOrigin);
        String path = beforeQuery.substring(pathStart);
        String base = origin;
        if (expected != null) {
            String expectedPath = expected.substring(expectedOrigin.length());
            if (!origin.equals(expectedOrigin) || !path.startsWith(expectedPath + "/")) {
                throw new InvalidStampException("stamp URL is not under the expected base URL " + expected);
            }
            base = expected;
            path = path.substring(expectedPath.length());
        }
        String[] segments = path.substring(1).split("/", -1);
        if (segments.length != 6) {
            throw new InvalidStampException("stamp URL path must be exactly /01/{gtin}/10/{lot}/21/{serial}");
        }
        if (!segments[0].equals("01") || !segments[2].equals("10") || !segments[4].equals("21")) {
            throw new InvalidStampException("stamp URL path must use the AIs 01, 10 and 21 in that order");
        }
        String gtin14 = segments[1];
        Gtin.requireGtin14(gtin14);
        String lot = Gs1Value.decode("lot", segments[3]);
        String serial = Gs1Value.decode("serial", segments[5]);
        String ai8030 = signatureParameter(url.substring(queryStart + 1));
        if (ai8030.length() > AI_8030_MAX) {
            throw new InvalidStampException(
                    "AI 8030 has " + ai8030.length() + " characters, GS1 allows at most " + AI_8030_MAX);
        }
        if (ai8030.length() != KID_LENGTH + SIGNATURE_CHARS || !isBase64Url(ai8030)) {
            throw new InvalidStampException(
                    "AI 8030 must be " + (KID_LENGTH + SIGNATURE_CHARS) + " base64url characters (key id + signature)");
        }
        String kid = ai8030.substring(0, KID_LENGTH);
        byte[] signature = decodeSignature(ai8030.substring(KID_LENGTH));
        return new StampUrl(base, gtin14, lot, serial, kid, signature);
    }

    /**
     * The exact bytes the Ed25519 signature covers: UTF-8 of
     * {@code "temso-stamp-v1\n" + base + "\n" + gtin14 + "\n" + lot + "\n" + serial + "\n" + kid}, no trailing newline,
     * with the normalised base URL and the decoded lot and serial.
     */
    public static byte[] signedBytes(String baseUrl, String gtin14, String lot, String serial, String kid) {
        return canonical(BaseUrl.normalise(baseUrl), gtin14, lot, serial, kid);
    }

    static byte[] canonical(String normalisedBase, String gtin14, String lot, String serial, String kid) {
        String text = FORMAT_PREFIX + '\n' + normalisedBase + '\n' + gtin14 + '\n' + lot + '\n' + serial + '\n' + kid;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes this stamp's signature must cover. */
    public byte[] signedBytes() {
        return canonical(baseUrl, gtin14, lot, serial, kid);
    }

    /** The canonical URL: normalised base URL, percent-encoded lot and serial, {@code ?8030=}. */
    public String toUrl() {
        return baseUrl + path() + "?" + SIGNATURE_AI + "=" + ai8030();
    }

    /**
     * The same stamp with scheme and host upper-cased, for the QR code: with an upper-case lot and serial everything
     * before {@code ?} is in the QR alphanumeric set (5.5 bits a character instead of 8). It verifies the same.
     */
    public String toQrContent() {
        String origin = originOf(baseUrl);
        return origin.toUpperCase(Locale.ROOT) + baseUrl.substring(origin.length()) + path() + "?" + SIGNATURE_AI + "="
                + ai8030();
    }

    /** {@code /01/{gtin14}/10/{lot}/21/{serial}} with lot and serial percent-encoded. */
    public String path() {
        return "/01/" + gtin14 + "/10/" + Gs1Value.encode(lot) + "/21/" + Gs1Value.encode(serial);
    }

    /** The AI 8030 value: key id followed by the base64url signature. */
    public String ai8030() {
        return kid + B64.encodeToString(signature);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String gtin14() {
        return gtin14;
    }

    public String lot() {
        return lot;
    }

    public String serial() {
        return serial;
    }

    public String kid() {
        return kid;
    }

    public byte[] signature() {
        return signature.clone();
    }

    static void requireKid(String kid) {
        if (kid == null || kid.length() != KID_LENGTH || !isBase64Url(kid)) {
            throw new InvalidStampException("key id must be " + KID_LENGTH + " base64url characters");
        }
    }

    private static boolean isBase64Url(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String originOf(String normalisedBase) {
        int pathStart = normalisedBase.indexOf('/', normalisedBase.indexOf("://") + 3);
        return pathStart < 0 ? normalisedBase : normalisedBase.substring(0, pathStart);
    }

    private static String signatureParameter(String query) {
        String value = null;
        for (String parameter : query.split("&", -1)) {
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            if (!name.equals(SIGNATURE_AI)) {
                continue;
            }
            if (value != null) {
                throw new InvalidStampException("AI 8030 appears more than once");
            }
            if (eq < 0) {
                throw new InvalidStampException("AI 8030 has no value");
            }
            value = parameter.substring(eq + 1);
        }
        if (value == null) {
            throw new InvalidStampException("stamp URL has no AI 8030 (the signature) in its query string");
        }
        return value;
    }

    private static byte[] decodeSignature(String text) {
        byte[] signature = B64_DECODER.decode(text);
        // the 86th character carries 2 data bits; the 4 unused bits must be zero or two URLs would share one signature
        if (!B64.encodeToString(signature).equals(text)) {
            throw new InvalidStampException("AI 8030 signature is not canonical base64url");
        }
        return signature;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StampUrl other
                && baseUrl.equals(other.baseUrl)
                && gtin14.equals(other.gtin14)
                && lot.equals(other.lot)
                && serial.equals(other.serial)
                && kid.equals(other.kid)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = ((((baseUrl.hashCode() * 31 + gtin14.hashCode()) * 31 + lot.hashCode()) * 31 + serial.hashCode()) * 31
                                    + kid.hashCode())
                            * 31
                    + Arrays.hashCode(signature); // no boxing: computed at every scan
            h = h == 0 ? 1 : h;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return toUrl();
    }
}

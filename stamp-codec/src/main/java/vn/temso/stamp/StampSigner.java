package vn.temso.stamp;

import java.util.Objects;
import vn.temso.stamp.key.SigningKey;

/** Issues signed stamp URLs with one signing key. Thread-safe. */
public final class StampSigner {

    private final SigningKey key;
    /** The last base URL given and its normal form: an issuing job signs 100,000 stamps with the same one. */
    private volatile String[] lastBase = {"", ""};

    public StampSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * The canonical stamp URL for these identifiers.
     *
     * @param baseUrl the public base URL, normalised (lower-case scheme and host, no trailing slash)
     * @param gtin a GTIN-8, -12, -13 or -14 with a valid check digit; the URL carries its 14-digit form
     * @param lot GS1 AI 10 value, 1-20 characters of the GS1 82-character set
     * @param serial GS1 AI 21 value, 1-20 characters of the GS1 82-character set
     * @throws InvalidStampException if an identifier breaks the format
     */
    public String sign(String baseUrl, String gtin, String lot, String serial) {
        return signStamp(baseUrl, gtin, lot, serial).toUrl();
    }

    /** As {@link #sign} but returns the stamp, e.g. for {@link StampUrl#toQrContent()}. */
    public StampUrl signStamp(String baseUrl, String gtin, String lot, String serial) {
        String[] last = lastBase;
        String base;
        if (last[0].equals(baseUrl)) {
            base = last[1];
        } else {
            base = BaseUrl.normalise(baseUrl);
            lastBase = new String[] {baseUrl, base};
        }
        String gtin14 = Gtin.toGtin14(gtin);
        Gs1Value.require("lot", lot);
        Gs1Value.require("serial", serial);
        byte[] signature = key.sign(StampUrl.canonical(base, gtin14, lot, serial, key.kid()));
        return StampUrl.ofChecked(base, gtin14, lot, serial, key.kid(), signature);
    }

    public String kid() {
        return key.kid();
    }

    @Override
    public String toString() {
        return "StampSigner[kid=" + key.kid() + "]";
    }
}

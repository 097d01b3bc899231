package vn.temso.catalog.model;

import java.text.Normalizer;

/** Text clean-up applied once, when an entry is built, so every channel sees the same characters. */
public final class Text {

    private Text() {}

    /**
     * NFC-normalises (Vietnamese typed on some keyboards arrives decomposed), trims, maps blank to
     * null and drops control characters that XML 1.0 cannot carry (tab, CR and LF are kept).
     */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String nfc = Normalizer.isNormalized(value, Normalizer.Form.NFC)
                ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
        StringBuilder out = null;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            boolean allowed = c >= 0x20 ? (c != 0xFFFE && c != 0xFFFF) : (c == '\t' || c == '\n' || c == '\r');
            if (!allowed && out == null) {
                out = new StringBuilder(nfc.length()).append(nfc, 0, i);
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        String result = (out == null ? nfc : out.toString()).strip();
        return result.isEmpty() ? null : result;
    }
}

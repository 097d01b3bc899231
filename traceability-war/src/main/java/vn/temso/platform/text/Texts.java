package vn.temso.platform.text;

import java.text.Normalizer;
import java.util.Locale;

/** Text rules shared by every feature: Vietnamese input is stored NFC, and keys compare case-insensitively. */
public final class Texts {

    private Texts() {}

    public static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Trimmed NFC text, or null when blank. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = nfc(s).strip();
        return t.isEmpty() ? null : t;
    }

    /** Comparison key for names such as communes: NFC, trimmed, lower case, inner spaces collapsed. */
    public static String key(String s) {
        String c = clean(s);
        return c == null ? null : c.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}

package vn.temso.gs1;

/**
 * GS1 AI 10 (batch/lot) and AI 21 (serial) values: 1 to 20 characters of the GS1 AI encodable character set 82
 * (GS1 General Specifications figure 7.11-1: ISO 646 letters without diacritics, digits and 20 punctuation marks).
 */
public final class AiValue {

    /** The GS1 AI encodable character set 82. */
    public static final String CHARSET_82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    /** Longest lot (AI 10) or serial (AI 21) value. */
    public static final int MAX_LENGTH = 20;

    private AiValue() {}

    /** True if the character is in the GS1 82-character set. */
    public static boolean isCharset82(char c) {
        return CHARSET_82.indexOf(c) >= 0;
    }

    /** The index of the first character outside the 82-character set, or -1 if there is none. */
    public static int firstInvalidChar(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isCharset82(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}

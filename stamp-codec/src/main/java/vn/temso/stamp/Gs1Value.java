package vn.temso.stamp;

import vn.temso.gs1.AiValue;

/**
 * GS1 AI 10 (lot) and AI 21 (serial) values: 1 to 20 characters of the GS1 82-character set (GS1 General
 * Specifications figure 7.11-1), and their percent-encoding in a Digital Link path.
 */
public final class Gs1Value {

    /** The GS1 AI encodable character set 82 ({@link AiValue#CHARSET_82}). */
    public static final String CHARSET_82 = AiValue.CHARSET_82;

    public static final int MAX_LENGTH = AiValue.MAX_LENGTH;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Gs1Value() {}

    /** Checks a decoded lot or serial; {@code label} names the field in the message. */
    public static void require(String label, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidStampException(label + " is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidStampException(label + " has " + value.length() + " characters, at most " + MAX_LENGTH);
        }
        int invalid = AiValue.firstInvalidChar(value);
        if (invalid >= 0) {
            throw new InvalidStampException(
                    label + " has a character outside the GS1 82-character set at position " + (invalid + 1));
        }
    }

    /**
     * Percent-encodes every character that is not unreserved (RFC 3986: letters, digits, '-', '.', '_'), with
     * upper-case hex, as GS1 Digital Link asks. This is the only encoding the strict parser accepts.
     */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes a path segment written by {@link #encode}; any other spelling (lower-case hex, an encoded unreserved
     * character, a raw reserved character) is refused so that one stamp has exactly one URL.
     */
    public static String decode(String label, String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw new InvalidStampException(label + " has a truncated percent-escape");
                }
                int hi = hexValue(segment.charAt(i + 1));
                int lo = hexValue(segment.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw new InvalidStampException(label + " has a percent-escape that is not upper-case hex");
                }
                char decoded = (char) (hi << 4 | lo);
                if (isUnreserved(decoded) || !AiValue.isCharset82(decoded)) {
                    throw new InvalidStampException(
                            label + " has a percent-escape of a character that must not be escaped");
                }
                out.append(decoded);
                i += 2;
            } else if (isUnreserved(c)) {
                out.append(c);
            } else {
                throw new InvalidStampException(
                        label + " has a character that must be percent-encoded or is not allowed");
            }
        }
        String value = out.toString();
        require(label, value);
        return value;
    }

    static boolean isUnreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_';
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}

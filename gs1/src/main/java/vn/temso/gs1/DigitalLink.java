package vn.temso.gs1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The key path of a GS1 Digital Link URI for a trade item (GS1 Digital Link URI syntax 1.4): {@code /01/{gtin14}},
 * then in this order and each optional the qualifiers {@code /22/{cpv}}, {@code /10/{lot}}, {@code /21/{serial}}.
 * Values are percent-decoded; {@link #keyPath()} writes the one canonical spelling (every character that is not
 * unreserved percent-encoded with upper-case hex), so two spellings of one key path are the same value.
 *
 * <p>The GTIN must be written with 14 digits and a valid check digit (URI syntax 1.4 dropped the shorter forms).
 * Anything else is a {@link DigitalLinkException} naming what is wrong: a resolver answers it with 400.
 *
 * @param gtin the GTIN-14
 * @param cpv AI 22 (consumer product variant), or null
 * @param lot AI 10 (batch/lot), or null
 * @param serial AI 21 (serial number), or null
 */
public record DigitalLink(String gtin, String cpv, String lot, String serial) {

    /** GTIN qualifiers in the order the URI syntax requires them. */
    private static final String[] QUALIFIERS = {"22", "10", "21"};

    /** Longest path accepted: a GTIN with three qualifiers of 20 characters, each fully percent-encoded, fits. */
    static final int MAX_PATH = 256;

    public DigitalLink {
        if (gtin == null || gtin.length() != 14 || !Gtin.isValid(gtin)) {
            throw new DigitalLinkException(DigitalLinkException.Problem.GTIN, "not a valid GTIN-14: " + gtin);
        }
    }

    /**
     * Parses the path of a request (after the context path), e.g. {@code /01/08931234500016/10/LOT%2F1}. One trailing
     * slash is tolerated.
     */
    public static DigitalLink parse(String path) {
        if (path == null || path.length() > MAX_PATH) {
            throw new DigitalLinkException(DigitalLinkException.Problem.TOO_LONG, "the path is too long");
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!p.startsWith("/")) {
            throw new DigitalLinkException(
                    DigitalLinkException.Problem.NO_PRIMARY_KEY, "the path must start with /01/");
        }
        String[] s = p.substring(1).split("/", -1);
        if (!"01".equals(s[0])) {
            throw new DigitalLinkException(
                    DigitalLinkException.Problem.NO_PRIMARY_KEY, "the primary key must be a GTIN (AI 01)");
        }
        if (s.length % 2 != 0) {
            throw new DigitalLinkException(
                    DigitalLinkException.Problem.EXTRA_SEGMENT,
                    s.length == 1
                            ? "AI 01 has no value"
                            : "path segment '" + shortened(s[s.length - 1]) + "' is neither an AI nor its value");
        }
        String gtin = s[1];
        Gtin.Problem problem = Gtin.problem(gtin);
        if (problem == null && gtin.length() != 14) {
            problem = Gtin.Problem.WRONG_LENGTH;
        }
        if (problem != null) {
            throw new DigitalLinkException(
                    DigitalLinkException.Problem.GTIN,
                    switch (problem) {
                        case NOT_DIGITS -> "the GTIN must be digits only";
                        case WRONG_LENGTH ->
                            "the GTIN must be written with 14 digits (GS1 Digital Link URI syntax 1.4)";
                        case WRONG_CHECK_DIGIT -> "the GTIN's check digit is wrong";
                    });
        }
        String[] values = new String[QUALIFIERS.length];
        int next = 0;
        for (int i = 2; i < s.length; i += 2) {
            String ai = s[i];
            int at = indexOf(ai);
            if (at < 0) {
                throw new DigitalLinkException(
                        DigitalLinkException.Problem.UNKNOWN_QUALIFIER,
                        "'" + shortened(ai) + "' is not a key qualifier of a GTIN (22, 10, 21 in this order)");
            }
            if (at < next) {
                throw new DigitalLinkException(
                        DigitalLinkException.Problem.QUALIFIER_ORDER,
                        "AI " + ai + " comes too late: qualifiers of a GTIN go in the order 22, 10, 21");
            }
            values[at] = value(ai, s[i + 1]);
            next = at + 1;
        }
        return new DigitalLink(gtin, values[0], values[1], values[2]);
    }

    /** The canonical key path, e.g. {@code /01/08931234500016/10/HT%2F25}. */
    public String keyPath() {
        StringBuilder b = new StringBuilder(64).append("/01/").append(gtin);
        if (cpv != null) {
            b.append("/22/").append(encode(cpv));
        }
        if (lot != null) {
            b.append("/10/").append(encode(lot));
        }
        if (serial != null) {
            b.append("/21/").append(encode(serial));
        }
        return b.toString();
    }

    /** The product: the GTIN alone. */
    public DigitalLink product() {
        return new DigitalLink(gtin, null, null, null);
    }

    /** The batch: GTIN and lot (no variant, no serial); null without a lot. */
    public DigitalLink batch() {
        return lot == null ? null : new DigitalLink(gtin, null, lot, null);
    }

    /** Percent-encodes every character that is not unreserved (RFC 3986), with upper-case hex, as UTF-8. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }

    private static final String HEX = "0123456789ABCDEF";

    private static int indexOf(String ai) {
        for (int i = 0; i < QUALIFIERS.length; i++) {
            if (QUALIFIERS[i].equals(ai)) {
                return i;
            }
        }
        return -1;
    }

    private static String value(String ai, String segment) {
        String v = decode(ai, segment);
        if (v.isEmpty() || v.length() > AiValue.MAX_LENGTH) {
            throw new DigitalLinkException(
                    DigitalLinkException.Problem.BAD_VALUE,
                    "the value of AI " + ai + " must have 1 to " + AiValue.MAX_LENGTH + " characters");
        }
        int bad = AiValue.firstInvalidChar(v);
        if (bad >= 0) {
            throw new DigitalLinkException(
                    DigitalLinkException.Problem.BAD_VALUE,
                    "the value of AI " + ai + " has a character outside GS1's 82-character set at position "
                            + (bad + 1));
        }
        return v;
    }

    private static String decode(String ai, String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                int hi = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(segment.charAt(i + 2), 16);
                if (lo < 0) {
                    throw new DigitalLinkException(
                            DigitalLinkException.Problem.BAD_VALUE,
                            "the value of AI " + ai + " has a malformed percent-escape");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c); // an ASCII character (a non-ASCII one is refused as outside the character set)
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String shortened(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}

package vn.temso.batch.entity;

import vn.temso.gs1.Gtin;
import vn.temso.platform.domain.InvalidField;

/** GS1 Global Location Numbers of diary parties: 13 digits, the last a GS1 mod-10 check digit (as in a GTIN-13). */
public final class PartyGln {

    /** The field a bad GLN is reported on. */
    public static final String FIELD = "partyGln";

    static final int LENGTH = 13;

    private PartyGln() {}

    /** @return the GLN trimmed, null if none was given; or throws {@link InvalidField} on {@code partyGln} */
    public static String validate(String raw) {
        return validate(raw, FIELD);
    }

    /** @return the GLN trimmed, null if none was given; or throws {@link InvalidField} on {@code field} */
    public static String validate(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String gln = raw.strip();
        if (gln.length() != LENGTH || !Gtin.isDigits(gln)) {
            throw new InvalidField(field, "a GLN is 13 digits (got \"" + shorten(gln) + "\")");
        }
        int expected = Gtin.expectedCheckDigit(gln);
        if (expected != gln.charAt(LENGTH - 1) - '0') {
            throw new InvalidField(field, "GLN " + gln + " has a wrong check digit: it should end with " + expected);
        }
        return gln;
    }

    private static String shorten(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}

package vn.temso.platform.domain;

import vn.temso.gs1.Gln;
import vn.temso.gs1.Gtin;

/**
 * A GS1 Global Location Number given for one field (a diary party, a cooperative): trimmed, blank meaning none, and
 * refused with an {@link InvalidField} on that field when it is not 13 digits with a correct check digit.
 */
public final class GlnField {

    private GlnField() {}

    /** @return the GLN trimmed, or null if none was given; or throws {@link InvalidField} on {@code field} */
    public static String validate(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String gln = raw.strip();
        Gtin.Problem problem = Gln.problem(gln);
        if (problem == Gtin.Problem.WRONG_CHECK_DIGIT) {
            throw new InvalidField(
                    field,
                    "GLN " + gln + " has a wrong check digit: it should end with " + Gtin.expectedCheckDigit(gln));
        }
        if (problem != null) {
            throw new InvalidField(field, "a GLN is 13 digits (got \"" + shorten(gln) + "\")");
        }
        return gln;
    }

    private static String shorten(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}

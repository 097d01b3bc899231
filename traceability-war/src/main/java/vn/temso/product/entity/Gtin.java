package vn.temso.product.entity;

import vn.temso.platform.domain.InvalidField;

/**
 * GS1 Global Trade Item Number as a user types it. Accepts GTIN-8, -12, -13 and -14, verifies the check digit
 * ({@link vn.temso.gs1.Gtin}) and keeps the canonical 14-digit form used in GS1 Digital Link URLs.
 */
public final class Gtin {

    /** The field a bad GTIN is reported on. */
    public static final String FIELD = "gtin";

    private Gtin() {}

    /** @return the GTIN-14 form, or throws {@link InvalidField} on {@code gtin} with a message a user can act on */
    public static String normalize(String raw) {
        if (raw == null) {
            throw new InvalidField(FIELD, "GTIN is required");
        }
        String digits = raw.strip().replace(" ", "");
        if (digits.isEmpty() || !vn.temso.gs1.Gtin.isDigits(digits)) {
            throw new InvalidField(FIELD, "a GTIN has digits only");
        }
        int n = digits.length();
        if (!vn.temso.gs1.Gtin.isGtinLength(n)) {
            throw new InvalidField(FIELD, "a GTIN has 8, 12, 13 or 14 digits (got " + n + ")");
        }
        int expected = vn.temso.gs1.Gtin.expectedCheckDigit(digits);
        int actual = digits.charAt(n - 1) - '0';
        if (expected != actual) {
            throw new InvalidField(FIELD, "the GTIN check digit is wrong: expected " + expected + ", got " + actual);
        }
        return "0".repeat(14 - n) + digits;
    }

    public static boolean isValid(String raw) {
        try {
            normalize(raw);
            return true;
        } catch (InvalidField e) {
            return false;
        }
    }
}

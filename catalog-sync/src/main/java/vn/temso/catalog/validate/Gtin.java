package vn.temso.catalog.validate;

/** GS1 GTIN checks ({@link vn.temso.gs1.Gtin}) worded for feed validation reports. */
public final class Gtin {

    private Gtin() {}

    /** The problem with {@code gtin}, or null if it is a well-formed GTIN with a correct check digit. */
    public static ValidationError problem(String gtin) {
        int n = gtin.length();
        FeedValidator.Field field = FeedValidator.Field.GTIN;
        if (!vn.temso.gs1.Gtin.isGtinLength(n)) { // the length first: a report names the most useful problem
            return ValidationError.of(
                    field,
                    Rule.GTIN_LENGTH,
                    "must have 8, 12, 13 or 14 digits (GTIN-14 preferred), got " + n + " characters",
                    n);
        }
        if (!vn.temso.gs1.Gtin.isDigits(gtin)) {
            return ValidationError.of(field, Rule.GTIN_DIGITS, "must contain digits only");
        }
        int expected = vn.temso.gs1.Gtin.expectedCheckDigit(gtin);
        int actual = gtin.charAt(n - 1) - '0';
        return expected == actual
                ? null
                : ValidationError.of(
                        field,
                        Rule.GTIN_CHECK_DIGIT,
                        "check digit is " + actual + " but should be " + expected,
                        actual,
                        expected);
    }
}

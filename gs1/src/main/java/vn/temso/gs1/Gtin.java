package vn.temso.gs1;

/** GS1 Global Trade Item Numbers: GTIN-8, -12, -13 and -14, and their canonical 14-digit form. */
public final class Gtin {

    /** What is wrong with a GTIN, in the order it is checked: digits, then length, then the check digit. */
    public enum Problem {
        NOT_DIGITS,
        WRONG_LENGTH,
        WRONG_CHECK_DIGIT
    }

    private Gtin() {}

    /** True for 8, 12, 13 and 14: the only GTIN lengths. */
    public static boolean isGtinLength(int length) {
        return length == 8 || length == 12 || length == 13 || length == 14;
    }

    /** True if every character is an ASCII digit (an empty value is all digits: its length is what is wrong). */
    public static boolean isDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The GS1 mod-10 check digit of the data digits (all but the last): weights 3, 1, 3, 1... from the rightmost
     * data digit; check = (10 - sum mod 10) mod 10.
     *
     * @throws IllegalArgumentException if a character is not a digit
     */
    public static int checkDigit(CharSequence dataDigits) {
        int sum = 0;
        int weight = 3;
        for (int i = dataDigits.length() - 1; i >= 0; i--) {
            int d = dataDigits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("GTIN must contain digits only");
            }
            sum += d * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** The check digit the GTIN should end with (its last digit is ignored); digits only, at least one. */
    public static int expectedCheckDigit(CharSequence gtin) {
        return checkDigit(gtin.subSequence(0, gtin.length() - 1));
    }

    /** The first problem with {@code gtin}, or null if it is a valid GTIN-8, -12, -13 or -14. */
    public static Problem problem(String gtin) {
        if (gtin == null || !isDigits(gtin)) {
            return Problem.NOT_DIGITS;
        }
        if (!isGtinLength(gtin.length())) {
            return Problem.WRONG_LENGTH;
        }
        return expectedCheckDigit(gtin) == gtin.charAt(gtin.length() - 1) - '0' ? null : Problem.WRONG_CHECK_DIGIT;
    }

    public static boolean isValid(String gtin) {
        return problem(gtin) == null;
    }

    /**
     * Left-pads a valid GTIN with zeros to the canonical 14 digits (the form in GS1 Digital Link URLs).
     *
     * @throws IllegalArgumentException if it is not a valid GTIN
     */
    public static String toGtin14(String gtin) {
        if (!isValid(gtin)) {
            throw new IllegalArgumentException("not a valid GTIN: " + gtin);
        }
        return "0".repeat(14 - gtin.length()) + gtin;
    }

    /** The data digits followed by their check digit, e.g. a GTIN-13 from 12 digits (test and demo data). */
    public static String withCheckDigit(String dataDigits) {
        return dataDigits + checkDigit(dataDigits);
    }
}

package vn.temso.catalog.validate;

/** GS1 GTIN-8/12/13/14 check digits. */
public final class Gtin {

    private Gtin() {
    }

    /**
     * The check digit for the data digits (all but the last): weights 3,1,3,1... starting from the
     * rightmost data digit; check = (10 - sum mod 10) mod 10.
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

    /** The problem with {@code gtin}, or null if it is a well-formed GTIN with a correct check digit. */
    public static String problem(String gtin) {
        int n = gtin.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return "must have 8, 12, 13 or 14 digits (GTIN-14 preferred), got " + n + " characters";
        }
        for (int i = 0; i < n; i++) {
            if (gtin.charAt(i) < '0' || gtin.charAt(i) > '9') {
                return "must contain digits only";
            }
        }
        int expected = checkDigit(gtin.subSequence(0, n - 1));
        int actual = gtin.charAt(n - 1) - '0';
        return expected == actual ? null : "check digit is " + actual + " but should be " + expected;
    }

    public static boolean isValid(String gtin) {
        return gtin != null && problem(gtin) == null;
    }

    /** Left-pads a valid GTIN with zeros to the canonical 14 digits. */
    public static String toGtin14(String gtin) {
        if (!isValid(gtin)) {
            throw new IllegalArgumentException("not a valid GTIN: " + gtin);
        }
        return "0".repeat(14 - gtin.length()) + gtin;
    }
}

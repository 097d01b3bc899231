package vn.temso.product.entity;

/**
 * GS1 Global Trade Item Number. Accepts GTIN-8, -12, -13 and -14, verifies the check digit and keeps the
 * canonical 14-digit form used in GS1 Digital Link URLs.
 */
public final class Gtin {

    private Gtin() {
    }

    /** @return the GTIN-14 form, or throws IllegalArgumentException with a message a user can act on */
    public static String normalize(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("GTIN is required");
        }
        String digits = raw.strip().replace(" ", "");
        if (!digits.matches("\\d+")) {
            throw new IllegalArgumentException("a GTIN has digits only");
        }
        int n = digits.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            throw new IllegalArgumentException("a GTIN has 8, 12, 13 or 14 digits (got " + n + ")");
        }
        int expected = checkDigit(digits.substring(0, n - 1));
        int actual = digits.charAt(n - 1) - '0';
        if (expected != actual) {
            throw new IllegalArgumentException("the GTIN check digit is wrong: expected " + expected + ", got " + actual);
        }
        return "0".repeat(14 - n) + digits;
    }

    public static boolean isValid(String raw) {
        try {
            normalize(raw);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Weights 3,1,3,1... from the rightmost data digit; check = (10 − sum mod 10) mod 10. */
    public static int checkDigit(String data) {
        int sum = 0;
        boolean three = true;
        for (int i = data.length() - 1; i >= 0; i--) {
            int d = data.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (10 - sum % 10) % 10;
    }
}

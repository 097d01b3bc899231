package vn.temso.stamp;

/** GS1 GTIN checks; a stamp always carries the 14-digit form. */
public final class Gtin {

    private Gtin() {
    }

    /**
     * Pads a GTIN-8, -12, -13 or -14 to 14 digits after checking its check digit.
     *
     * @throws InvalidStampException if it is not 8, 12, 13 or 14 digits or the check digit is wrong
     */
    public static String toGtin14(String gtin) {
        if (gtin == null || !gtin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidStampException("GTIN must be digits only");
        }
        int length = gtin.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            throw new InvalidStampException("GTIN must have 8, 12, 13 or 14 digits, got " + length);
        }
        String gtin14 = "0".repeat(14 - length) + gtin;
        requireGtin14(gtin14);
        return gtin14;
    }

    /** Checks that the value is exactly 14 digits with a correct check digit. */
    public static void requireGtin14(String gtin14) {
        if (gtin14 == null || gtin14.length() != 14 || !gtin14.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidStampException("GTIN-14 must be exactly 14 digits");
        }
        int expected = checkDigit(gtin14.substring(0, 13));
        if (gtin14.charAt(13) - '0' != expected) {
            throw new InvalidStampException("GTIN " + gtin14 + " has a wrong check digit (expected " + expected + ")");
        }
    }

    /** GS1 mod-10 check digit of the data digits: weights 3,1,3,1... from the rightmost data digit. */
    public static int checkDigit(String dataDigits) {
        int sum = 0;
        int weight = 3;
        for (int i = dataDigits.length() - 1; i >= 0; i--) {
            sum += (dataDigits.charAt(i) - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }
}

package vn.temso.stamp;

/** GS1 GTIN checks ({@link vn.temso.gs1.Gtin}) worded for stamps; a stamp always carries the 14-digit form. */
public final class Gtin {

    private Gtin() {}

    /**
     * Pads a GTIN-8, -12, -13 or -14 to 14 digits after checking its check digit.
     *
     * @throws InvalidStampException if it is not 8, 12, 13 or 14 digits or the check digit is wrong
     */
    public static String toGtin14(String gtin) {
        if (gtin == null || !vn.temso.gs1.Gtin.isDigits(gtin)) {
            throw new InvalidStampException("GTIN must be digits only");
        }
        int length = gtin.length();
        if (!vn.temso.gs1.Gtin.isGtinLength(length)) {
            throw new InvalidStampException("GTIN must have 8, 12, 13 or 14 digits, got " + length);
        }
        String gtin14 = "0".repeat(14 - length) + gtin;
        requireGtin14(gtin14);
        return gtin14;
    }

    /** Checks that the value is exactly 14 digits with a correct check digit. */
    public static void requireGtin14(String gtin14) {
        if (gtin14 == null || gtin14.length() != 14 || !vn.temso.gs1.Gtin.isDigits(gtin14)) {
            throw new InvalidStampException("GTIN-14 must be exactly 14 digits");
        }
        int expected = vn.temso.gs1.Gtin.expectedCheckDigit(gtin14);
        if (gtin14.charAt(13) - '0' != expected) {
            throw new InvalidStampException("GTIN " + gtin14 + " has a wrong check digit (expected " + expected + ")");
        }
    }
}

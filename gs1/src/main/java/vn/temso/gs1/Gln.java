package vn.temso.gs1;

/**
 * GS1 Global Location Numbers (parties and places): 13 digits, the last a GS1 mod-10 check digit computed as for a
 * GTIN-13.
 */
public final class Gln {

    /** Every GLN has 13 digits. */
    public static final int LENGTH = 13;

    private Gln() {}

    /** The first problem with {@code gln} (digits, then length, then check digit), or null if it is a valid GLN. */
    public static Gtin.Problem problem(String gln) {
        if (gln == null || !Gtin.isDigits(gln)) {
            return Gtin.Problem.NOT_DIGITS;
        }
        if (gln.length() != LENGTH) {
            return Gtin.Problem.WRONG_LENGTH;
        }
        return Gtin.expectedCheckDigit(gln) == gln.charAt(LENGTH - 1) - '0' ? null : Gtin.Problem.WRONG_CHECK_DIGIT;
    }

    public static boolean isValid(String gln) {
        return problem(gln) == null;
    }
}

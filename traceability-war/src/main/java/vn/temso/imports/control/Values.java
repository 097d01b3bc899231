package vn.temso.imports.control;

import java.math.BigDecimal;

/** Comparisons of a row's values with what is stored. */
final class Values {

    private Values() {}

    /** 24.5 and 24.50 are the same area. */
    static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}

package vn.temso.stamping.entity;

import java.time.Instant;

/** How often and when a stamp was scanned, counted from its scan rows. */
public record ScanTotals(int count, Instant first, Instant last) {

    public static final ScanTotals NONE = new ScanTotals(0, null, null);
}

package vn.temso.catalog.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An OCOP rating (3 to 5 stars) with the last day it is valid. Feeds may claim it only while
 * {@link #isValidOn(LocalDate)} holds, so the caller always passes the date it publishes for.
 */
public record OcopCertificate(int stars, LocalDate validUntil) {

    public OcopCertificate {
        if (stars < 3 || stars > 5) {
            throw new IllegalArgumentException("OCOP stars must be 3, 4 or 5, got " + stars);
        }
        Objects.requireNonNull(validUntil, "OCOP validUntil is required");
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isAfter(validUntil);
    }

    /** "OCOP 4 sao": the label used as Google custom_label_0 and in the Vietnamese CSV layouts. */
    public String label() {
        return "OCOP " + stars + " sao";
    }
}

package vn.temso.cooperative.entity;

import java.util.regex.Pattern;
import vn.temso.platform.domain.InvalidField;

/**
 * Vietnamese tax ids (mã số thuế, MST): 10 digits for an enterprise, cooperative or household business, 13 for a
 * dependent unit (branch), written as the parent's 10 digits, a hyphen and 3 digits. A 13-digit id given without the
 * hyphen is stored with it. The check digit (the 10th) is not verified: its rule is not published in a form this
 * project could confirm.
 */
public final class TaxId {

    /** The API field a bad tax id is reported on. */
    public static final String FIELD = "taxId";

    private static final Pattern TEN = Pattern.compile("\\d{10}");
    private static final Pattern THIRTEEN = Pattern.compile("(\\d{10})-?(\\d{3})");

    private TaxId() {}

    /** @return the tax id in its written form, or null if none was given; throws {@link InvalidField} when malformed */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        if (TEN.matcher(v).matches()) {
            return v;
        }
        var m = THIRTEEN.matcher(v);
        if (m.matches()) {
            return m.group(1) + "-" + m.group(2);
        }
        throw new InvalidField(
                FIELD, "a tax id (mã số thuế) is 10 digits, or 13 digits written as 10 digits, '-' and 3");
    }
}

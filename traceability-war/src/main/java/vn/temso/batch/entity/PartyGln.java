package vn.temso.batch.entity;

import vn.temso.platform.domain.GlnField;
import vn.temso.platform.domain.InvalidField;

/** GS1 Global Location Numbers of diary parties: 13 digits, the last a GS1 mod-10 check digit (as in a GTIN-13). */
public final class PartyGln {

    /** The field a bad GLN is reported on. */
    public static final String FIELD = "partyGln";

    private PartyGln() {}

    /** @return the GLN trimmed, null if none was given; or throws {@link InvalidField} on {@code partyGln} */
    public static String validate(String raw) {
        return GlnField.validate(FIELD, raw);
    }
}

package vn.temso.batch.entity;

import vn.temso.gs1.AiValue;
import vn.temso.platform.domain.InvalidField;

/** GS1 AI 10 batch/lot numbers: 1 to 20 characters of GS1's 82-character set (ISO 646 subset). */
public final class LotCode {

    public static final int MAX_LENGTH = AiValue.MAX_LENGTH;

    /** The field a bad lot code is reported on. */
    public static final String FIELD = "lotCode";

    private LotCode() {}

    /** @return the lot code as given (trimmed), or throws {@link InvalidField} on {@code lotCode} saying what is wrong */
    public static String validate(String raw) {
        if (raw == null || raw.strip().isEmpty()) {
            throw new InvalidField(FIELD, "the lot code is required");
        }
        String lot = raw.strip();
        if (lot.length() > MAX_LENGTH) {
            throw new InvalidField(FIELD, "a lot code has at most 20 characters (got " + lot.length() + ")");
        }
        int i = AiValue.firstInvalidChar(lot);
        if (i >= 0) {
            throw new InvalidField(
                    FIELD,
                    "character '" + lot.charAt(i) + "' at position " + (i + 1)
                            + " is not in the GS1 character set (letters A-Z a-z without diacritics, digits, ! \" % & ' ( ) * + , - . / : ; < = > ? _)");
        }
        return lot;
    }
}

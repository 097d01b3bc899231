package vn.temso.platform.domain;

import java.util.Objects;

/** A value breaks a rule of one field (format, range, a date before another): the caller must fix that field. */
public final class InvalidField extends DomainException {

    private final String field;

    /**
     * @param field   the field as the API's JSON names it ({@code expiryDate}, {@code zoneIds}...)
     * @param message for the user: what is wrong and what is allowed
     */
    public InvalidField(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}

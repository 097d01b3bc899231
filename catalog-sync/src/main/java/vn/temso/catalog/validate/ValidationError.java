package vn.temso.catalog.validate;

/** One problem with one field of one item, phrased for the staff who fix the product record. */
public record ValidationError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}

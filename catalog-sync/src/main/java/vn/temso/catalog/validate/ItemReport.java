package vn.temso.catalog.validate;

import java.util.List;

/** The errors that kept one product out of a feed. */
public record ItemReport(String itemId, List<ValidationError> errors) {

    public ItemReport {
        errors = List.copyOf(errors);
    }
}

package vn.temso.listing.boundary;

import jakarta.validation.constraints.Pattern;

/**
 * The cooperative's choice for one product on one channel. {@code enabled} defaults to true, availability to
 * IN_STOCK, deleted to false.
 */
public record ListingRequest(
        Boolean enabled,

        @Pattern(regexp = "(?i)in_stock|out_of_stock", message = "availability is IN_STOCK or OUT_OF_STOCK")
        String availability,

        Boolean deleted) {
    // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner fails
    public ListingRequest(Boolean enabled, String availability, Boolean deleted) {
        this.enabled = enabled;
        this.availability = availability;
        this.deleted = deleted;
    }
}

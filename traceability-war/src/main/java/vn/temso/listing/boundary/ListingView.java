package vn.temso.listing.boundary;

import java.time.Instant;
import vn.temso.listing.entity.Listing;

public record ListingView(
        String id,
        String productId,
        String gtin,
        String productName,
        String cooperativeId,
        String channel,
        boolean enabled,
        String availability,
        boolean deleted,
        boolean live,
        Instant updatedAt) {

    static ListingView of(Listing l) {
        return new ListingView(
                l.getId(),
                l.getProduct().getId(),
                l.getProduct().getGtin(),
                l.getProduct().getName(),
                l.getCooperativeId(),
                l.getChannel().cliName(),
                l.isEnabled(),
                l.getAvailability().name(),
                l.isDeleted(),
                l.isLive(),
                l.getUpdatedAt());
    }
}

package vn.temso.listing.boundary;

import java.time.Instant;
import java.util.List;
import vn.temso.listing.control.ListingProblems;
import vn.temso.listing.entity.Listing;

/** A listing, with the problems that keep it out of its channel now (empty when it is published). */
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
        Instant updatedAt,
        List<ListingProblems.Problem> problems) {

    static ListingView of(Listing l, List<ListingProblems.Problem> problems) {
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
                l.getUpdatedAt(),
                problems);
    }
}

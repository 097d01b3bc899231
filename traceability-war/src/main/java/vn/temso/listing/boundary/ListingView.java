package vn.temso.listing.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import vn.temso.listing.control.ListingProblems;
import vn.temso.listing.control.Stock;
import vn.temso.listing.control.StockLevel;
import vn.temso.listing.entity.Listing;

/**
 * A listing, with the problems that keep it out of its channel now (empty when it is published). {@code availability}
 * is the manager's choice; {@code effectiveAvailability} is what feeds and pushes say: out of stock without an open
 * batch, and then {@code outOfStockReason} ({@code no-open-batch}, {@code all-recalled}, {@code set-by-you}) and its
 * words in the caller's language.
 */
public record ListingView(
        String id,
        String productId,
        String gtin,
        String productName,
        String cooperativeId,
        String channel,
        boolean enabled,
        String availability,
        String effectiveAvailability,
        String outOfStockReason,
        String outOfStockMessage,
        boolean deleted,
        boolean live,
        Instant updatedAt,
        List<ListingProblems.Problem> problems) {

    static ListingView of(Listing l, StockLevel stock, Locale locale, List<ListingProblems.Problem> problems) {
        StockLevel.Reason why = stock.whyOut(l);
        return new ListingView(
                l.getId(),
                l.getProduct().getId(),
                l.getProduct().getGtin(),
                l.getProduct().getName(),
                l.getCooperativeId(),
                l.getChannel().cliName(),
                l.isEnabled(),
                l.getAvailability().name(),
                stock.effective(l).name(),
                why == null ? null : why.code(),
                Stock.words(why, locale),
                l.isDeleted(),
                l.isLive(),
                l.getUpdatedAt(),
                problems);
    }
}

package vn.temso.listing.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.temso.listing.control.ListingProblems;
import vn.temso.listing.control.PushOutbox;
import vn.temso.listing.entity.ListingFeed;
import vn.temso.listing.entity.OutboxEntry;
import vn.temso.platform.outbox.OutboxStatus;
import vn.temso.platform.rest.Page;

/** Push and feed status of the caller's listings. */
public record SyncStatusView(Push push, List<Feed> feeds, Page<Item> items) {

    /** Whether push is configured; {@code message} says why not. {@code counts} per status in the caller's scope. */
    public record Push(boolean enabled, String endpointHost, String message, Map<String, Long> counts) {}

    /**
     * A feed file and its last run. {@code demo} (with {@code notice}) when its links are plain http: a local demo,
     * not accepted by marketplaces. {@code problems}: the listed products that fail the channel's rules now.
     */
    public record Feed(
            String cooperativeId,
            String channel,
            String url,
            boolean dirty,
            String outcome,
            String message,
            Long itemsWritten,
            Long itemsInvalid,
            Long itemsDeleted,
            Instant generatedAt,
            Instant publishedAt,
            boolean demo,
            String notice,
            List<ListingProblems.ItemProblems> problems) {
        static Feed of(ListingFeed f, String url, String notice, List<ListingProblems.ItemProblems> problems) {
            return new Feed(
                    f.getCooperativeId(),
                    f.getChannel().cliName(),
                    url,
                    f.isDirty(),
                    f.getOutcome() == null ? null : f.getOutcome().name(),
                    f.getMessage(),
                    f.getItemsWritten(),
                    f.getItemsInvalid(),
                    f.getItemsDeleted(),
                    f.getGeneratedAt(),
                    f.getPublishedAt(),
                    notice != null,
                    notice,
                    problems);
        }
    }

    /** One queued version of one product on a push channel. */
    public record Item(
            String id,
            String listingId,
            String productId,
            String gtin,
            String productName,
            String channel,
            int productVersion,
            String contentHash,
            String idempotencyKey,
            String status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Integer httpStatus,
            Instant createdAt,
            Instant syncedAt) {
        static Item of(PushOutbox.StatusRow row) {
            OutboxEntry o = row.entry();
            return new Item(
                    o.getId(),
                    o.getListingId(),
                    o.getProductId(),
                    row.gtin(),
                    row.productName(),
                    o.getChannel().cliName(),
                    o.getProductVersion(),
                    o.getContentHash(),
                    o.getIdempotencyKey(),
                    o.getStatus().name(),
                    o.getAttempts(),
                    o.getStatus() == OutboxStatus.PENDING ? o.getNextAttemptAt() : null,
                    o.getLastError(),
                    o.getHttpStatus(),
                    o.getCreatedAt(),
                    o.getSyncedAt());
        }
    }
}

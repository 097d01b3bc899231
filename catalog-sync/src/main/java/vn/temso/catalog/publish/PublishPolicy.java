package vn.temso.catalog.publish;

/**
 * When a new feed is held back instead of replacing the last good one.
 *
 * @param maxInvalidShare    hold back if more than this share of the (non-deleted) items fail validation
 * @param maxShrinkShare     hold back if the feed has more than this share fewer items than the last good feed
 * @param maxReportedItems   how many invalid items are reported in detail (the rest are only counted)
 */
public record PublishPolicy(double maxInvalidShare, double maxShrinkShare, int maxReportedItems) {

    public static final PublishPolicy DEFAULT = new PublishPolicy(0.10, 0.50, 10_000);

    public PublishPolicy {
        if (!(maxInvalidShare >= 0 && maxInvalidShare <= 1) || !(maxShrinkShare >= 0 && maxShrinkShare <= 1)) {
            throw new IllegalArgumentException("shares must be between 0 and 1");
        }
        if (maxReportedItems < 0) {
            throw new IllegalArgumentException("maxReportedItems must not be negative");
        }
    }
}

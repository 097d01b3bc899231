package vn.temso.catalog.publish;

import java.nio.file.Path;
import java.util.List;
import vn.temso.catalog.validate.ItemReport;

/**
 * What happened to one feed run.
 *
 * @param feed               the published file (when held back: the untouched last good file, which may not exist)
 * @param itemsWritten       valid items in the new feed
 * @param itemsInvalid       items left out because they failed validation
 * @param itemsDeleted       deleted items dropped on purpose
 * @param previousItemCount  items in the last good feed, or -1 when there was none
 * @param invalidItems       details for up to {@link PublishPolicy#maxReportedItems()} invalid items
 */
public record PublishResult(
        Status status,
        List<HoldReason> reasons,
        String message,
        Path feed,
        long itemsWritten,
        long itemsInvalid,
        long itemsDeleted,
        long previousItemCount,
        List<ItemReport> invalidItems) {

    public enum Status {
        PUBLISHED,
        HELD_BACK
    }

    public enum HoldReason {
        TOO_MANY_INVALID,
        CATALOG_SHRANK
    }

    public PublishResult {
        reasons = List.copyOf(reasons);
        invalidItems = List.copyOf(invalidItems);
    }

    public boolean published() {
        return status == Status.PUBLISHED;
    }

    /** Share of non-deleted items that failed validation. */
    public double invalidShare() {
        long total = itemsWritten + itemsInvalid;
        return total == 0 ? 0 : (double) itemsInvalid / total;
    }
}

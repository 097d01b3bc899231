package vn.temso.listing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.temso.catalog.feed.Channel;
import vn.temso.platform.outbox.OutboxRow;
import vn.temso.platform.outbox.OutboxStatus;

/**
 * One version of one product to push to one channel, written in the transaction that changed the product or
 * listing. The delivery columns and their conditional updates are the shared outbox's ({@link OutboxRow}); a push row
 * is PENDING, SENDING, SYNCED or FAILED.
 */
@Entity
@Table(name = "push_outbox")
public class OutboxEntry extends OutboxRow {

    @Column(name = "listing_id")
    private String listingId;

    @Column(name = "product_id")
    private String productId;

    @Column(name = "cooperative_id")
    private String cooperativeId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Column(name = "product_version")
    private int productVersion;

    protected OutboxEntry() {}

    public OutboxEntry(
            String listingId,
            String productId,
            String cooperativeId,
            Channel channel,
            int productVersion,
            String contentHash,
            String idempotencyKey,
            String body,
            Instant createdAt) {
        super(contentHash, idempotencyKey, body, OutboxStatus.PENDING, createdAt);
        this.listingId = listingId;
        this.productId = productId;
        this.cooperativeId = cooperativeId;
        this.channel = channel;
        this.productVersion = productVersion;
    }

    public String getListingId() {
        return listingId;
    }

    public String getProductId() {
        return productId;
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public Channel getChannel() {
        return channel;
    }

    public int getProductVersion() {
        return productVersion;
    }
}

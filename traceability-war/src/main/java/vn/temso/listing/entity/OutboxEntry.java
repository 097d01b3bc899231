package vn.temso.listing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import vn.temso.catalog.feed.Channel;

/**
 * One version of one product to push to one channel, written in the transaction that changed the product or
 * listing. The body is stored, so every attempt sends exactly the bytes (and the idempotency key) that were queued.
 * After it is created the row changes only through conditional bulk updates in {@code PushOutbox} (claim with
 * {@code version = ?}), which is what makes claiming safe across several instances.
 */
@Entity
@Table(name = "push_outbox")
public class OutboxEntry {

    /** PENDING → SENDING (claimed, with a lease) → SYNCED, back to PENDING for a retry, or FAILED. */
    public enum Status {
        PENDING,
        SENDING,
        SYNCED,
        FAILED
    }

    @Id
    private String id;

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

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Lob
    private String body;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "synced_at")
    private Instant syncedAt;

    private int version;

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
        this.id = UUID.randomUUID().toString();
        this.listingId = listingId;
        this.productId = productId;
        this.cooperativeId = cooperativeId;
        this.channel = channel;
        this.productVersion = productVersion;
        this.contentHash = contentHash;
        this.idempotencyKey = idempotencyKey;
        this.body = body;
        this.status = Status.PENDING;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    public String getId() {
        return id;
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

    public String getContentHash() {
        return contentHash;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public String getLastError() {
        return lastError;
    }

    public Integer getHttpStatus() {
        return httpStatus;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSyncedAt() {
        return syncedAt;
    }

    public int getVersion() {
        return version;
    }
}

package vn.temso.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns every outbox row has: what to send (the stored body, its content hash and idempotency key, so every
 * attempt sends exactly the bytes that were queued) and where its delivery stands. After it is created a row changes
 * only through the conditional bulk updates of {@link Outbox} (each checks and bumps {@code version}), which is what
 * makes claiming safe across several instances.
 */
@MappedSuperclass
public abstract class OutboxRow {

    @Id
    private String id;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Lob
    private String body;

    @Enumerated(EnumType.STRING)
    private OutboxStatus status;

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

    protected OutboxRow() {}

    protected OutboxRow(
            String contentHash, String idempotencyKey, String body, OutboxStatus status, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.contentHash = contentHash;
        this.idempotencyKey = idempotencyKey;
        this.body = body;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    public String getId() {
        return id;
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

    public OutboxStatus getStatus() {
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

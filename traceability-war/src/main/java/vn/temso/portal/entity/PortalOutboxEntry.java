package vn.temso.portal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.temso.platform.outbox.OutboxRow;
import vn.temso.platform.outbox.OutboxStatus;

/**
 * One version of one lot's portal record, as mapped (the body sent), written when the record's content changed. A
 * record that lacks required fields is written HELD with the fields it lacks and never sent; a newer version makes
 * the unsent older ones SUPERSEDED (the portal needs the record as it stands, not every step on the way). Delivery
 * columns and their conditional updates are the shared outbox's ({@link OutboxRow}).
 */
@Entity
@Table(name = "portal_outbox")
public class PortalOutboxEntry extends OutboxRow {

    @Column(name = "batch_id")
    private String batchId;

    @Column(name = "cooperative_id")
    private String cooperativeId;

    @Column(name = "record_version")
    private int recordVersion;

    /** HELD: the required fields the record lacks, as a JSON array of {field, source, message{vi, en}}. */
    private String missing;

    protected PortalOutboxEntry() {}

    public PortalOutboxEntry(
            String batchId,
            String cooperativeId,
            int recordVersion,
            String contentHash,
            String idempotencyKey,
            String body,
            String missing,
            Instant createdAt) {
        super(contentHash, idempotencyKey, body, missing == null ? OutboxStatus.PENDING : OutboxStatus.HELD, createdAt);
        this.batchId = batchId;
        this.cooperativeId = cooperativeId;
        this.recordVersion = recordVersion;
        this.missing = missing;
    }

    public String getBatchId() {
        return batchId;
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public int getRecordVersion() {
        return recordVersion;
    }

    public String getMissing() {
        return missing;
    }
}

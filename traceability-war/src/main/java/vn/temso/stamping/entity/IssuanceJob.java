package vn.temso.stamping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A request to issue N stamps for a batch. Stamps are issued in chunks, each committed with the job's progress,
 * so {@code issued} always equals the stamps that exist, and a job interrupted by a crash resumes where its last
 * chunk committed.
 */
@Entity
@Table(name = "issuance_job")
public class IssuanceJob {

    public enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    @Id
    private String id;

    @Column(name = "batch_id")
    private String batchId;

    private int requested;
    private int issued;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String error;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;
    /** The run working the job (instance and run token); written only by {@code JobLeases}, read to fence commits. */
    @Column(name = "lease_owner", insertable = false, updatable = false)
    private String leaseOwner;

    @Column(name = "lease_until", updatable = false)
    private Instant leaseUntil;

    protected IssuanceJob() {}

    public IssuanceJob(String batchId, int requested, String createdBy, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.batchId = batchId;
        this.requested = requested;
        this.status = Status.RUNNING;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Keeps a new job for the instance that starts it until {@code until}; other sweepers leave it alone. */
    public void reserve(Instant until) {
        this.leaseUntil = until;
    }

    public int remaining() {
        return requested - issued;
    }

    public void progressed(int count, Instant at) {
        issued += count;
        if (issued >= requested) {
            status = Status.DONE;
            finishedAt = at;
        }
    }

    public void fail(String reason, Instant at) {
        status = Status.FAILED;
        error = reason;
        finishedAt = at;
    }

    public String getId() {
        return id;
    }

    public String getBatchId() {
        return batchId;
    }

    public int getRequested() {
        return requested;
    }

    public int getIssued() {
        return issued;
    }

    public Status getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }
}

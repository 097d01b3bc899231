package vn.temso.stamping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.temso.batch.entity.Batch;

/**
 * One issued digital stamp (tem số): a signed GS1 Digital Link URL for one package of a batch. The serial is
 * unique per GTIN: the id is made of both ({@link #idFor}). Rows are inserted by the issuer as JDBC batches.
 */
@Entity
@Table(name = "stamp")
public class Stamp {

    public enum Status {
        ACTIVE,
        VOIDED
    }

    @Id
    private String id;

    private String gtin;
    private String serial;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "batch_id")
    private Batch batch;

    private int seq;
    private String kid;
    private String url;

    @Column(name = "job_id")
    private String jobId;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "void_reason")
    private String voidReason;
    // no scan counters here: every scan reads this row, so no scan writes it (counts come from the scan rows)
    private boolean suspicious;
    private String suspicion;

    @Column(name = "flagged_at")
    private Instant flaggedAt;

    protected Stamp() {}

    /**
     * A stamp's id: its GS1 key, GTIN-14 "." serial. The primary key then also keeps serials unique per GTIN, with
     * no second index to update on every insert (changelog 008; a check constraint holds every row to this form).
     */
    public static String idFor(String gtin14, String serial) {
        return gtin14 + "." + serial;
    }

    public void flag(String why, Instant at) {
        if (!suspicious) {
            suspicious = true;
            suspicion = why;
            flaggedAt = at;
        }
    }

    public String getId() {
        return id;
    }

    public String getGtin() {
        return gtin;
    }

    public String getSerial() {
        return serial;
    }

    public Batch getBatch() {
        return batch;
    }

    public int getSeq() {
        return seq;
    }

    public String getKid() {
        return kid;
    }

    public String getUrl() {
        return url;
    }

    public String getJobId() {
        return jobId;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getVoidedAt() {
        return voidedAt;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public Instant getFlaggedAt() {
        return flaggedAt;
    }

    public boolean isSuspicious() {
        return suspicious;
    }

    public String getSuspicion() {
        return suspicion;
    }
}

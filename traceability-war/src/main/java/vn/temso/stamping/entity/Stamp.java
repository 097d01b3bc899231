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
import java.util.UUID;
import vn.temso.batch.entity.Batch;

/**
 * One issued digital stamp (tem số): a signed GS1 Digital Link URL for one package of a batch. The serial is
 * unique per GTIN. Scans are counted here for the clone rules; each scan is also kept in {@code scan}.
 */
@Entity
@Table(name = "stamp")
public class Stamp {

    public enum Status { ACTIVE, VOIDED }

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

    protected Stamp() {
    }

    public Stamp(Batch batch, String gtin, String serial, int seq, String kid, String url, String jobId, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.batch = batch;
        this.gtin = gtin;
        this.serial = serial;
        this.seq = seq;
        this.kid = kid;
        this.url = url;
        this.jobId = jobId;
        this.status = Status.ACTIVE;
        this.issuedAt = at;
    }

    public void voidStamp(String reason) {
        if (status == Status.ACTIVE) {
            status = Status.VOIDED;
            voidedAt = Instant.now();
            voidReason = reason;
        }
    }

    public void flag(String why) {
        if (!suspicious) {
            suspicious = true;
            suspicion = why;
            flaggedAt = Instant.now();
        }
    }

    public String getId() { return id; }
    public String getGtin() { return gtin; }
    public String getSerial() { return serial; }
    public Batch getBatch() { return batch; }
    public int getSeq() { return seq; }
    public String getKid() { return kid; }
    public String getUrl() { return url; }
    public String getJobId() { return jobId; }
    public Status getStatus() { return status; }
    public Instant getIssuedAt() { return issuedAt; }
    public Instant getVoidedAt() { return voidedAt; }
    public String getVoidReason() { return voidReason; }
    public Instant getFlaggedAt() { return flaggedAt; }
    public boolean isSuspicious() { return suspicious; }
    public String getSuspicion() { return suspicion; }
}

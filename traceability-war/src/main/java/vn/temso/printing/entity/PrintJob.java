package vn.temso.printing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One print of stamp labels for a batch: who printed which serials (seq range), on which template, in which format,
 * and whether it was a reprint of existing stamps. The record is the reprint history; the file it produced is kept
 * under the data directory until the retention period ends ({@code fileDeletedAt}). A job that issues new stamps
 * first waits for its issuing job ({@code ISSUING}).
 */
@Entity
@Table(name = "print_job")
public class PrintJob {

    public enum Status {
        ISSUING,
        PRINTING,
        DONE,
        FAILED
    }

    /** Restarts after which an interrupted job is given up rather than resumed again. */
    public static final int MAX_ATTEMPTS = 3;

    @Id
    private String id;

    @Column(name = "batch_id")
    private String batchId;

    @Column(name = "cooperative_id")
    private String cooperativeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "output_format")
    private PrintFormat format;

    @Column(name = "template_name")
    private String templateName;
    /** Set when a cooperative's custom template was used; {@code templateJson} is its geometry at that time. */
    @Column(name = "template_id")
    private String templateId;

    @Column(name = "template_json")
    private String templateJson;

    private int dpi;

    @Column(name = "start_position")
    private int startPosition;

    @Column(name = "cut_marks")
    private boolean cutMarks;

    @Column(name = "label_count")
    private int labelCount;

    @Column(name = "from_seq")
    private Integer fromSeq;

    @Column(name = "to_seq")
    private Integer toSeq;

    private boolean reprint;

    @Column(name = "issuance_job_id")
    private String issuanceJobId;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "labels_done")
    private int labelsDone;

    private int pages;

    @Column(name = "file_bytes")
    private long fileBytes;

    private String error;
    private int attempts;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "file_deleted_at")
    private Instant fileDeletedAt;
    /** The run working the job (instance and run token); written only by {@code JobLeases}, read to fence commits. */
    @Column(name = "lease_owner", insertable = false, updatable = false)
    private String leaseOwner;

    @Column(name = "lease_until", updatable = false)
    private Instant leaseUntil;

    protected PrintJob() {}

    private PrintJob(
            String batchId,
            String cooperativeId,
            PrintFormat format,
            String templateName,
            int dpi,
            int startPosition,
            boolean cutMarks,
            int labelCount,
            String createdBy,
            Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.batchId = batchId;
        this.cooperativeId = cooperativeId;
        this.format = format;
        this.templateName = templateName;
        this.dpi = dpi;
        this.startPosition = startPosition;
        this.cutMarks = cutMarks;
        this.labelCount = labelCount;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Prints stamps about to be issued by {@code issuanceJobId}; the seq range is known once they exist. */
    public static PrintJob ofNewStamps(
            String batchId,
            String cooperativeId,
            PrintFormat format,
            String templateName,
            int dpi,
            int startPosition,
            boolean cutMarks,
            int count,
            String issuanceJobId,
            String createdBy,
            Instant createdAt) {
        PrintJob j = new PrintJob(
                batchId,
                cooperativeId,
                format,
                templateName,
                dpi,
                startPosition,
                cutMarks,
                count,
                createdBy,
                createdAt);
        j.issuanceJobId = issuanceJobId;
        j.status = Status.ISSUING;
        return j;
    }

    /** Prints existing stamps again: the same serials, recorded as a reprint. */
    public static PrintJob reprintOf(
            String batchId,
            String cooperativeId,
            PrintFormat format,
            String templateName,
            int dpi,
            int startPosition,
            boolean cutMarks,
            int fromSeq,
            int toSeq,
            int activeStamps,
            String createdBy,
            Instant createdAt) {
        PrintJob j = new PrintJob(
                batchId,
                cooperativeId,
                format,
                templateName,
                dpi,
                startPosition,
                cutMarks,
                activeStamps,
                createdBy,
                createdAt);
        j.fromSeq = fromSeq;
        j.toSeq = toSeq;
        j.reprint = true;
        j.status = Status.PRINTING;
        return j;
    }

    /** The job prints on a cooperative's custom sheet: keeps its id and a copy of its geometry. */
    public void usesCustomTemplate(String id, String sheetJson) {
        this.templateId = id;
        this.templateJson = sheetJson;
    }

    /** The file was deleted after the retention period; the record stays as the print history. */
    public void fileDeleted(Instant at) {
        if (fileDeletedAt == null) {
            fileDeletedAt = at;
        }
    }

    /** Keeps a new job for the instance that starts it until {@code until}; other sweepers leave it alone. */
    public void reserve(Instant until) {
        this.leaseUntil = until;
    }

    public boolean isFinished() {
        return status == Status.DONE || status == Status.FAILED;
    }

    /** A run (first or resumed) begins. */
    public void attempt() {
        attempts++;
        labelsDone = 0;
    }

    /** The stamps were issued: from now on this job prints exactly these serials. */
    public void issued(int issuedCount, int firstSeq, int lastSeq) {
        labelCount = issuedCount;
        fromSeq = firstSeq;
        toSeq = lastSeq;
        status = Status.PRINTING;
    }

    public void progressed(long done) {
        if (status == Status.PRINTING) {
            labelsDone = (int) Math.min(done, labelCount);
        }
    }

    public void done(long labels, int pageCount, long bytes, Instant at) {
        labelsDone = (int) labels;
        pages = pageCount;
        fileBytes = bytes;
        status = Status.DONE;
        finishedAt = at;
    }

    public void fail(String reason, Instant at) {
        status = Status.FAILED;
        error = reason == null ? "failed" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        finishedAt = at;
    }

    public int percent() {
        if (status == Status.DONE) {
            return 100;
        }
        return labelCount == 0 ? 0 : (int) (100L * labelsDone / labelCount);
    }

    /** The name the download gets, e.g. {@code tem-TT2611-A-1-30.pdf}. */
    public String fileName(String lotCode) {
        String lot = lotCode == null ? "lo" : lotCode.replaceAll("[^A-Za-z0-9._-]", "_");
        return "tem-" + lot + (fromSeq == null ? "" : "-" + fromSeq + "-" + toSeq) + "." + format.extension();
    }

    public String getId() {
        return id;
    }

    public String getBatchId() {
        return batchId;
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public PrintFormat getFormat() {
        return format;
    }

    public String getTemplateName() {
        return templateName;
    }

    public String getTemplateId() {
        return templateId;
    }

    public String getTemplateJson() {
        return templateJson;
    }

    public int getDpi() {
        return dpi;
    }

    public int getStartPosition() {
        return startPosition;
    }

    public boolean isCutMarks() {
        return cutMarks;
    }

    public int getLabelCount() {
        return labelCount;
    }

    public Integer getFromSeq() {
        return fromSeq;
    }

    public Integer getToSeq() {
        return toSeq;
    }

    public boolean isReprint() {
        return reprint;
    }

    public String getIssuanceJobId() {
        return issuanceJobId;
    }

    public Status getStatus() {
        return status;
    }

    public int getLabelsDone() {
        return labelsDone;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public int getPages() {
        return pages;
    }

    public long getFileBytes() {
        return fileBytes;
    }

    public String getError() {
        return error;
    }

    public int getAttempts() {
        return attempts;
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

    public Instant getFileDeletedAt() {
        return fileDeletedAt;
    }
}

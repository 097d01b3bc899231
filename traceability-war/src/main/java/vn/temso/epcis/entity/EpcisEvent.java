package vn.temso.epcis.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import vn.temso.cooperative.entity.Cooperative;

/**
 * One EPCIS event. The JSON body is written once and never changed: a correction is an error declaration added to
 * the event (the three {@code error*} columns, written out as the event's {@code errorDeclaration}), and the
 * corrective event is a new row. Stamp ranges are expanded when the event is written out ({@link StampRange}).
 */
@Entity
@Table(name = "epcis_event")
public class EpcisEvent {

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "event_type")
    private String eventType;

    @Enumerated(EnumType.STRING)
    private EventKind kind;

    @Column(name = "record_id")
    private String recordId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cooperative_id")
    private Cooperative cooperative;

    @Column(name = "batch_id")
    private String batchId;

    @Column(name = "event_time")
    private Instant eventTime;

    @Column(name = "record_time")
    private Instant recordTime;

    @Column(name = "biz_step")
    private String bizStep;

    private String disposition;
    private String action;

    @Column(name = "biz_location")
    private String bizLocation;

    @Column(name = "stamp_from")
    private Integer stampFrom;

    @Column(name = "stamp_to")
    private Integer stampTo;

    @Column(name = "stamp_job_id")
    private String stampJobId;

    @Column(name = "partner_id")
    private String partnerId;

    @Column(name = "capture_id")
    private String captureId;

    @Column(name = "shown_publicly")
    private boolean shownPublicly;

    @Lob
    private String body;

    @Column(name = "error_declared_at")
    private Instant errorDeclaredAt;

    @Column(name = "error_reason")
    private String errorReason;

    @Column(name = "corrective_event_ids")
    private String correctiveEventIds;

    protected EpcisEvent() {}

    /** What an event is about and where it is filed; the JSON body says the rest. */
    public record Filing(
            EventKind kind,
            String recordId,
            Cooperative cooperative,
            String batchId,
            Instant eventTime,
            Instant recordTime,
            StampRange stamps) {}

    /** The fields queries filter on, as they appear in the body. */
    public record What(String eventType, String action, String bizStep, String disposition, String bizLocation) {}

    public EpcisEvent(String eventId, Filing filing, What what, String body) {
        this.eventId = eventId;
        this.kind = filing.kind();
        this.recordId = filing.recordId();
        this.cooperative = filing.cooperative();
        this.batchId = filing.batchId();
        this.eventTime = filing.eventTime();
        this.recordTime = filing.recordTime();
        if (filing.stamps() != null) {
            this.stampFrom = filing.stamps().fromSeq();
            this.stampTo = filing.stamps().toSeq();
            this.stampJobId = filing.stamps().jobId();
        }
        this.eventType = what.eventType();
        this.action = what.action();
        this.bizStep = what.bizStep();
        this.disposition = what.disposition();
        this.bizLocation = what.bizLocation();
        this.shownPublicly = filing.kind().shownPublicly();
        this.body = body;
    }

    /** Marks a captured event with the partner and the capture it came in. */
    public void capturedBy(String partner, String capture) {
        this.partnerId = partner;
        this.captureId = capture;
    }

    /** Declares this event wrong (CBV error reason), naming the events that correct it; the first declaration stands. */
    public void declareError(Instant at, String reason, List<String> correctiveIds) {
        if (errorDeclaredAt == null) {
            errorDeclaredAt = at;
            errorReason = reason;
            correctiveEventIds = correctiveIds.isEmpty() ? null : String.join(" ", correctiveIds);
        }
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public EventKind getKind() {
        return kind;
    }

    public String getRecordId() {
        return recordId;
    }

    public Cooperative getCooperative() {
        return cooperative;
    }

    public String getBatchId() {
        return batchId;
    }

    public Instant getEventTime() {
        return eventTime;
    }

    public Instant getRecordTime() {
        return recordTime;
    }

    public String getBizStep() {
        return bizStep;
    }

    public String getDisposition() {
        return disposition;
    }

    public String getAction() {
        return action;
    }

    public String getBizLocation() {
        return bizLocation;
    }

    /** The stamps this event names by range, or null. */
    public StampRange getStamps() {
        return stampFrom == null ? null : new StampRange(stampFrom, stampTo, stampJobId);
    }

    public String getPartnerId() {
        return partnerId;
    }

    public String getCaptureId() {
        return captureId;
    }

    public boolean isShownPublicly() {
        return shownPublicly;
    }

    public String getBody() {
        return body;
    }

    public Instant getErrorDeclaredAt() {
        return errorDeclaredAt;
    }

    public String getErrorReason() {
        return errorReason;
    }

    public List<String> getCorrectiveEventIds() {
        return correctiveEventIds == null ? List.of() : List.of(correctiveEventIds.split(" "));
    }
}

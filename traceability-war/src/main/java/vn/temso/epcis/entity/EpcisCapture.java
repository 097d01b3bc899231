package vn.temso.epcis.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.temso.cooperative.entity.Cooperative;

/**
 * One accepted capture ({@code POST /epcis/capture}): who sent it, when, and how many events it stored (each an
 * {@link EpcisEvent} with this capture's id). A refused document leaves no capture behind: the sender had its answer
 * (a problem) at once. Filed under the cooperative whose lots its events name (the first event's, for an admin's
 * capture naming several).
 */
@Entity
@Table(name = "epcis_capture")
public class EpcisCapture {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cooperative_id")
    private Cooperative cooperative;

    @Column(name = "partner_id")
    private String partnerId;

    private String actor;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "event_count")
    private int eventCount;

    protected EpcisCapture() {}

    public EpcisCapture(
            String id,
            Cooperative cooperative,
            String partnerId,
            String actor,
            Instant receivedAt,
            Instant finishedAt,
            int eventCount) {
        this.id = id;
        this.cooperative = cooperative;
        this.partnerId = partnerId;
        this.actor = actor;
        this.receivedAt = receivedAt;
        this.finishedAt = finishedAt;
        this.eventCount = eventCount;
    }

    public String getId() {
        return id;
    }

    public Cooperative getCooperative() {
        return cooperative;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public String getActor() {
        return actor;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public int getEventCount() {
        return eventCount;
    }
}

package vn.temso.trace.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import vn.temso.platform.text.Texts;

/** A buyer's report of a suspected fake, or feedback with a rating, sent from the trace page. */
@Entity
@Table(name = "buyer_report")
public class BuyerReport {

    public enum Kind {
        SUSPECTED_FAKE,
        FEEDBACK
    }

    @Id
    private String id;

    @Column(name = "stamp_id")
    private String stampId;

    @Column(name = "cooperative_id")
    private String cooperativeId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private Integer rating;
    private String message;

    @Column(name = "client_hash")
    private String clientHash;

    @Column(name = "created_at")
    private Instant createdAt;

    protected BuyerReport() {}

    public BuyerReport(
            String stampId,
            String cooperativeId,
            Kind kind,
            Integer rating,
            String message,
            String clientHash,
            Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.stampId = stampId;
        this.cooperativeId = cooperativeId;
        this.kind = kind;
        this.rating = rating;
        String m = Texts.clean(message);
        this.message = m == null || m.length() <= 2000 ? m : m.substring(0, 2000);
        this.clientHash = clientHash;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getStampId() {
        return stampId;
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public Kind getKind() {
        return kind;
    }

    public Integer getRating() {
        return rating;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

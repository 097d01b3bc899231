package vn.temso.batch.entity;

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
import java.time.LocalDate;
import java.util.UUID;
import vn.temso.platform.domain.ClientId;
import vn.temso.platform.text.Texts;
import vn.temso.platform.time.FarmTime;

/**
 * One entry of a season's farm diary (zone + season), written before any batch exists. Append-only like a batch's
 * diary: a correction is a new entry naming the one it corrects. Batches that take the season hold copies of its
 * entries ({@link BatchEvent#getSeasonEntryId}).
 */
@Entity
@Table(name = "season_entry")
public class SeasonEntry {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "season_id")
    private Season season;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    private EventType type;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;
    private String note;

    @Column(name = "input_name")
    private String inputName;

    private String dose;

    @Column(name = "phi_days")
    private Integer preHarvestIntervalDays;

    @Column(name = "corrects_event_id")
    private String correctsEventId;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected SeasonEntry() {}

    SeasonEntry(Season season, NewEvent entry, Instant recordedAt) {
        this.preHarvestIntervalDays = DiaryRules.check(entry.type(), entry.inputName(), entry.preHarvestIntervalDays());
        this.id = UUID.randomUUID().toString();
        this.season = season;
        this.type = entry.type();
        this.occurredAt = entry.occurredAt();
        this.actor = Texts.clean(entry.actor());
        this.note = Texts.clean(entry.note());
        this.inputName = Texts.clean(entry.inputName());
        this.dose = Texts.clean(entry.dose());
        this.correctsEventId = entry.correctsEventId();
        this.clientId = ClientId.validate(entry.clientId());
        this.recordedBy = entry.recordedBy();
        this.recordedAt = recordedAt;
    }

    /** The first day a harvest is safe after this spraying, or null if this is not a spraying. */
    public LocalDate safeHarvestFrom() {
        if (type != EventType.SPRAYING || preHarvestIntervalDays == null) {
            return null;
        }
        return FarmTime.dateOf(occurredAt).plusDays(preHarvestIntervalDays);
    }

    public String getId() {
        return id;
    }

    public Season getSeason() {
        return season;
    }

    public EventType getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getNote() {
        return note;
    }

    public String getInputName() {
        return inputName;
    }

    public String getDose() {
        return dose;
    }

    public Integer getPreHarvestIntervalDays() {
        return preHarvestIntervalDays;
    }

    public String getCorrectsEventId() {
        return correctsEventId;
    }

    public String getClientId() {
        return clientId;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}

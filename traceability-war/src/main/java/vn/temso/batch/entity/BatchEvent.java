package vn.temso.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
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
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.platform.text.Texts;
import vn.temso.platform.time.FarmTime;
import vn.temso.zone.entity.MaterialZone;

/**
 * One farm-diary entry of a batch. Entries are never edited or deleted: a correction is a new entry that
 * names the one it corrects, so the diary keeps its history the way a paper diary does.
 */
@Entity
@EntityListeners(PublicContent.Listener.class) // trace pages cache what they show
@Table(name = "batch_event")
public class BatchEvent {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "batch_id")
    private Batch batch;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    private EventType type;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "zone_id")
    private MaterialZone zone;

    private String actor;
    private String note;

    @Column(name = "input_name")
    private String inputName;

    private String dose;

    @Column(name = "phi_days")
    private Integer preHarvestIntervalDays;

    @Column(name = "corrects_event_id")
    private String correctsEventId;

    /** Shipping: to whom; receiving: from whom. */
    @Column(name = "party_name")
    private String partyName;

    @Column(name = "party_gln")
    private String partyGln;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    /** The id the client gave the entry (a UUID), or null. */
    @Column(name = "client_id")
    private String clientId;

    /** For a copy of a season's entry: the entry in the season's diary; null for an entry written on the batch. */
    @Column(name = "season_entry_id")
    private String seasonEntryId;

    static final int MAX_PARTY_NAME = 200;

    protected BatchEvent() {}

    BatchEvent(Batch batch, NewEvent entry, Instant recordedAt) {
        Integer phi = DiaryRules.check(entry.type(), entry.inputName(), entry.preHarvestIntervalDays());
        String party = Texts.clean(entry.partyName());
        String gln = PartyGln.validate(entry.partyGln());
        if ((party != null || gln != null)
                && entry.type() != EventType.SHIPPING
                && entry.type() != EventType.RECEIVING) {
            throw new InvalidField(
                    party == null ? PartyGln.FIELD : "partyName",
                    "only a shipping (to whom) or receiving (from whom) entry names a party");
        }
        if (party != null && party.length() > MAX_PARTY_NAME) {
            throw new InvalidField("partyName", "a party name has at most " + MAX_PARTY_NAME + " characters");
        }
        this.id = UUID.randomUUID().toString();
        this.batch = batch;
        this.type = entry.type();
        this.occurredAt = entry.occurredAt();
        this.zone = entry.zone();
        this.actor = Texts.clean(entry.actor());
        this.note = Texts.clean(entry.note());
        this.inputName = Texts.clean(entry.inputName());
        this.dose = Texts.clean(entry.dose());
        this.preHarvestIntervalDays = phi;
        this.correctsEventId = entry.correctsEventId();
        this.partyName = party;
        this.partyGln = gln;
        this.recordedBy = entry.recordedBy();
        this.recordedAt = recordedAt;
        this.clientId = ClientId.validate(entry.clientId());
    }

    /**
     * The batch's copy of an entry written in a season it took: same work, zone, author and time of writing; a
     * correction names the batch's copy of the entry it corrects.
     */
    BatchEvent(Batch batch, SeasonEntry entry, String correctsEventId) {
        this.id = UUID.randomUUID().toString();
        this.batch = batch;
        this.type = entry.getType();
        this.occurredAt = entry.getOccurredAt();
        this.zone = entry.getSeason().getZone();
        this.actor = entry.getActor();
        this.note = entry.getNote();
        this.inputName = entry.getInputName();
        this.dose = entry.getDose();
        this.preHarvestIntervalDays = entry.getPreHarvestIntervalDays();
        this.correctsEventId = correctsEventId;
        this.recordedBy = entry.getRecordedBy();
        this.recordedAt = entry.getRecordedAt();
        this.seasonEntryId = entry.getId();
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

    public Batch getBatch() {
        return batch;
    }

    public EventType getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public MaterialZone getZone() {
        return zone;
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

    /** The destination of a shipping or the source of a receiving, by name; may be null when a GLN names it. */
    public String getPartyName() {
        return partyName;
    }

    /** The party's GS1 Global Location Number (13 digits, check digit verified), or null. */
    public String getPartyGln() {
        return partyGln;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getClientId() {
        return clientId;
    }

    public String getSeasonEntryId() {
        return seasonEntryId;
    }
}

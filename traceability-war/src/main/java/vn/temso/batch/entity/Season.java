package vn.temso.batch.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.domain.ClientId;
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.platform.text.Texts;
import vn.temso.platform.time.FarmTime;
import vn.temso.zone.entity.MaterialZone;

/**
 * A season (vụ, one crop cycle) of a zone: the farm diary is written against it from sowing on, long before a lot
 * code or a harvest date exists. A batch harvested from the zone within the season takes its entries ({@link
 * Batch#takeSeason}). Seasons of one zone do not overlap, so a harvest day names at most one season per zone.
 */
@Entity
@EntityListeners(PublicContent.Listener.class) // its entries reach trace pages through the batches that took it
@Table(name = "season")
public class Season {

    static final int MAX_NAME = 120;

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "zone_id")
    private MaterialZone zone;

    private String name;
    private String crop;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @OneToMany(mappedBy = "season", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("occurredAt ASC, recordedAt ASC")
    private List<SeasonEntry> entries = new ArrayList<>();

    @Version
    private int version;

    protected Season() {}

    public Season(
            MaterialZone zone,
            String name,
            String crop,
            LocalDate startsOn,
            LocalDate endsOn,
            String clientId,
            String createdBy,
            Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.zone = zone;
        this.clientId = ClientId.validate(clientId);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        describe(name, crop, startsOn, endsOn);
    }

    /** Names the season and sets its period; the end may stay open until the last harvest. */
    public final void describe(String name, String crop, LocalDate startsOn, LocalDate endsOn) {
        String n = Texts.clean(name);
        if (n == null || n.length() > MAX_NAME) {
            throw new InvalidField("name", "a season has a name of 1 to " + MAX_NAME + " characters (Đông Xuân 2026)");
        }
        if (startsOn == null) {
            throw new InvalidField("startsOn", "a season has a first day");
        }
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new InvalidField("endsOn", "a season ends on or after its first day");
        }
        String c = Texts.clean(crop);
        if (c != null && c.length() > MAX_NAME) {
            throw new InvalidField("crop", "a crop has at most " + MAX_NAME + " characters");
        }
        this.name = n;
        this.crop = c;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    /** Does the period of this season hold that day? */
    public boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    /** Do the periods of the two seasons share a day? */
    public boolean overlaps(LocalDate start, LocalDate end) {
        return (end == null || !end.isBefore(startsOn)) && (endsOn == null || !endsOn.isBefore(start));
    }

    /**
     * Writes an entry in this season's diary. Its day lies in the season; it is about this season's zone (a zone
     * given must be it); shipping and receiving are of a lot, written in a batch's diary; a correction names an entry
     * of this season.
     */
    public SeasonEntry addEntry(NewEvent entry, Instant at) {
        if (entry.type() == EventType.SHIPPING || entry.type() == EventType.RECEIVING) {
            throw new InvalidField("type", "a shipping or receiving is of a lot: write it in the batch's diary");
        }
        if (entry.partyName() != null || entry.partyGln() != null) {
            throw new InvalidField("partyName", "only a batch's shipping or receiving names a party");
        }
        if (entry.zone() != null && !entry.zone().getId().equals(zone.getId())) {
            throw new InvalidField("zoneId", "this season is of zone " + zone.getCode());
        }
        if (entry.occurredAt() == null) {
            throw new InvalidField("occurredAt", "a diary entry says when the work was done");
        }
        if (!contains(FarmTime.dateOf(entry.occurredAt()))) {
            throw new InvalidField(
                    "occurredAt",
                    "the work was done on " + FarmTime.dateOf(entry.occurredAt()) + ", outside season " + name + " ("
                            + startsOn + " – " + (endsOn == null ? "" : endsOn) + ")");
        }
        String corrects = entry.correctsEventId();
        if (corrects != null && entries.stream().noneMatch(e -> e.getId().equals(corrects))) {
            throw new InvalidField("correctsEventId", "the corrected entry " + corrects + " is not in this season");
        }
        SeasonEntry e = new SeasonEntry(this, entry, at);
        entries.add(e);
        return e;
    }

    /** Entries as they stand: those a later correction replaced are left out. */
    public List<SeasonEntry> currentEntries() {
        Set<String> corrected = entries.stream()
                .map(SeasonEntry::getCorrectsEventId)
                .filter(c -> c != null)
                .collect(Collectors.toSet());
        return entries.stream().filter(e -> !corrected.contains(e.getId())).toList();
    }

    public Cooperative getCooperative() {
        return zone.getCooperative();
    }

    public String getId() {
        return id;
    }

    public MaterialZone getZone() {
        return zone;
    }

    public String getName() {
        return name;
    }

    public String getCrop() {
        return crop;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getClientId() {
        return clientId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Every entry in the order written down (corrections included), oldest work first. */
    public List<SeasonEntry> getEntries() {
        return List.copyOf(entries);
    }

    public int getVersion() {
        return version;
    }
}

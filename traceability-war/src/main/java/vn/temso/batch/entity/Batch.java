package vn.temso.batch.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.domain.ClientId;
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.domain.RuleBroken;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.platform.text.Texts;
import vn.temso.product.entity.Product;
import vn.temso.zone.entity.MaterialZone;

/**
 * A harvest batch (lô) of one product from one or more zones of the same cooperative, identified by its GS1
 * lot code (unique per product), or a batch made from other batches of that cooperative ({@link BatchInput}: paddy
 * milled into rice, harvests blended into one lot) whose zones are where its inputs grew. It carries its farm diary; a spraying whose pre-harvest interval ends after
 * the harvest date is flagged, never hidden.
 */
@Entity
@EntityListeners(PublicContent.Listener.class) // trace pages cache what they show
@Table(name = "batch")
public class Batch {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "cooperative_id")
    private Cooperative cooperative;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(name = "lot_code")
    private String lotCode;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(
            name = "batch_zone",
            joinColumns = @JoinColumn(name = "batch_id"),
            inverseJoinColumns = @JoinColumn(name = "zone_id"))
    private Set<MaterialZone> zones = new HashSet<>();

    @Column(name = "harvest_date")
    private LocalDate harvestDate;

    @Column(name = "expiry_date")
    private LocalDate expiryDate;

    private BigDecimal quantity;
    private String unit;

    @Enumerated(EnumType.STRING)
    private BatchStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @OneToMany(mappedBy = "batch", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("occurredAt ASC, recordedAt ASC")
    private List<BatchEvent> events = new ArrayList<>();

    /** The seasons whose diary this batch took at harvest ({@link #takeSeason}). */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "batch_season",
            joinColumns = @JoinColumn(name = "batch_id"),
            inverseJoinColumns = @JoinColumn(name = "season_id"))
    private Set<Season> seasons = new HashSet<>();

    /** The batches this one was made from; fixed at creation. */
    @OneToMany(mappedBy = "output", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    private List<BatchInput> inputs = new ArrayList<>();

    /** The batches made from this one (read side of their {@link #inputs}). */
    @OneToMany(mappedBy = "input", fetch = FetchType.LAZY)
    private List<BatchInput> usedIn = new ArrayList<>();

    /** The UUID the client generated for the create, if it sent one (unique: a repeat finds this batch). */
    @Column(name = "client_id", length = 36)
    private String clientId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private int version;

    protected Batch() {}

    /**
     * @throws InvalidField on {@code zoneIds} when there is no zone or one belongs to another cooperative
     * @throws RuleBroken   {@code zone-not-active} when a zone is not active
     */
    public Batch(Product product, String lotCode, Set<MaterialZone> zones, Instant createdAt) {
        this(product, lotCode, zones, List.of(), createdAt);
    }

    /**
     * A batch made from other batches of the same cooperative (its product may differ from theirs: paddy milled into
     * rice). Its zones are the zones given plus every zone its inputs came from, so {@code zones} may be empty when
     * there are inputs. The inputs are fixed from now on.
     *
     * @throws InvalidField on {@code zoneIds} as above, on {@code inputs} as {@link Genealogy#check} says
     * @throws RuleBroken   {@code zone-not-active}, or {@code input-recalled} when an input is recalled
     */
    public Batch(Product product, String lotCode, Set<MaterialZone> zones, List<InputUse> madeFrom, Instant createdAt) {
        this(product, lotCode, zones, madeFrom, null, createdAt);
    }

    /**
     * As above, with the UUID the client generated for this create ({@code null}: none).
     *
     * @throws InvalidField also on {@code clientId} when it is not a UUID
     */
    public Batch(
            Product product,
            String lotCode,
            Set<MaterialZone> zones,
            List<InputUse> madeFrom,
            String clientId,
            Instant createdAt) {
        this.clientId = ClientId.validate(clientId);
        this.id = UUID.randomUUID().toString();
        this.product = product;
        this.cooperative = product.getCooperative();
        this.lotCode = LotCode.validate(lotCode);
        this.status = BatchStatus.OPEN;
        this.createdAt = createdAt;
        this.statusChangedAt = createdAt;
        Genealogy.check(this, madeFrom);
        for (InputUse use : madeFrom) {
            BatchInput line = new BatchInput(this, use, createdAt);
            inputs.add(line);
            use.batch().usedIn.add(line); // both sides as the database will read them
        }
        assignZones(zones);
    }

    /**
     * Sets the zones the batch comes from: those chosen plus, for a batch made from others, every zone of its inputs
     * (where they grew; those need not be active any more).
     */
    public void assignZones(Set<MaterialZone> chosen) {
        Set<MaterialZone> inherited = new HashSet<>();
        inputs.forEach(i -> inherited.addAll(i.getInput().getZones()));
        if (chosen.isEmpty() && inherited.isEmpty()) {
            throw new InvalidField("zoneIds", "a batch comes from at least one zone");
        }
        for (MaterialZone z : chosen) {
            if (!z.getCooperative().getId().equals(cooperative.getId())) {
                throw new InvalidField("zoneIds", "zone " + z.getCode() + " belongs to another cooperative");
            }
            if (!z.isActive() && !zones.contains(z) && !inherited.contains(z)) {
                throw new RuleBroken(
                        "zone-not-active",
                        "zone " + z.getCode() + " is " + z.getStatus().name().toLowerCase()
                                + "; batches can only come from active zones");
            }
        }
        zones.clear();
        zones.addAll(chosen);
        zones.addAll(inherited);
    }

    public void record(LocalDate harvestDate, LocalDate expiryDate, BigDecimal quantity, String unit) {
        if (expiryDate != null && harvestDate != null && expiryDate.isBefore(harvestDate)) {
            throw new InvalidField("expiryDate", "the expiry date is before the harvest date");
        }
        this.harvestDate = harvestDate;
        this.expiryDate = expiryDate;
        this.quantity = quantity;
        this.unit = Texts.clean(unit);
    }

    /** Adds an entry to the diary held in memory (a batch being built, e.g. demo data, or a test). */
    public BatchEvent addEvent(NewEvent entry, Instant at) {
        BatchEvent e = appendEvent(
                entry, at, id -> events.stream().anyMatch(x -> x.getId().equals(id)));
        events.add(e);
        return e;
    }

    /**
     * Checks and makes a diary entry without reading the diary: a managed batch's diary may hold thousands of
     * entries, and adding to its list would load (and, at commit, compare) all of them. The caller persists the
     * entry; {@code inDiary} answers whether an entry id is in this batch's diary (asked only for a correction).
     */
    public BatchEvent appendEvent(NewEvent entry, Instant at, Predicate<String> inDiary) {
        if (status == BatchStatus.RECALLED) {
            throw new RuleBroken("batch-recalled", "batch " + lotCode + " is recalled; its diary is closed");
        }
        MaterialZone zone = entry.zone();
        if (zone != null && !zones.contains(zone)) {
            throw new InvalidField("zoneId", "zone " + zone.getCode() + " is not a zone of this batch");
        }
        String corrects = entry.correctsEventId();
        if (corrects != null && !inDiary.test(corrects)) {
            throw new InvalidField("correctsEventId", "the corrected event " + corrects + " is not in this batch");
        }
        return new BatchEvent(this, entry, at);
    }

    /**
     * Takes the diary of a season of one of this batch's zones: a copy of each of its entries joins this batch's diary
     * (corrections naming the copies they correct), and entries written in the season later join it too ({@link
     * #takeSeasonEntry}). Taking a season twice changes nothing.
     *
     * @return the copies made now, in the order they were written
     * @throws InvalidField on {@code seasonIds} when the season is not of a zone of this batch
     */
    public List<BatchEvent> takeSeason(Season season) {
        if (!zones.contains(season.getZone())) {
            throw new InvalidField(
                    "seasonIds",
                    "season " + season.getName() + " is of zone "
                            + season.getZone().getCode() + ", not a zone of this batch");
        }
        if (!seasons.add(season)) {
            return List.of();
        }
        List<BatchEvent> copies = new ArrayList<>();
        season.getEntries().stream()
                .sorted(Comparator.comparing(SeasonEntry::getRecordedAt))
                .forEach(e -> copies.add(takeSeasonEntry(e)));
        return copies;
    }

    /**
     * A copy of an entry written in a season this batch took, or null when the batch is recalled (its diary is
     * closed) or already holds that entry.
     */
    public BatchEvent takeSeasonEntry(SeasonEntry entry) {
        if (status == BatchStatus.RECALLED || !seasons.contains(entry.getSeason())) {
            return null;
        }
        String corrects = null;
        for (BatchEvent e : events) {
            if (entry.getId().equals(e.getSeasonEntryId())) {
                return null;
            }
            if (entry.getCorrectsEventId() != null && entry.getCorrectsEventId().equals(e.getSeasonEntryId())) {
                corrects = e.getId();
            }
        }
        BatchEvent copy = new BatchEvent(this, entry, corrects);
        events.add(copy);
        return copy;
    }

    /** Events as they stand: those that a later correction replaced are left out. */
    public List<BatchEvent> currentEvents() {
        Set<String> corrected = events.stream()
                .map(BatchEvent::getCorrectsEventId)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        return events.stream().filter(e -> !corrected.contains(e.getId())).toList();
    }

    /** Sprayings whose pre-harvest interval had not ended by the harvest date. */
    public List<BatchEvent> sprayingsTooCloseToHarvest() {
        if (harvestDate == null) {
            return List.of();
        }
        return currentEvents().stream()
                .filter(e -> e.safeHarvestFrom() != null && e.safeHarvestFrom().isAfter(harvestDate))
                .toList();
    }

    public void close(Instant at) {
        if (status != BatchStatus.OPEN) {
            throw new RuleBroken("batch-not-open", "only an open batch can be closed (this one is " + status + ")");
        }
        status = BatchStatus.CLOSED;
        statusChangedAt = at;
    }

    public void recall(String reason, Instant at) {
        if (status == BatchStatus.RECALLED) {
            throw new RuleBroken("batch-recalled", "batch " + lotCode + " is already recalled");
        }
        if (Texts.clean(reason) == null) {
            throw new InvalidField("reason", "a recall needs a reason buyers can read");
        }
        status = BatchStatus.RECALLED;
        statusReason = Texts.clean(reason);
        statusChangedAt = at;
    }

    /**
     * Recalls every batch made from this recalled one, at any depth, each with a reason naming this lot; those already
     * recalled are left as they are.
     *
     * @return the batches recalled now, nearest first
     */
    public List<Batch> recallDerived(Instant at) {
        if (status != BatchStatus.RECALLED) {
            throw new RuleBroken("batch-not-recalled", "batch " + lotCode + " is not recalled");
        }
        List<Batch> recalled = new ArrayList<>();
        for (Batch d : Genealogy.derivedFrom(this)) {
            if (d.status != BatchStatus.RECALLED) {
                d.recall(Genealogy.derivedRecallReason(this), at);
                recalled.add(d);
            }
        }
        return recalled;
    }

    public String getId() {
        return id;
    }

    public Cooperative getCooperative() {
        return cooperative;
    }

    public Product getProduct() {
        return product;
    }

    public String getLotCode() {
        return lotCode;
    }

    public Set<MaterialZone> getZones() {
        return Set.copyOf(zones);
    }

    public LocalDate getHarvestDate() {
        return harvestDate;
    }

    public LocalDate getExpiryDate() {
        return expiryDate;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public String getUnit() {
        return unit;
    }

    public BatchStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public List<BatchEvent> getEvents() {
        return List.copyOf(events);
    }

    /** The seasons whose diary this batch took. */
    public Set<Season> getSeasons() {
        return Set.copyOf(seasons);
    }

    /** What this batch was made from (in no particular order); empty for a batch harvested from zones. */
    public List<BatchInput> getInputs() {
        return List.copyOf(inputs);
    }

    /** What was made from this batch. */
    public List<BatchInput> getUsedIn() {
        return List.copyOf(usedIn);
    }

    public String getClientId() {
        return clientId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}

package vn.temso.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import vn.temso.batch.boundary.BatchRequest;
import vn.temso.batch.boundary.BatchView;
import vn.temso.batch.boundary.EventRequest;
import vn.temso.batch.control.Batches;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.batch.entity.EventType;
import vn.temso.epcis.control.Custody;
import vn.temso.epcis.control.Journey;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.boundary.ProductView;
import vn.temso.product.control.Products;
import vn.temso.stamping.boundary.StampsResource;
import vn.temso.stamping.control.Stamps;
import vn.temso.zone.boundary.ZoneView;
import vn.temso.zone.control.Zones;
import vn.temso.zone.entity.MaterialZone;
import vn.temso.zone.entity.ZoneStatus;

/** Batches: list, creation from zones, the diary timeline, close and recall, stamps (issue, list, void). */
@Named
@ViewScoped
public class BatchesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Batches batches;

    @Inject
    transient Products products;

    @Inject
    transient Zones zones;

    @Inject
    transient Stamps stamps;

    @Inject
    transient Clock clock;

    @Inject
    transient Custody custody;

    /** 10,000 zones: beyond that a form of checkboxes is the wrong tool anyway. */
    private static final int MAX_ZONE_PAGES = 50;

    private String id;
    private BatchView batch;
    private transient List<ZoneView> activeZones;
    private transient Journey journey;
    // new batch
    private String productId;
    private String lotCode;
    private List<String> zoneIds = new ArrayList<>();
    private LocalDate harvestDate;
    private LocalDate expiryDate;
    private BigDecimal quantity;
    private String unit;
    private List<String> inputIds = new ArrayList<>();
    // diary
    private EventType eventType;
    private LocalDateTime eventAt;
    private String eventZoneId;
    private String actor;
    private String note;
    private String inputName;
    private String dose;
    private Integer phi;
    private String correctsEventId;
    private String partyName;
    private String partyGln;
    // recall, stamps
    private String recallReason;
    private Integer stampCount;
    private String jobId;
    private Integer voidFrom;
    private Integer voidTo;
    private String voidReason;
    private String q;
    private BatchStatus status;
    private int page;
    private transient Page<BatchView> rows;
    private transient Page<StampsResource.StampView> stampRows;

    /** This page of the batch list, by the page's filters (?q=, ?status=, ?page=). */
    public Page<BatchView> getRows() {
        if (rows == null) {
            var p = batches.list(q, null, status, null, null, null, null, Lists.request(page));
            rows = new Page<>(p.items().stream().map(BatchView::of).toList(), p.page(), p.size(), p.total());
        }
        return rows;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public BatchStatus getStatus() {
        return status;
    }

    public void setStatus(BatchStatus status) {
        this.status = status;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public BatchStatus[] getStatuses() {
        return BatchStatus.values();
    }

    public List<BatchView> getList() {
        return Lists.choices(r -> batches.list(null, null, null, null, null, null, r)).stream()
                .map(BatchView::of)
                .toList();
    }

    public List<ProductView> getProducts() {
        return Lists.choices(r -> products.list(null, null, null, r)).stream()
                .map(p -> ProductView.of(p, FarmTime.today(clock)))
                .toList();
    }

    /** Batches a new one can be made from: not recalled (the rules check the rest). */
    public List<BatchView> getInputCandidates() {
        return getList().stream()
                .filter(b -> b.status() != BatchStatus.RECALLED)
                .toList();
    }

    /**
     * Every active zone the caller may use, read page by page (a cooperative that imported hundreds of zones must
     * find each one on the form; the first 200 hid the rest), memoised for the view.
     */
    public List<ZoneView> getActiveZones() {
        if (activeZones == null) {
            LocalDate today = FarmTime.today(clock);
            List<ZoneView> all = new ArrayList<>();
            for (int p = 0; p < MAX_ZONE_PAGES; p++) {
                Page<MaterialZone> page = zones.list(null, ZoneStatus.ACTIVE, null, null, new PageRequest(p, 200));
                page.items().forEach(z -> all.add(ZoneView.brief(z, today)));
                if ((long) (p + 1) * 200 >= page.total()) {
                    break;
                }
            }
            activeZones = all;
        }
        return activeZones;
    }

    public void load() {
        if (id != null) {
            Ui.run("batch", () -> batch = BatchView.of(batches.readable(id)));
        }
    }

    public void create() {
        var saved = Ui.attempt("batch", () -> {
            BatchRequest r = new BatchRequest(
                    productId,
                    lotCode,
                    new LinkedHashSet<>(zoneIds),
                    harvestDate,
                    expiryDate,
                    quantity,
                    unit,
                    inputIds.stream()
                            .map(i -> new BatchRequest.Input(i, null, null))
                            .toList(),
                    null);
            Validation.check(r);
            return batches.create(r.toCommand());
        });
        if (saved != null) {
            Ui.info(Ui.text("batch.saved"));
            Ui.redirect("/app/batch.xhtml?id=" + saved.getId());
        }
    }

    /** One step back, one step forward: the same panels as the lot's public trace page. */
    public Journey getJourney() {
        if (journey == null && batch != null) {
            journey = custody.journey(batches.readable(id));
        }
        return journey;
    }

    /** The lot's public trace page on this server. */
    public String getTracePath() {
        return batch == null ? null : "/01/" + batch.gtin() + "/10/" + vn.temso.stamp.Gs1Value.encode(batch.lotCode());
    }

    public List<BatchView.EventView> getEvents() {
        return BatchView.EventView.diary(batches.events(id));
    }

    public void addEvent() {
        boolean ok = Ui.run("event", () -> {
            if (eventAt == null) {
                throw new Problems.ValidationFailed("eventAt", "Enter the date and time");
            }
            EventRequest r = new EventRequest(
                    eventType,
                    eventAt.atZone(FarmTime.ZONE).toInstant(),
                    eventZoneId,
                    actor,
                    note,
                    inputName,
                    dose,
                    phi,
                    correctsEventId,
                    partyName,
                    partyGln,
                    null);
            Validation.check(r);
            batches.addEvent(id, r.toCommand());
        });
        if (ok) {
            Ui.redirect("/app/batch.xhtml?id=" + id + "#diary");
        }
    }

    public void close() {
        if (Ui.run("lifecycle", () -> batches.close(id))) {
            Ui.redirect("/app/batch.xhtml?id=" + id);
        }
    }

    public void recall() {
        if (Ui.run("lifecycle", () -> batches.recall(id, recallReason))) {
            Ui.redirect("/app/batch.xhtml?id=" + id);
        }
    }

    public void issue() {
        var job = Ui.attempt("issue", () -> {
            if (stampCount == null) {
                throw new Problems.ValidationFailed("stampCount", "count is 1 to " + Stamps.MAX_PER_JOB);
            }
            return stamps.startIssuing(id, stampCount);
        });
        if (job != null) {
            stamps.run(job.getId());
            Ui.redirect("/app/batch.xhtml?id=" + id + "&job=" + job.getId() + "#stamps");
        }
    }

    public StampsResource.JobView getJob() {
        return jobId == null ? null : Ui.attempt("issue", () -> StampsResource.JobView.of(stamps.job(jobId)));
    }

    /** This page of the batch's stamps (?page=), with the count of all of them. */
    public Page<StampsResource.StampView> getStampRows() {
        if (stampRows == null) {
            var p = stamps.list(id, Lists.request(page));
            stampRows = new Page<>(StampsResource.StampView.of(p.items(), stamps), p.page(), p.size(), p.total());
        }
        return stampRows;
    }

    public long getStampTotal() {
        return stamps.list(id, PageRequest.of("0", "1")).total();
    }

    public void voidStamps() {
        if (Ui.run("void", () -> {
            if (voidFrom == null) {
                throw new Problems.ValidationFailed("voidFrom", "Enter the first number");
            }
            stamps.voidRange(id, voidFrom, voidTo == null ? voidFrom : voidTo, voidReason);
        })) {
            Ui.redirect("/app/batch.xhtml?id=" + id + "#stamps");
        }
    }

    public EventType[] getEventTypes() {
        return EventType.values();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public BatchView getBatch() {
        return batch;
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public String getLotCode() {
        return lotCode;
    }

    public void setLotCode(String lotCode) {
        this.lotCode = lotCode;
    }

    public List<String> getZoneIds() {
        return zoneIds;
    }

    public void setZoneIds(List<String> zoneIds) {
        this.zoneIds = zoneIds;
    }

    public LocalDate getHarvestDate() {
        return harvestDate;
    }

    public void setHarvestDate(LocalDate harvestDate) {
        this.harvestDate = harvestDate;
    }

    public LocalDate getExpiryDate() {
        return expiryDate;
    }

    public void setExpiryDate(LocalDate expiryDate) {
        this.expiryDate = expiryDate;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public List<String> getInputIds() {
        return inputIds;
    }

    public void setInputIds(List<String> inputIds) {
        this.inputIds = inputIds;
    }

    public String getPartyName() {
        return partyName;
    }

    public void setPartyName(String partyName) {
        this.partyName = partyName;
    }

    public String getPartyGln() {
        return partyGln;
    }

    public void setPartyGln(String partyGln) {
        this.partyGln = partyGln;
    }

    public EventType getEventType() {
        return eventType;
    }

    public void setEventType(EventType eventType) {
        this.eventType = eventType;
    }

    public LocalDateTime getEventAt() {
        return eventAt;
    }

    public void setEventAt(LocalDateTime eventAt) {
        this.eventAt = eventAt;
    }

    public String getEventZoneId() {
        return eventZoneId;
    }

    public void setEventZoneId(String eventZoneId) {
        this.eventZoneId = eventZoneId;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getInputName() {
        return inputName;
    }

    public void setInputName(String inputName) {
        this.inputName = inputName;
    }

    public String getDose() {
        return dose;
    }

    public void setDose(String dose) {
        this.dose = dose;
    }

    public Integer getPhi() {
        return phi;
    }

    public void setPhi(Integer phi) {
        this.phi = phi;
    }

    public String getCorrectsEventId() {
        return correctsEventId;
    }

    public void setCorrectsEventId(String correctsEventId) {
        this.correctsEventId = correctsEventId;
    }

    public String getRecallReason() {
        return recallReason;
    }

    public void setRecallReason(String recallReason) {
        this.recallReason = recallReason;
    }

    public Integer getStampCount() {
        return stampCount;
    }

    public void setStampCount(Integer stampCount) {
        this.stampCount = stampCount;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public Integer getVoidFrom() {
        return voidFrom;
    }

    public void setVoidFrom(Integer voidFrom) {
        this.voidFrom = voidFrom;
    }

    public Integer getVoidTo() {
        return voidTo;
    }

    public void setVoidTo(Integer voidTo) {
        this.voidTo = voidTo;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public void setVoidReason(String voidReason) {
        this.voidReason = voidReason;
    }
}

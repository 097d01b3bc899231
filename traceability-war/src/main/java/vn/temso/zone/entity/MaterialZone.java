package vn.temso.zone.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.domain.ClientId;
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.domain.RuleBroken;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.platform.text.Texts;

/**
 * A registered growing area (mã số vùng trồng / vùng nguyên liệu). Its code is granted by the authorities and
 * unique; batches may only come from active zones. Area is kept twice on purpose: as declared in the
 * registration and as measured from the polygon, shown side by side so discrepancies are visible.
 */
@Entity
@EntityListeners(PublicContent.Listener.class) // trace pages cache what they show
@Table(name = "material_zone")
public class MaterialZone {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "cooperative_id")
    private Cooperative cooperative;

    private String code;
    private String name;
    private String address;
    private String commune;
    private String district;
    private String province;
    private String crop;
    private String variety;

    @Column(name = "declared_area_ha")
    private BigDecimal declaredAreaHa;

    @Column(name = "computed_area_ha")
    private BigDecimal computedAreaHa;

    private Integer households;

    @Column(name = "harvests_per_year")
    private Integer harvestsPerYear;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "zone_certification", joinColumns = @JoinColumn(name = "zone_id"))
    @OrderColumn(name = "sort_index")
    private List<Certification> certifications = new ArrayList<>();

    @Lob
    @Column(name = "geometry")
    private String geometry;
    /** The outline simplified for display (at most ZoneGeometry.MAX_DISPLAY_VERTICES positions), GeoJSON. */
    @Lob
    @Column(name = "display_geometry")
    private String displayGeometry;
    /** SVG path of the display outline in ZoneGeometry's SVG box: pages draw it without reading the outline. */
    @Column(name = "outline_svg", length = 8000)
    private String outlineSvg;

    @Enumerated(EnumType.STRING)
    private ZoneStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    /** The UUID the client generated for the registration, if it sent one (unique: a repeat finds this zone). */
    @Column(name = "client_id", length = 36)
    private String clientId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private int version;

    protected MaterialZone() {}

    public MaterialZone(Cooperative cooperative, String code, Instant createdAt) {
        this(cooperative, code, null, createdAt);
    }

    /** @throws InvalidField on {@code clientId} when it is not a UUID */
    public MaterialZone(Cooperative cooperative, String code, String clientId, Instant createdAt) {
        this.clientId = ClientId.validate(clientId);
        this.id = UUID.randomUUID().toString();
        this.cooperative = cooperative;
        this.code = code;
        this.status = ZoneStatus.ACTIVE;
        this.createdAt = createdAt;
        this.statusChangedAt = createdAt;
    }

    public void describe(ZoneDescription d) {
        this.name = Texts.clean(d.name());
        this.address = Texts.clean(d.address());
        this.commune = Texts.clean(d.commune());
        this.district = Texts.clean(d.district());
        this.province = Texts.clean(d.province());
        this.crop = Texts.clean(d.crop());
        this.variety = Texts.clean(d.variety());
        this.declaredAreaHa = d.declaredAreaHa();
        this.households = d.households();
        this.harvestsPerYear = d.harvestsPerYear();
    }

    public void certify(List<Certification> certifications) {
        this.certifications.clear();
        this.certifications.addAll(certifications);
    }

    /**
     * Stores a validated outline, its measured area and its simplified display form (so trace pages and lists
     * never parse the full outline again); null clears them.
     */
    public void outline(ZoneGeometry g) {
        this.geometry = g == null ? null : g.toGeoJson();
        this.computedAreaHa =
                g == null ? null : BigDecimal.valueOf(g.areaHectares()).setScale(4, RoundingMode.HALF_UP);
        ZoneGeometry display = g == null ? null : g.display();
        this.displayGeometry = display == null ? null : display.toGeoJson();
        this.outlineSvg = display == null ? null : display.svgPath();
    }

    /**
     * Moves the zone to a new status. Revocation is final; a reason is required for anything but
     * reactivation.
     */
    public void changeStatus(ZoneStatus next, String reason, Instant at) {
        if (status == ZoneStatus.REVOKED) {
            throw new RuleBroken("zone-revoked", "zone " + code + " is revoked; a revoked code cannot change status");
        }
        if (next != ZoneStatus.ACTIVE && Texts.clean(reason) == null) {
            throw new InvalidField(
                    "reason",
                    "a reason is required to " + (next == ZoneStatus.REVOKED ? "revoke" : "suspend") + " a zone");
        }
        this.status = next;
        this.statusReason = Texts.clean(reason);
        this.statusChangedAt = at;
    }

    public boolean isActive() {
        return status == ZoneStatus.ACTIVE;
    }

    public ZoneGeometry geometry() {
        return geometry == null ? null : ZoneGeometry.parse(geometry);
    }

    /**
     * The stored SVG path of the outline (ZoneGeometry.SVG_WIDTH × SVG_HEIGHT box), or null without an outline.
     * Changelog 011 fills it for older rows; a row it could not read is drawn from the outline (not stored).
     */
    public String outlineSvg() {
        if (outlineSvg == null && geometry != null) {
            try {
                return ZoneGeometry.stored(geometry).display().svgPath();
            } catch (GeometryException e) {
                return null; // cannot be drawn; the page shows the zone without a map
            }
        }
        return outlineSvg;
    }

    /** The stored display outline (GeoJSON text, simplified), or null without an outline. */
    public String displayGeometryJson() {
        if (displayGeometry == null && geometry != null) {
            try {
                return ZoneGeometry.stored(geometry).display().toGeoJson();
            } catch (GeometryException e) {
                return null;
            }
        }
        return displayGeometry;
    }

    public String getId() {
        return id;
    }

    public Cooperative getCooperative() {
        return cooperative;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getCommune() {
        return commune;
    }

    public String getDistrict() {
        return district;
    }

    public String getProvince() {
        return province;
    }

    public String getCrop() {
        return crop;
    }

    public String getVariety() {
        return variety;
    }

    public BigDecimal getDeclaredAreaHa() {
        return declaredAreaHa;
    }

    public BigDecimal getComputedAreaHa() {
        return computedAreaHa;
    }

    public Integer getHouseholds() {
        return households;
    }

    public Integer getHarvestsPerYear() {
        return harvestsPerYear;
    }

    public List<Certification> getCertifications() {
        return List.copyOf(certifications);
    }

    public String getGeometryJson() {
        return geometry;
    }

    public ZoneStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
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

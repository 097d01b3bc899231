package vn.temso.web;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.temso.cooperative.boundary.CooperativeView;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.time.FarmTime;
import vn.temso.zone.boundary.ZoneRequest;
import vn.temso.zone.boundary.ZoneView;
import vn.temso.zone.control.Zones;
import vn.temso.zone.entity.ZoneStatus;

/** Zone list, registration and editing (with a GeoJSON or KML outline upload), status changes. */
@Named
@ViewScoped
public class ZonesBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final long MAX_UPLOAD = 2_000_000;

    @Inject
    transient Zones zones;

    @Inject
    transient Clock clock;

    @Inject
    transient Cooperatives cooperatives;

    private String id;
    private String cooperativeId;
    private String q;
    private ZoneStatus status;
    private int page;
    private transient Page<ZoneView> rows;
    private ZoneView zone;
    private String outlinePath;
    private String code;
    private String name;
    private String address;
    private String commune;
    private String district;
    private String province;
    private String crop;
    private String variety;
    private BigDecimal declaredAreaHa;
    private Integer households;
    private Integer harvestsPerYear;
    private String certScheme;
    private String certNumber;
    private LocalDate certUntil;
    private transient Part outlineFile;
    private ZoneStatus newStatus;
    private String statusReason;

    /** This page of the zone list, by the page's filters (?q=, ?status=, ?page=). */
    public Page<ZoneView> getRows() {
        if (rows == null) {
            var p = zones.list(q, status, null, null, Lists.request(page));
            var today = FarmTime.today(clock);
            rows = new Page<>(
                    p.items().stream().map(z -> ZoneView.brief(z, today)).toList(), p.page(), p.size(), p.total());
        }
        return rows;
    }

    /**
     * The cooperatives a new zone may be registered for, for those who name one (admins, digital teams entering on
     * behalf of the cooperatives of their communes); cooperative users register for their own.
     */
    public List<CooperativeView> getCooperatives() {
        return Lists.choices(r -> cooperatives.list(null, null, r)).stream()
                .map(CooperativeView::of)
                .toList();
    }

    /** Loads the zone named by ?id= into the form (edit), or leaves the form empty (new). */
    public void load() {
        if (id != null && zone == null) {
            Ui.run("zone", () -> {
                var z = zones.readable(id);
                zone = ZoneView.brief(z, FarmTime.today(clock)); // the form needs no outline; the map is the stored SVG
                outlinePath = z.outlineSvg();
                code = zone.code();
                name = zone.name();
                address = zone.address();
                commune = zone.commune();
                district = zone.district();
                province = zone.province();
                crop = zone.crop();
                variety = zone.variety();
                declaredAreaHa = zone.declaredAreaHa();
                households = zone.households();
                harvestsPerYear = zone.harvestsPerYear();
                if (!zone.certifications().isEmpty()) {
                    var c = zone.certifications().get(0);
                    certScheme = c.scheme();
                    certNumber = c.number();
                    certUntil = c.validUntil();
                }
            });
        }
    }

    public void save() {
        String geo = null;
        String kml = null;
        if (outlineFile != null && outlineFile.getSize() > 0) {
            if (outlineFile.getSize() > MAX_UPLOAD) {
                Ui.run("zone", () -> {
                    throw new Problems.ValidationFailed("outlineFile", "The file is larger than 2 MB");
                });
                return;
            }
            try {
                String text = new String(outlineFile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (text.stripLeading().startsWith("<")) {
                    kml = text;
                } else {
                    geo = text;
                }
            } catch (IOException e) {
                Ui.run("zone", () -> {
                    throw new Problems.ValidationFailed("outlineFile", "The file could not be read");
                });
                return;
            }
        }
        List<ZoneRequest.CertificationDto> certs = new ArrayList<>();
        if (certScheme != null || certNumber != null) {
            certs.add(new ZoneRequest.CertificationDto(certScheme, certNumber, certUntil));
        }
        final String geoJson = geo;
        final String kmlText = kml;
        var saved = Ui.attempt("zone", () -> {
            jakarta.json.JsonObject g = null;
            if (geoJson != null) {
                try {
                    g = JSON.createReader(new java.io.StringReader(geoJson)).readObject();
                } catch (RuntimeException e) {
                    throw new Problems.ValidationFailed("outlineFile", "The file is neither GeoJSON nor KML");
                }
            }
            ZoneRequest r = new ZoneRequest(
                    id == null ? cooperativeId : null,
                    code,
                    name,
                    address,
                    commune,
                    district,
                    province,
                    crop,
                    variety,
                    declaredAreaHa,
                    households,
                    harvestsPerYear,
                    certs,
                    g,
                    kmlText, // no file: the outline stays as it is (not sent back and validated again)
                    null);
            Validation.check(r);
            return id == null ? zones.create(r.toCommand()) : zones.update(id, r.toCommand());
        });
        if (saved != null) {
            Ui.info(Ui.text("zone.saved"));
            Ui.redirect("/app/zone.xhtml?id=" + saved.getId());
        }
    }

    public void changeStatus() {
        if (Ui.run("status", () -> zones.changeStatus(id, newStatus, statusReason))) {
            Ui.redirect("/app/zone.xhtml?id=" + id);
        }
    }

    /** The stored SVG path of the outline (ZoneGeometry.SVG_WIDTH × SVG_HEIGHT box), or null. */
    public String getOutlinePath() {
        return outlinePath;
    }

    public ZoneStatus[] getStatuses() {
        return ZoneStatus.values();
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public void setCooperativeId(String cooperativeId) {
        this.cooperativeId = cooperativeId == null || cooperativeId.isBlank() ? null : cooperativeId;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public ZoneStatus getStatus() {
        return status;
    }

    public void setStatus(ZoneStatus status) {
        this.status = status;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public ZoneView getZone() {
        return zone;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getCommune() {
        return commune;
    }

    public void setCommune(String commune) {
        this.commune = commune;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getProvince() {
        return province;
    }

    public void setProvince(String province) {
        this.province = province;
    }

    public String getCrop() {
        return crop;
    }

    public void setCrop(String crop) {
        this.crop = crop;
    }

    public String getVariety() {
        return variety;
    }

    public void setVariety(String variety) {
        this.variety = variety;
    }

    public BigDecimal getDeclaredAreaHa() {
        return declaredAreaHa;
    }

    public void setDeclaredAreaHa(BigDecimal v) {
        this.declaredAreaHa = v;
    }

    public Integer getHouseholds() {
        return households;
    }

    public void setHouseholds(Integer households) {
        this.households = households;
    }

    public Integer getHarvestsPerYear() {
        return harvestsPerYear;
    }

    public void setHarvestsPerYear(Integer v) {
        this.harvestsPerYear = v;
    }

    public String getCertScheme() {
        return certScheme;
    }

    public void setCertScheme(String certScheme) {
        this.certScheme = certScheme;
    }

    public String getCertNumber() {
        return certNumber;
    }

    public void setCertNumber(String certNumber) {
        this.certNumber = certNumber;
    }

    public LocalDate getCertUntil() {
        return certUntil;
    }

    public void setCertUntil(LocalDate certUntil) {
        this.certUntil = certUntil;
    }

    public Part getOutlineFile() {
        return outlineFile;
    }

    public void setOutlineFile(Part outlineFile) {
        this.outlineFile = outlineFile;
    }

    public ZoneStatus getNewStatus() {
        return newStatus;
    }

    public void setNewStatus(ZoneStatus newStatus) {
        this.newStatus = newStatus;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public void setStatusReason(String statusReason) {
        this.statusReason = statusReason;
    }
}

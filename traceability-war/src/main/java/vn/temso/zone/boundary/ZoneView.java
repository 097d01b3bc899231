package vn.temso.zone.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.temso.zone.entity.Certification;
import vn.temso.zone.entity.MaterialZone;
import vn.temso.zone.entity.ZoneStatus;

public record ZoneView(String id, String cooperativeId, String cooperativeName, String code, String name,
                       String address, String commune, String district, String province, String crop,
                       String variety, BigDecimal declaredAreaHa, BigDecimal computedAreaHa, Integer households,
                       Integer harvestsPerYear, List<CertificationView> certifications, JsonObject geometry,
                       ZoneStatus status, String statusReason, Instant statusChangedAt, Instant createdAt,
                       int version) {

    public record CertificationView(String scheme, String number, LocalDate validUntil, boolean valid) {
        static CertificationView of(Certification c) {
            return new CertificationView(c.getScheme(), c.getNumber(), c.getValidUntil(), c.isValidOn(LocalDate.now()));
        }
    }

    public static ZoneView of(MaterialZone z) {
        JsonObject geometry = z.getGeometryJson() == null ? null
                : Json.createReader(new StringReader(z.getGeometryJson())).readObject();
        return new ZoneView(z.getId(), z.getCooperative().getId(), z.getCooperative().getName(), z.getCode(),
                z.getName(), z.getAddress(), z.getCommune(), z.getDistrict(), z.getProvince(), z.getCrop(),
                z.getVariety(), z.getDeclaredAreaHa(), z.getComputedAreaHa(), z.getHouseholds(), z.getHarvestsPerYear(),
                z.getCertifications().stream().map(CertificationView::of).toList(), geometry, z.getStatus(),
                z.getStatusReason(), z.getStatusChangedAt(), z.getCreatedAt(), z.getVersion());
    }
}

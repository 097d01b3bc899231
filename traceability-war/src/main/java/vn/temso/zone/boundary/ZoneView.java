package vn.temso.zone.boundary;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.temso.zone.entity.Certification;
import vn.temso.zone.entity.MaterialZone;
import vn.temso.zone.entity.ZoneStatus;

public record ZoneView(
        String id,
        String cooperativeId,
        String cooperativeName,
        String code,
        String name,
        String address,
        String commune,
        String district,
        String province,
        String crop,
        String variety,
        BigDecimal declaredAreaHa,
        BigDecimal computedAreaHa,
        Integer households,
        Integer harvestsPerYear,
        List<CertificationView> certifications,
        JsonObject geometry,
        JsonObject displayGeometry,
        ZoneStatus status,
        String statusReason,
        Instant statusChangedAt,
        String clientId,
        Instant createdAt,
        int version) {

    public record CertificationView(String scheme, String number, LocalDate validUntil, boolean valid) {
        /** @param today the Vietnam date ({@code FarmTime.today(clock)}): certificates are valid through their last day */
        static CertificationView of(Certification c, LocalDate today) {
            return new CertificationView(c.getScheme(), c.getNumber(), c.getValidUntil(), c.isValidOn(today));
        }
    }

    /** One zone with its full outline (read once, for this one zone) and its display outline. */
    public static ZoneView of(MaterialZone z, LocalDate today) {
        return view(z, json(z.getGeometryJson()), json(z.displayGeometryJson()), today);
    }

    /** A list entry: the stored display outline (at most 500 positions), not the full outline. */
    public static ZoneView summary(MaterialZone z, LocalDate today) {
        return view(z, null, json(z.displayGeometryJson()), today);
    }

    /** For pages that show no map (lists, pickers): no outline is read at all. */
    public static ZoneView brief(MaterialZone z, LocalDate today) {
        return view(z, null, null, today);
    }

    private static JsonObject json(String text) {
        return text == null ? null : JSON.createReader(new StringReader(text)).readObject();
    }

    private static ZoneView view(MaterialZone z, JsonObject geometry, JsonObject display, LocalDate today) {
        return new ZoneView(
                z.getId(),
                z.getCooperative().getId(),
                z.getCooperative().getName(),
                z.getCode(),
                z.getName(),
                z.getAddress(),
                z.getCommune(),
                z.getDistrict(),
                z.getProvince(),
                z.getCrop(),
                z.getVariety(),
                z.getDeclaredAreaHa(),
                z.getComputedAreaHa(),
                z.getHouseholds(),
                z.getHarvestsPerYear(),
                z.getCertifications().stream()
                        .map(c -> CertificationView.of(c, today))
                        .toList(),
                geometry,
                display,
                z.getStatus(),
                z.getStatusReason(),
                z.getStatusChangedAt(),
                z.getClientId(),
                z.getCreatedAt(),
                z.getVersion());
    }
}

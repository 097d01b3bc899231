package vn.temso.zone.boundary;

import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.temso.zone.control.ZoneCommand;

/**
 * Register or replace a growing zone. Geometry is GeoJSON, or KML text in {@code kml}. {@code clientId}, a UUID the
 * client generated, makes sending the same registration again answer the zone made the first time (an update
 * ignores it).
 */
public record ZoneRequest(
        String cooperativeId,
        @NotBlank @Size(max = 40) String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) String address,
        @Size(max = 120) String commune,
        @Size(max = 120) String district,
        @Size(max = 120) String province,
        @NotBlank @Size(max = 120) String crop,
        @Size(max = 120) String variety,

        @NotNull @DecimalMin(value = "0.0001", message = "must be more than 0") @DecimalMax("1000000")
        BigDecimal declaredAreaHa,

        @Min(0) @Max(1_000_000) Integer households,
        @Min(1) @Max(366) Integer harvestsPerYear,
        @Valid @Size(max = 20) List<CertificationDto> certifications,
        JsonObject geometry,
        @Size(max = 2_000_000) String kml,
        @Size(max = 36) String clientId) {
    // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner fails
    public ZoneRequest(
            String cooperativeId,
            String code,
            String name,
            String address,
            String commune,
            String district,
            String province,
            String crop,
            String variety,
            BigDecimal declaredAreaHa,
            Integer households,
            Integer harvestsPerYear,
            List<CertificationDto> certifications,
            JsonObject geometry,
            String kml,
            String clientId) {
        this.cooperativeId = cooperativeId;
        this.code = code;
        this.name = name;
        this.address = address;
        this.commune = commune;
        this.district = district;
        this.province = province;
        this.crop = crop;
        this.variety = variety;
        this.declaredAreaHa = declaredAreaHa;
        this.households = households;
        this.harvestsPerYear = harvestsPerYear;
        this.certifications = certifications;
        this.geometry = geometry;
        this.kml = kml;
        this.clientId = clientId;
    }

    public ZoneCommand toCommand() {
        // an empty entry stays null: Zones refuses it naming the field
        List<ZoneCommand.CertificationEntry> certs = certifications == null
                ? null
                : certifications.stream()
                        .map(c -> c == null ? null : c.toCommand())
                        .toList();
        return new ZoneCommand(
                cooperativeId,
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
                geometry,
                kml,
                clientId);
    }

    public record CertificationDto(
            @NotBlank @Size(max = 80) String scheme,
            @NotBlank @Size(max = 80) String number,
            LocalDate validUntil) {
        // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner
        // fails
        public CertificationDto(String scheme, String number, LocalDate validUntil) {
            this.scheme = scheme;
            this.number = number;
            this.validUntil = validUntil;
        }

        ZoneCommand.CertificationEntry toCommand() {
            return new ZoneCommand.CertificationEntry(scheme, number, validUntil);
        }
    }
}

package vn.temso.zone.control;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Register or replace a growing zone; geometry is GeoJSON, or KML text in {@code kml}. Owned by the control layer;
 * the API's {@code ZoneRequest} and the zone page map to it.
 *
 * @param clientId a UUID the client generated: sending the same registration again answers the zone made the first
 *                 time (creation only)
 */
public record ZoneCommand(
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
        List<CertificationEntry> certifications,
        JsonObject geometry,
        String kml,
        String clientId) {

    /** One certification as sent (the list may hold {@code null} entries; Zones refuses them). */
    public record CertificationEntry(String scheme, String number, LocalDate validUntil) {}
}

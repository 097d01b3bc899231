package vn.temso.imports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import vn.temso.platform.text.Texts;
import vn.temso.zone.control.ZoneCommand;
import vn.temso.zone.control.Zones;
import vn.temso.zone.entity.Certification;
import vn.temso.zone.entity.MaterialZone;

/** Zone rows through {@link Zones}: a new code registers a zone, a known one of the cooperative updates it. */
@ApplicationScoped
public class ZoneRows {

    @Inject
    Zones zones;

    @Inject
    ImportLookups lookups;

    public RowTarget<ZoneCommand> target(String cooperativeId) {
        return new RowTarget<>() {
            @Override
            public String key(ZoneCommand c) {
                return ImportLookups.zoneCode(c.code());
            }

            @Override
            public String keyColumn() {
                return "code";
            }

            @Override
            public Outcome apply(ZoneCommand c) {
                MaterialZone existing = lookups.zone(c.code());
                if (existing == null) {
                    zones.create(c);
                    return Outcome.CREATED;
                }
                if (!existing.getCooperative().getId().equals(cooperativeId)) {
                    throw new CellProblem("code", "row.foreignZone", existing.getCode());
                }
                if (same(existing, c)) {
                    return Outcome.UNCHANGED;
                }
                zones.update(existing.getId(), c);
                return Outcome.UPDATED;
            }
        };
    }

    /** Whether the row says what the zone already says (its outline is not in the sheet and stays as it is). */
    static boolean same(MaterialZone z, ZoneCommand c) {
        List<Certification> certs = c.certifications() == null
                ? List.of()
                : c.certifications().stream()
                        .map(e -> new Certification(e.scheme(), e.number(), e.validUntil()))
                        .toList();
        return Objects.equals(z.getName(), Texts.clean(c.name()))
                && Objects.equals(z.getAddress(), Texts.clean(c.address()))
                && Objects.equals(z.getCommune(), Texts.clean(c.commune()))
                && Objects.equals(z.getDistrict(), Texts.clean(c.district()))
                && Objects.equals(z.getProvince(), Texts.clean(c.province()))
                && Objects.equals(z.getCrop(), Texts.clean(c.crop()))
                && Objects.equals(z.getVariety(), Texts.clean(c.variety()))
                && Values.sameNumber(z.getDeclaredAreaHa(), c.declaredAreaHa())
                && Objects.equals(z.getHouseholds(), c.households())
                && Objects.equals(z.getHarvestsPerYear(), c.harvestsPerYear())
                && z.getCertifications().equals(certs)
                && c.geometry() == null
                && c.kml() == null;
    }
}

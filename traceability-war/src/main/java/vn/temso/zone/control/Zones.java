package vn.temso.zone.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.audit.control.AuditLog;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.persistence.ClientIds;
import vn.temso.platform.persistence.PagedQuery;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;
import vn.temso.platform.security.Tenancy;
import vn.temso.platform.text.Texts;
import vn.temso.zone.entity.Certification;
import vn.temso.zone.entity.GeometryException;
import vn.temso.zone.entity.KmlImport;
import vn.temso.zone.entity.MaterialZone;
import vn.temso.zone.entity.ZoneChanged;
import vn.temso.zone.entity.ZoneDescription;
import vn.temso.zone.entity.ZoneGeometry;
import vn.temso.zone.entity.ZoneStatus;

/** Use cases on growing zones; every method checks the caller's tenancy first. */
@ApplicationScoped
@Transactional
public class Zones {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ZoneChanged> changed;

    @Inject
    CurrentCaller current;

    @Inject
    Tenancy tenancy;

    @Inject
    Cooperatives cooperatives;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "temso.zone.code-pattern", defaultValue = "VN-[A-Z0-9]+(-[A-Z0-9]+)*")
    String codePattern;

    public MaterialZone readable(String id) {
        return tenancy.readable(MaterialZone.class, id, "Zone", MaterialZone::getCooperative);
    }

    public MaterialZone manageable(String id) {
        return tenancy.manageable(MaterialZone.class, id, "Zone", MaterialZone::getCooperative);
    }

    /** The zone if the caller may enter its details (managers, admins, its commune's digital team); else 404/403. */
    public MaterialZone enterable(String id) {
        return tenancy.enterable(MaterialZone.class, id, "Zone", MaterialZone::getCooperative);
    }

    public Page<MaterialZone> list(String q, ZoneStatus status, String crop, String cooperativeId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(tenancy.scope("z.cooperative", params));
        if (Texts.clean(q) != null) {
            where.append(" AND (LOWER(z.name) LIKE :q OR LOWER(z.code) LIKE :q)");
            params.put("q", "%" + Texts.key(q) + "%");
        }
        if (status != null) {
            where.append(" AND z.status = :status");
            params.put("status", status);
        }
        if (Texts.clean(crop) != null) {
            where.append(" AND LOWER(z.crop) LIKE :crop");
            params.put("crop", "%" + Texts.key(crop) + "%");
        }
        if (cooperativeId != null) {
            where.append(" AND z.cooperative.id = :coop");
            params.put("coop", cooperativeId);
        }
        return PagedQuery.page(em, MaterialZone.class, "MaterialZone z", where.toString(), "z.code", params, page);
    }

    public MaterialZone create(ZoneCommand r) {
        Cooperative coop = cooperatives.ownerForEntry(r.cooperativeId());
        String code = checkedCode(r.code());
        if (!em.createQuery("SELECT z.id FROM MaterialZone z WHERE z.code = :c", String.class)
                .setParameter("c", code)
                .getResultList()
                .isEmpty()) {
            throw new Problems.Conflict("The zone code " + code + " is already registered");
        }
        MaterialZone z = new MaterialZone(coop, code, r.clientId(), clock.instant());
        apply(z, r);
        em.persist(z);
        em.flush(); // a second request with the same client id fails here, inside this call
        audit.record(coop, "create", "zone", z.getId(), code + " " + z.getName());
        return z;
    }

    /**
     * The zone this client id registered, if it was for the cooperative this registration is for; 409 if the id
     * names another record (another cooperative's zone).
     */
    public Optional<MaterialZone> byClientId(ZoneCommand r) {
        Cooperative coop = cooperatives.ownerForEntry(r.cooperativeId());
        return ClientIds.sameTarget(
                em,
                MaterialZone.class,
                r.clientId(),
                z -> z.getCooperative().getId().equals(coop.getId()));
    }

    /** Replaces the details of a zone; the code is the registration's identity and cannot change. */
    public MaterialZone update(String id, ZoneCommand r) {
        MaterialZone z = enterable(id);
        if (!z.getCode().equals(checkedCode(r.code()))) {
            throw new Problems.ValidationFailed("code", "The zone code cannot be changed; register a new zone instead");
        }
        apply(z, r);
        audit.record(z.getCooperative(), "update", "zone", z.getId(), z.getCode());
        changed.fire(new ZoneChanged(z));
        return z;
    }

    public MaterialZone replaceGeometry(String id, String body, boolean kml) {
        MaterialZone z = enterable(id);
        z.outline(kml ? parseKml(body) : parseGeoJson(body));
        audit.record(
                z.getCooperative(), "geometry", "zone", z.getId(), z.getCode() + " " + z.getComputedAreaHa() + " ha");
        return z;
    }

    /**
     * Suspending and reactivating are open to the cooperative's manager (a voluntary stop); revoking a code is
     * an act of the authorities, so admins only. Not to a digital team: they enter data, they do not decide.
     */
    public MaterialZone changeStatus(String id, ZoneStatus status, String reason) {
        MaterialZone z = manageable(id);
        if (status == ZoneStatus.REVOKED) {
            current.requireRole(Role.ADMIN);
        }
        z.changeStatus(status, reason, clock.instant());
        audit.record(
                z.getCooperative(),
                "status",
                "zone",
                z.getId(),
                z.getCode() + " → " + status + (z.getStatusReason() == null ? "" : ": " + z.getStatusReason()));
        return z;
    }

    private void apply(MaterialZone z, ZoneCommand r) {
        z.describe(ZoneDescription.builder()
                .name(r.name())
                .address(r.address())
                .commune(r.commune())
                .district(r.district())
                .province(r.province())
                .crop(r.crop())
                .variety(r.variety())
                .declaredAreaHa(r.declaredAreaHa())
                .households(r.households())
                .harvestsPerYear(r.harvestsPerYear())
                .build());
        if (r.certifications() != null && r.certifications().contains(null)) {
            throw new Problems.ValidationFailed("certifications", "A certification entry is empty");
        }
        z.certify(
                r.certifications() == null
                        ? List.of()
                        : r.certifications().stream()
                                .map(c -> new Certification(c.scheme(), c.number(), c.validUntil()))
                                .toList());
        if (r.geometry() != null && r.kml() != null) {
            throw new Problems.ValidationFailed("geometry", "Send either geometry (GeoJSON) or kml, not both");
        }
        if (r.geometry() != null) {
            z.outline(parseGeoJson(r.geometry())); // the object as read: printing it again could recurse deep
        } else if (r.kml() != null) {
            z.outline(parseKml(r.kml()));
        }
    }

    String checkedCode(String raw) {
        String code = Texts.clean(raw) == null ? "" : Texts.clean(raw).toUpperCase(Locale.ROOT);
        if (!Pattern.compile(codePattern).matcher(code).matches()) {
            throw new Problems.ValidationFailed(
                    "code", "The zone code must match " + codePattern + " (e.g. VN-LAN-TT-0012)");
        }
        return code;
    }

    static ZoneGeometry parseGeoJson(String json) {
        try {
            return ZoneGeometry.parse(json);
        } catch (GeometryException e) {
            throw invalid(e);
        }
    }

    static ZoneGeometry parseGeoJson(jakarta.json.JsonObject json) {
        try {
            return ZoneGeometry.fromJson(json);
        } catch (GeometryException e) {
            throw invalid(e);
        }
    }

    static ZoneGeometry parseKml(String kml) {
        try {
            return KmlImport.read(kml);
        } catch (GeometryException e) {
            throw invalid(e);
        }
    }

    private static Problems.ValidationFailed invalid(GeometryException e) {
        return new Problems.ValidationFailed(
                "The zone outline is invalid: " + e.getMessage(),
                e.problems().stream()
                        .map(p -> new ProblemException.Violation("geometry", p))
                        .toList());
    }
}

package vn.temso.zone.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.platform.security.Tenancy;

/**
 * The map of the zones the caller may see ({@code GET /api/zones/map.svg}, the map page): reads each zone's stored
 * simplified outline (never the full one) and draws them with {@link ZoneMapSvg}. Bounded: the first
 * {@link #MAX_ZONES} zones by code are drawn and the map says how many there were; the whole drawing holds at
 * most {@link ZoneMapSvg#MAX_POINTS} positions.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ZoneMap {

    /** Zones one map draws at most (a province's few thousand: filter by cooperative). */
    public static final int MAX_ZONES = 2_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    /** A tile server's URL template; none by default, and then the map makes no request anywhere. */
    @Inject
    @ConfigProperty(name = "temso.map.tile-url")
    Optional<String> tileUrl;

    /** Credit line the tile server asks for, written at the map's corner when tiles are shown. */
    @Inject
    @ConfigProperty(name = "temso.map.tile-attribution")
    Optional<String> tileAttribution;

    /** scheme://host[:port] of the configured tile server, if one is configured (and valid). */
    public Optional<String> tileOrigin() {
        return tileUrl.flatMap(MapTiles::origin);
    }

    /** The zones the caller may see (of one cooperative if given), the first {@link #MAX_ZONES} by code. */
    public List<MapZone> zones(String cooperativeId) {
        Map<String, Object> params = new HashMap<>();
        var q = em.createQuery(
                "SELECT NEW vn.temso.zone.control.MapZone(z.id, z.code, z.name, z.status, z.crop, z.displayGeometry)"
                        + " FROM MaterialZone z WHERE " + where(cooperativeId, params) + " ORDER BY z.code",
                MapZone.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(MAX_ZONES).getResultList();
    }

    /** How many zones the caller may see (of one cooperative if given). */
    public long count(String cooperativeId) {
        Map<String, Object> params = new HashMap<>();
        var q = em.createQuery("SELECT COUNT(z) FROM MaterialZone z WHERE " + where(cooperativeId, params), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    private String where(String cooperativeId, Map<String, Object> params) {
        String scope = tenancy.scope("z.cooperative", params);
        if (cooperativeId == null || cooperativeId.isBlank()) {
            return scope;
        }
        params.put("coop", cooperativeId.strip());
        return scope + " AND z.cooperative.id = :coop";
    }

    /**
     * Draws the caller's zones.
     *
     * @param words the UI's words by message key (map.*, enum.ZoneStatus.*)
     * @param linkBase what a zone's id is appended to for its link
     * @param standalone with legend and the list of zones without outline inside the drawing
     */
    public ZoneMapSvg.Drawing draw(
            ZoneMapSvg.Colouring by,
            String cooperativeId,
            Function<String, String> words,
            Locale locale,
            String linkBase,
            boolean standalone) {
        List<MapZone> zones = zones(cooperativeId);
        long total = zones.size() < MAX_ZONES ? zones.size() : count(cooperativeId);
        return ZoneMapSvg.draw(
                zones,
                total,
                new ZoneMapSvg.Style(
                        by,
                        words,
                        locale,
                        linkBase,
                        tileUrl.flatMap(MapTiles::of),
                        tileAttribution.orElse(null),
                        standalone));
    }
}

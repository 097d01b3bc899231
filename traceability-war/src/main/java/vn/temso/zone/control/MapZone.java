package vn.temso.zone.control;

import vn.temso.zone.entity.ZoneStatus;

/**
 * One zone as the map draws it: what its link, title and colour need, and its stored simplified outline (GeoJSON,
 * at most ZoneGeometry.MAX_DISPLAY_VERTICES positions; null for a zone without an outline).
 */
public record MapZone(String id, String code, String name, ZoneStatus status, String crop, String outline) {

    public boolean hasOutline() {
        return outline != null;
    }
}

package vn.temso.zone.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An optional raster underlay from a tile server the operator names ({@code temso.map.tile-url}, e.g.
 * {@code https://tiles.example.vn/{z}/{x}/{y}.png}, standard Web Mercator "slippy map" numbering). Without it the
 * map makes no request anywhere. Each tile is placed at its corners as the map's projection puts them; over the
 * height of one tile the difference between Mercator and the map's projection is far below a pixel.
 */
public record MapTiles(String template) {

    /** Tiles per map at most: the zoom is the largest that covers the map with no more. */
    static final int MAX_TILES = 24;

    static final int MAX_ZOOM = 18;

    /** One tile: its URL and its box in map units. */
    public record Tile(String url, double x, double y, double width, double height) {}

    /** The configured template if it is an http(s) URL with {z}, {x} and {y}; else empty (and the map has none). */
    public static Optional<MapTiles> of(String template) {
        return origin(template).map(o -> new MapTiles(template.strip()));
    }

    /** scheme://host[:port] of a valid template, for the pages' Content-Security-Policy img-src. */
    public static Optional<String> origin(String template) {
        if (template == null || !template.contains("{z}") || !template.contains("{x}") || !template.contains("{y}")) {
            return Optional.empty();
        }
        try {
            URI u = new URI(
                    template.strip().replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || u.getHost() == null
                    || u.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + u.getRawAuthority());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The tiles under a map drawn with {@code p}, at the largest zoom that needs at most {@link #MAX_TILES}. */
    public List<Tile> cover(MapProjection p) {
        double west = p.lon(0);
        double east = p.lon(MapProjection.WIDTH);
        double north = Math.min(p.lat(0), 85.05);
        double south = Math.max(p.lat(p.height()), -85.05);
        int zoom = 0;
        for (int z = MAX_ZOOM; z >= 0; z--) {
            long cols = tileX(east, z) - tileX(west, z) + 1;
            long rows = tileY(south, z) - tileY(north, z) + 1;
            if (cols * rows <= MAX_TILES) {
                zoom = z;
                break;
            }
        }
        List<Tile> tiles = new ArrayList<>();
        int n = 1 << zoom;
        for (int ty = tileY(north, zoom); ty <= tileY(south, zoom); ty++) {
            for (int tx = tileX(west, zoom); tx <= tileX(east, zoom); tx++) {
                double x0 = p.x(tx * 360.0 / n - 180);
                double x1 = p.x((tx + 1) * 360.0 / n - 180);
                double y0 = p.y(latOf(ty, n));
                double y1 = p.y(latOf(ty + 1, n));
                String url = template.replace("{z}", Integer.toString(zoom))
                        .replace("{x}", Integer.toString(tx))
                        .replace("{y}", Integer.toString(ty));
                tiles.add(new Tile(url, x0, y0, x1 - x0, y1 - y0));
            }
        }
        return tiles;
    }

    static int tileX(double lon, int zoom) {
        int n = 1 << zoom;
        return (int) Math.max(0, Math.min(n - 1, Math.floor((lon + 180) / 360 * n)));
    }

    static int tileY(double lat, int zoom) {
        int n = 1 << zoom;
        double r = Math.toRadians(lat);
        double y = (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n;
        return (int) Math.max(0, Math.min(n - 1, Math.floor(y)));
    }

    static double latOf(int ty, int n) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2.0 * ty / n))));
    }
}

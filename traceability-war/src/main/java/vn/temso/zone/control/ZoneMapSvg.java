package vn.temso.zone.control;

import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import vn.temso.zone.entity.GeometryException;
import vn.temso.zone.entity.ZoneGeometry;
import vn.temso.zone.entity.ZoneStatus;

/**
 * Draws zones as one SVG document: each zone's stored simplified outline, projected by {@link MapProjection},
 * simplified again to the map's scale (half a unit of a 1000-unit-wide drawing, coarser if the whole map would
 * pass {@link #MAX_POINTS}), filled by status or crop ({@link MapPalette}), inside a link to the zone's page with
 * its code and name as title, its code written on it where it fits. A zone too small to see is a dot. Light
 * background, scale bar, north arrow; with {@code standalone} also the legend and the zones without an outline
 * (the page shows those as HTML instead). Written with an XML stream writer, so every user text is escaped; text
 * no XML may hold (control characters) is dropped.
 */
public final class ZoneMapSvg {

    public static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** Positions in all paths of one map at most; past it the map is drawn coarser. */
    public static final int MAX_POINTS = 50_000;
    /** Zones without an outline the standalone map names; the rest are counted. */
    static final int MAX_LISTED = 50;

    static final double TOLERANCE = 0.5;
    static final double FONT = 14;
    static final double DOT = 8;
    private static final double LEGEND_ROW = 36;
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    /** How zones are coloured. */
    public enum Colouring {
        STATUS,
        CROP
    }

    /** A legend row: its words and fill. */
    public record LegendEntry(String label, String colour) {}

    /** What was drawn: the document and what the page shows beside it. */
    public record Drawing(
            String svg,
            List<LegendEntry> legend,
            List<MapZone> zones,
            List<MapZone> withoutOutline,
            long total,
            int drawn,
            int points) {}

    /** How to word and link things. */
    public record Style(
            Colouring by,
            Function<String, String> words,
            Locale locale,
            String linkBase,
            Optional<MapTiles> tiles,
            String attribution,
            boolean standalone) {}

    private final Style style;
    private final XMLStreamWriter w;
    private final StringWriter out = new StringWriter();

    private ZoneMapSvg(Style style) throws XMLStreamException {
        this.style = style;
        this.w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    }

    private record Shape(MapZone zone, Geometry projected) {}

    /**
     * @param zones the zones to draw, in the order to draw them
     * @param total how many zones the caller may see (more than {@code zones.size()} when the map was bounded)
     */
    public static Drawing draw(List<MapZone> zones, long total, Style style) {
        try {
            return new ZoneMapSvg(style).render(zones, total);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the zone map failed", e);
        }
    }

    private Drawing render(List<MapZone> zones, long total) throws XMLStreamException {
        List<MapZone> without = new ArrayList<>();
        List<Geometry> outlines = new ArrayList<>();
        List<MapZone> outlined = new ArrayList<>();
        Envelope box = new Envelope();
        for (MapZone z : zones) {
            Geometry g = outline(z);
            if (g == null) {
                without.add(z);
            } else {
                outlines.add(g);
                outlined.add(z);
                box.expandToInclude(g.getEnvelopeInternal());
            }
        }
        Map<String, String> cropColours = MapPalette.forCrops(zones.stream()
                .map(z -> cropKeyOrEmpty(z.crop()))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting())));
        List<LegendEntry> legend = legend(zones, cropColours);
        MapProjection p = outlined.isEmpty() ? null : MapProjection.fit(box);
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < outlined.size(); i++) {
            shapes.add(new Shape(outlined.get(i), p.transformation().transform(outlines.get(i))));
        }
        double mapHeight = p == null ? MapProjection.MIN_HEIGHT : p.height();
        double height = mapHeight + (style.standalone() ? extraHeight(legend, without, total > zones.size()) : 0);

        w.writeStartElement("svg");
        w.writeDefaultNamespace(SVG_NS);
        attr("viewBox", "0 0 " + num(MapProjection.WIDTH) + " " + num(height));
        attr("width", "100%");
        // a drawing on its own is an image; inline in a page its zone links stay reachable (children of role="img"
        // are presentational, so its links would be hidden from screen readers: axe's nested-interactive)
        attr("role", style.standalone() ? "img" : "group");
        attr("aria-labelledby", "zone-map-title zone-map-desc");
        attr("class", "zone-map");
        attr("font-family", "sans-serif");
        element("title", "zone-map-title", word("map.title"));
        element("desc", "zone-map-desc", description(outlined.size(), without.size(), zones.size(), total));
        rect(0, 0, MapProjection.WIDTH, mapHeight, "#f4f6f1");
        int points = 0;
        if (p == null) {
            text(MapProjection.WIDTH / 2, mapHeight / 2, 24, "middle", word("map.noOutlines"));
        } else {
            tiles(p);
            points = zones(shapes, cropColours);
            scaleBar(p);
            north();
        }
        if (style.standalone()) {
            double y = mapHeight + 16;
            if (total > zones.size()) {
                y += LEGEND_ROW;
                text(20, y, 20, null, truncated(zones.size(), total));
            }
            y = legendRows(legend, y);
            withoutOutline(without, y);
        }
        w.writeEndElement();
        w.flush();
        return new Drawing(out.toString(), legend, zones, without, total, outlined.size(), points);
    }

    /** The zone's stored display outline as JTS, or null when it has none or it cannot be read. */
    static Geometry outline(MapZone z) {
        if (!z.hasOutline()) {
            return null;
        }
        try {
            return ZoneGeometry.stored(z.outline()).jts();
        } catch (GeometryException | IllegalArgumentException e) {
            return null;
        }
    }

    private int zones(List<Shape> shapes, Map<String, String> cropColours) throws XMLStreamException {
        List<Geometry> simple = simplified(shapes);
        int points = 0;
        w.writeStartElement("g");
        attr("class", "zones");
        attr("stroke", "#37474f");
        attr("stroke-width", "1.5");
        attr("fill-rule", "evenodd");
        for (int i = 0; i < shapes.size(); i++) {
            MapZone z = shapes.get(i).zone();
            Geometry g = simple.get(i);
            w.writeStartElement("a");
            attr("href", style.linkBase() + z.id());
            attr("class", "zone");
            attr("data-code", z.code());
            element("title", null, z.code() + (z.name() == null ? "" : " – " + z.name()));
            String fill = style.by() == Colouring.STATUS
                    ? MapPalette.of(z.status())
                    : cropColours.get(cropKeyOrEmpty(z.crop()));
            Envelope e = g.getEnvelopeInternal();
            if (g.isEmpty() || (e.getWidth() < 2 * DOT && e.getHeight() < 2 * DOT)) {
                Coordinate c = shapes.get(i).projected().getEnvelopeInternal().centre();
                w.writeEmptyElement("circle");
                attr("cx", num(c.x));
                attr("cy", num(c.y));
                attr("r", num(DOT));
                attr("fill", fill);
                points++;
            } else {
                StringBuilder d = new StringBuilder();
                points += path(g, d);
                w.writeEmptyElement("path");
                attr("d", d.toString());
                attr("fill", fill);
                label(z, g, e);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        return points;
    }

    /** Simplified at half a unit, coarser (doubling) while the map has more than {@link #MAX_POINTS} positions. */
    static List<Geometry> simplified(List<Shape> shapes) {
        List<Geometry> simple = new ArrayList<>();
        for (double tol = TOLERANCE; ; tol *= 2) {
            simple.clear();
            int points = 0;
            for (Shape s : shapes) {
                Geometry g = DouglasPeuckerSimplifier.simplify(s.projected(), tol);
                simple.add(g);
                points += g.getNumPoints();
            }
            if (points <= MAX_POINTS || tol > MapProjection.WIDTH) {
                return simple;
            }
        }
    }

    private void label(MapZone z, Geometry g, Envelope e) throws XMLStreamException {
        if (e.getWidth() < z.code().length() * FONT * 0.62 + 4 || e.getHeight() < FONT * 1.3) {
            return;
        }
        Coordinate c;
        try {
            c = g.getInteriorPoint().getCoordinate();
        } catch (RuntimeException ex) { // an odd ring after simplifying: no label rather than no map
            return;
        }
        if (c == null) {
            return;
        }
        w.writeStartElement("text");
        attr("x", num(c.x));
        attr("y", num(c.y + FONT * 0.35));
        attr("font-size", num(FONT));
        attr("text-anchor", "middle");
        attr("fill", "#1b1b1b");
        attr("stroke", "#ffffff");
        attr("stroke-width", "3");
        attr("paint-order", "stroke");
        attr("aria-hidden", "true");
        w.writeCharacters(safe(z.code()));
        w.writeEndElement();
    }

    /** Appends the path data of every ring; returns the positions written. */
    static int path(Geometry g, StringBuilder d) {
        int points = 0;
        for (int n = 0; n < g.getNumGeometries(); n++) {
            if (!(g.getGeometryN(n) instanceof Polygon poly) || poly.isEmpty()) {
                continue;
            }
            for (int r = 0; r <= poly.getNumInteriorRing(); r++) {
                CoordinateSequence ring =
                        (r == 0 ? poly.getExteriorRing() : poly.getInteriorRingN(r - 1)).getCoordinateSequence();
                for (int i = 0; i < ring.size() - 1; i++) {
                    d.append(i == 0 ? 'M' : 'L')
                            .append(num(ring.getX(i)))
                            .append(' ')
                            .append(num(ring.getY(i)));
                    points++;
                }
                d.append('Z');
            }
        }
        return points;
    }

    private void tiles(MapProjection p) throws XMLStreamException {
        if (style.tiles().isEmpty()) {
            return;
        }
        w.writeStartElement("g");
        attr("class", "tiles");
        attr("opacity", "0.6");
        for (MapTiles.Tile t : style.tiles().get().cover(p)) {
            w.writeEmptyElement("image");
            attr("href", t.url());
            attr("x", num(t.x()));
            attr("y", num(t.y()));
            attr("width", num(t.width()));
            attr("height", num(t.height()));
            attr("preserveAspectRatio", "none");
        }
        w.writeEndElement();
        if (style.attribution() != null) {
            text(MapProjection.WIDTH - 8, p.height() - 8, 12, "end", style.attribution());
        }
    }

    private void scaleBar(MapProjection p) throws XMLStreamException {
        double metres = niceMetres(200 / p.unitsPerMetre());
        double len = metres * p.unitsPerMetre();
        double y = p.height() - 20;
        w.writeStartElement("g");
        attr("class", "scale");
        attr("aria-hidden", "true");
        rect(12, y - 32, len + 16, 42, "#ffffff");
        w.writeEmptyElement("path");
        attr("d", "M20 " + num(y - 6) + "V" + num(y) + "H" + num(20 + len) + "V" + num(y - 6));
        attr("stroke", "#212121");
        attr("stroke-width", "2");
        attr("fill", "none");
        text(20, y - 10, 18, null, metres >= 1000 ? num(metres / 1000) + " km" : num(metres) + " m");
        w.writeEndElement();
    }

    /** The largest 1, 2 or 5 × 10ⁿ metres not above {@code max}. */
    static double niceMetres(double max) {
        double tens = Math.pow(10, Math.floor(Math.log10(Math.max(max, 1))));
        for (double f : new double[] {5, 2, 1}) {
            if (f * tens <= max) {
                return f * tens;
            }
        }
        return tens;
    }

    private void north() throws XMLStreamException {
        w.writeStartElement("g");
        attr("class", "north");
        attr("aria-hidden", "true");
        w.writeEmptyElement("path");
        attr("d", "M970 14L980 44L970 38L960 44Z");
        attr("fill", "#212121");
        text(970, 66, 20, "middle", word("map.north"));
        w.writeEndElement();
    }

    private List<LegendEntry> legend(List<MapZone> zones, Map<String, String> cropColours) {
        List<LegendEntry> rows = new ArrayList<>();
        if (style.by() == Colouring.STATUS) {
            for (ZoneStatus s : ZoneStatus.values()) {
                rows.add(new LegendEntry(word("enum.ZoneStatus." + s.name()), MapPalette.of(s)));
            }
            return rows;
        }
        Map<String, String> names = new LinkedHashMap<>();
        zones.forEach(z -> names.putIfAbsent(
                cropKeyOrEmpty(z.crop()), z.crop() == null ? null : z.crop().strip()));
        boolean other = false;
        for (var e : cropColours.entrySet()) {
            if (MapPalette.OTHER.equals(e.getValue())) {
                other = true;
            } else if (e.getKey().isEmpty()) {
                rows.add(new LegendEntry(word("map.crop.none"), e.getValue()));
            } else {
                rows.add(new LegendEntry(names.get(e.getKey()), e.getValue()));
            }
        }
        if (other) {
            rows.add(new LegendEntry(word("map.crop.other"), MapPalette.OTHER));
        }
        return rows;
    }

    private double legendRows(List<LegendEntry> legend, double top) throws XMLStreamException {
        double y = top + LEGEND_ROW;
        w.writeStartElement("g");
        attr("class", "legend");
        text(
                20,
                y,
                22,
                null,
                word("map.legend") + " (" + word("map.by." + style.by().name().toLowerCase(Locale.ROOT)) + ")");
        for (LegendEntry e : legend) {
            y += LEGEND_ROW;
            rect(20, y - 20, 26, 26, e.colour());
            text(56, y, 22, null, e.label());
        }
        w.writeEndElement();
        return y + 12;
    }

    private void withoutOutline(List<MapZone> without, double top) throws XMLStreamException {
        if (without.isEmpty()) {
            return;
        }
        double y = top + LEGEND_ROW;
        w.writeStartElement("g");
        attr("class", "no-outline");
        text(20, y, 22, null, word("map.noOutline") + " (" + without.size() + ")");
        for (MapZone z : without.subList(0, Math.min(MAX_LISTED, without.size()))) {
            y += LEGEND_ROW;
            w.writeStartElement("a");
            attr("href", style.linkBase() + z.id());
            attr("class", "zone");
            attr("data-code", z.code());
            text(20, y, 20, null, z.code() + (z.name() == null ? "" : " – " + z.name()));
            w.writeEndElement();
        }
        if (without.size() > MAX_LISTED) {
            text(20, y + LEGEND_ROW, 20, null, format("map.more", without.size() - MAX_LISTED));
        }
        w.writeEndElement();
    }

    private static double extraHeight(List<LegendEntry> legend, List<MapZone> without, boolean truncated) {
        double rows = legend.size() + 1 + (truncated ? 1 : 0);
        if (!without.isEmpty()) {
            rows += 1 + Math.min(MAX_LISTED, without.size()) + (without.size() > MAX_LISTED ? 1 : 0);
        }
        return rows * LEGEND_ROW + 40;
    }

    private String description(int drawn, int withoutOutline, int listed, long total) {
        String d = format("map.desc", drawn, word("map.by." + style.by().name().toLowerCase(Locale.ROOT)));
        if (withoutOutline > 0) {
            d += " " + word("map.noOutline") + ": " + withoutOutline + ".";
        }
        return listed < total ? d + " " + truncated(listed, total) : d;
    }

    private String truncated(int listed, long total) {
        return format("map.truncated", listed, total);
    }

    private String word(String key) {
        return style.words().apply(key);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(word(key), style.locale()).format(args);
    }

    private static String cropKeyOrEmpty(String crop) {
        String key = MapPalette.cropKey(crop);
        return key == null ? "" : key;
    }

    private void attr(String name, String value) throws XMLStreamException {
        w.writeAttribute(name, safe(value));
    }

    private void element(String name, String id, String text) throws XMLStreamException {
        w.writeStartElement(name);
        if (id != null) {
            attr("id", id);
        }
        w.writeCharacters(safe(text));
        w.writeEndElement();
    }

    private void rect(double x, double y, double width, double height, String fill) throws XMLStreamException {
        w.writeEmptyElement("rect");
        attr("x", num(x));
        attr("y", num(y));
        attr("width", num(width));
        attr("height", num(height));
        attr("fill", fill);
    }

    private void text(double x, double y, double size, String anchor, String text) throws XMLStreamException {
        w.writeStartElement("text");
        attr("x", num(x));
        attr("y", num(y));
        attr("font-size", num(size));
        if (anchor != null) {
            attr("text-anchor", anchor);
        }
        w.writeCharacters(safe(text));
        w.writeEndElement();
    }

    /** Text without the characters XML 1.0 cannot hold (the writer escapes the rest: &lt; &amp; &quot;). */
    static String safe(String s) {
        return s == null ? "" : NOT_XML.matcher(s).replaceAll("");
    }

    /** A coordinate with at most one decimal, no exponent. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }
}

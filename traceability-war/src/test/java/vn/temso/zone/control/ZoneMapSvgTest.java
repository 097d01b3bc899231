package vn.temso.zone.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.temso.testsupport.Outlines;
import vn.temso.zone.entity.ZoneStatus;

/** The zone map's projection, colours, bounds and escaping, without a server. */
class ZoneMapSvgTest {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("map.title", "Bản đồ vùng trồng"),
            Map.entry("map.desc", "{0} vùng trên bản đồ, tô màu theo {1}."),
            Map.entry("map.by.status", "trạng thái"),
            Map.entry("map.by.crop", "cây trồng"),
            Map.entry("map.legend", "Chú giải"),
            Map.entry("map.noOutline", "Vùng chưa có ranh giới"),
            Map.entry("map.noOutlines", "Chưa vùng nào có ranh giới để vẽ."),
            Map.entry("map.crop.none", "Chưa ghi cây trồng"),
            Map.entry("map.crop.other", "Cây trồng khác"),
            Map.entry("map.truncated", "Bản đồ vẽ {0} trong {1} vùng"),
            Map.entry("map.more", "… và {0} vùng khác"),
            Map.entry("map.north", "B"),
            Map.entry("enum.ZoneStatus.ACTIVE", "Đang hoạt động"),
            Map.entry("enum.ZoneStatus.SUSPENDED", "Tạm ngừng"),
            Map.entry("enum.ZoneStatus.REVOKED", "Đã thu hồi"));

    private static ZoneMapSvg.Style style(ZoneMapSvg.Colouring by, Optional<MapTiles> tiles) {
        return new ZoneMapSvg.Style(
                by, WORDS::get, Locale.forLanguageTag("vi"), "/app/zone.xhtml?id=", tiles, "© Tiles", true);
    }

    private static MapZone zone(String id, String name, ZoneStatus status, String crop, double lon, double lat) {
        return new MapZone(id, "VN-T-" + id, name, status, crop, Outlines.polygon(Outlines.circle(40, lon, lat)));
    }

    private static List<MapZone> sample() {
        return List.of(
                zone(
                        "1",
                        "Vùng lúa <script>alert(1)</script> & \"Đồng Tháp Mười\"\u0001",
                        ZoneStatus.ACTIVE,
                        "Lúa",
                        106.50,
                        10.50),
                zone("2", "Vùng thanh long", ZoneStatus.ACTIVE, "Thanh long", 106.56, 10.53),
                zone("3", "Vùng rau", ZoneStatus.SUSPENDED, "Rau ăn lá", 106.45, 10.58),
                new MapZone("4", "VN-T-4", "Chưa vẽ <b>", ZoneStatus.REVOKED, null, null));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> fills(Document d) {
        NodeList paths = d.getElementsByTagNameNS(ZoneMapSvg.SVG_NS, "path");
        List<String> fills = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if (p.getParentNode() instanceof Element a && "a".equals(a.getLocalName())) {
                fills.add(p.getAttribute("fill"));
            }
        }
        return fills;
    }

    @Test
    void shouldProjectWithoutStretchingAndFitTheBox() {
        MapProjection p = MapProjection.fit(new Envelope(106.3, 106.7, 10.4, 10.7));
        assertEquals(106.3, p.lon(p.x(106.3)), 1e-9);
        assertEquals(10.4, p.lat(p.y(10.4)), 1e-9);
        for (double[] c : new double[][] {{106.3, 10.4}, {106.7, 10.7}}) {
            assertTrue(p.x(c[0]) >= MapProjection.MARGIN - 1e-6
                    && p.x(c[0]) <= MapProjection.WIDTH - MapProjection.MARGIN + 1e-6);
            assertTrue(p.y(c[1]) >= 0 && p.y(c[1]) <= p.height());
        }
        // 0.01° of longitude at 10.55° N is cos(10.55°) as long as 0.01° of latitude
        double east = p.x(106.51) - p.x(106.50);
        double north = p.y(10.50) - p.y(10.51);
        assertEquals(Math.cos(Math.toRadians(10.55)), east / north, 1e-9);
        assertTrue(p.y(10.7) < p.y(10.4), "north is up");
        assertEquals(0.01 * MapProjection.METRES_PER_DEGREE * p.unitsPerMetre(), north, 1e-6);
        assertEquals(
                p.transformation()
                        .transform(
                                new org.locationtech.jts.geom.Coordinate(106.5, 10.5),
                                new org.locationtech.jts.geom.Coordinate())
                        .x,
                p.x(106.5),
                1e-9);
    }

    @Test
    void shouldColourStatusesApartAndCropsByNameStably() {
        Set<String> statuses = new HashSet<>();
        for (ZoneStatus s : ZoneStatus.values()) {
            statuses.add(MapPalette.of(s));
        }
        assertEquals(ZoneStatus.values().length, statuses.size());
        Map<String, Long> crops = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            crops.put("crop " + i, (long) (i + 1));
        }
        Map<String, String> colours = MapPalette.forCrops(crops);
        assertEquals(12, new HashSet<>(colours.values()).size(), "no two crops of a map alike: " + colours);
        assertEquals(colours, MapPalette.forCrops(new LinkedHashMap<>(crops)), "the same every time");
        crops.put("rare", 0L);
        Map<String, String> more = MapPalette.forCrops(crops);
        assertEquals(MapPalette.OTHER, more.get("rare"), "past twelve crops the rarest share grey");
        assertEquals(MapPalette.cropKey("Lúa "), MapPalette.cropKey("lúa"));
        assertEquals(
                MapPalette.CROPS.get(MapPalette.slot("lúa")),
                MapPalette.forCrops(Map.of("lúa", 3L)).get("lúa"));
    }

    @Test
    void shouldEscapeUserTextAndKeepItReadable() throws Exception {
        var drawing = ZoneMapSvg.draw(sample(), 4, style(ZoneMapSvg.Colouring.STATUS, Optional.empty()));
        assertFalse(drawing.svg().contains("<script"), drawing.svg());
        assertFalse(drawing.svg().contains("<b>"), drawing.svg());
        Document d = parse(drawing.svg());
        assertEquals(0, d.getElementsByTagNameNS("*", "script").getLength());
        assertEquals(0, d.getElementsByTagNameNS("*", "b").getLength());
        String titles = d.getDocumentElement().getTextContent();
        assertTrue(titles.contains("VN-T-1 – Vùng lúa <script>alert(1)</script> & \"Đồng Tháp Mười\""), titles);
        assertFalse(titles.contains("\u0001"));
        assertEquals("img", d.getDocumentElement().getAttribute("role"));
        assertEquals(
                "0 0 1000 " + ZoneMapSvg.num(heightOf(d)),
                d.getDocumentElement().getAttribute("viewBox"));
        assertEquals("", "" + ZoneMapSvg.safe(null));
        assertEquals("12.5", ZoneMapSvg.num(12.46));
        assertEquals("-3", ZoneMapSvg.num(-3.01));
    }

    private static double heightOf(Document d) {
        return Double.parseDouble(d.getDocumentElement().getAttribute("viewBox").split(" ")[3]);
    }

    @Test
    void shouldLinkEveryZoneAndListThoseWithoutAnOutline() throws Exception {
        var drawing = ZoneMapSvg.draw(sample(), 4, style(ZoneMapSvg.Colouring.STATUS, Optional.empty()));
        assertEquals(3, drawing.drawn());
        assertEquals(
                List.of("4"), drawing.withoutOutline().stream().map(MapZone::id).toList());
        Document d = parse(drawing.svg());
        NodeList links = d.getElementsByTagNameNS(ZoneMapSvg.SVG_NS, "a");
        Set<String> hrefs = new HashSet<>();
        for (int i = 0; i < links.getLength(); i++) {
            hrefs.add(((Element) links.item(i)).getAttribute("href"));
        }
        assertEquals(
                Set.of("/app/zone.xhtml?id=1", "/app/zone.xhtml?id=2", "/app/zone.xhtml?id=3", "/app/zone.xhtml?id=4"),
                hrefs);
        String text = d.getDocumentElement().getTextContent();
        assertTrue(text.contains("Vùng chưa có ranh giới (1)"), text);
        assertTrue(text.contains("Đang hoạt động") && text.contains("Tạm ngừng") && text.contains("Đã thu hồi"), text);
        assertFalse(text.contains("ACTIVE") || text.contains("SUSPENDED"), text);
        assertTrue(text.contains("3 vùng trên bản đồ, tô màu theo trạng thái."), text);
    }

    @Test
    void shouldColourByStatusOrByCrop() throws Exception {
        List<String> byStatus =
                fills(parse(ZoneMapSvg.draw(sample(), 4, style(ZoneMapSvg.Colouring.STATUS, Optional.empty()))
                        .svg()));
        var crop = ZoneMapSvg.draw(sample(), 4, style(ZoneMapSvg.Colouring.CROP, Optional.empty()));
        List<String> byCrop = fills(parse(crop.svg()));
        assertEquals(
                List.of(
                        MapPalette.of(ZoneStatus.ACTIVE),
                        MapPalette.of(ZoneStatus.ACTIVE),
                        MapPalette.of(ZoneStatus.SUSPENDED)),
                byStatus);
        assertEquals(3, new HashSet<>(byCrop).size(), "three crops, three colours: " + byCrop);
        assertNotEquals(byStatus, byCrop);
        assertEquals(
                List.of("Lúa", "Rau ăn lá", "Thanh long", "Chưa ghi cây trồng"),
                crop.legend().stream()
                        .map(ZoneMapSvg.LegendEntry::label)
                        .sorted((a, b) -> a.startsWith("Chưa") ? 1 : b.startsWith("Chưa") ? -1 : a.compareTo(b))
                        .toList());
    }

    @Test
    void shouldBoundThePositionsOfABigMap() {
        List<MapZone> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new MapZone(
                    "" + i,
                    "VN-B-" + i,
                    "Vùng " + i,
                    ZoneStatus.ACTIVE,
                    "Lúa",
                    Outlines.polygon(Outlines.circle(499, 105 + (i % 20) * 0.05, 10 + (i / 20) * 0.05))));
        }
        var drawing = ZoneMapSvg.draw(many, 5000, style(ZoneMapSvg.Colouring.STATUS, Optional.empty()));
        assertEquals(300, drawing.drawn());
        assertTrue(drawing.points() <= ZoneMapSvg.MAX_POINTS, "" + drawing.points());
        assertTrue(drawing.points() < 300 * 499, "simplified to the map's scale: " + drawing.points());
        assertTrue(drawing.svg().contains("Bản đồ vẽ 300 trong 5.000 vùng"), "says it was bounded");
    }

    @Test
    void shouldRequestNoTileUnlessConfiguredAndThenOnlyAFew() throws Exception {
        String none = ZoneMapSvg.draw(sample(), 4, style(ZoneMapSvg.Colouring.STATUS, Optional.empty()))
                .svg();
        assertFalse(none.contains("<image"), none);
        assertFalse(none.replace(ZoneMapSvg.SVG_NS, "").contains("http"), "no external address at all: " + none);
        var tiles = MapTiles.of("https://tiles.example.vn/{z}/{x}/{y}.png?k=1&s=2");
        assertTrue(tiles.isPresent());
        Document d = parse(ZoneMapSvg.draw(sample(), 4, style(ZoneMapSvg.Colouring.STATUS, tiles))
                .svg());
        NodeList images = d.getElementsByTagNameNS(ZoneMapSvg.SVG_NS, "image");
        assertTrue(images.getLength() > 0 && images.getLength() <= MapTiles.MAX_TILES, "" + images.getLength());
        String href = ((Element) images.item(0)).getAttribute("href");
        assertTrue(href.matches("https://tiles\\.example\\.vn/\\d+/\\d+/\\d+\\.png\\?k=1&s=2"), href);
        assertEquals(
                Optional.of("https://tiles.example.vn"), MapTiles.origin("https://tiles.example.vn/{z}/{x}/{y}.png"));
        assertEquals(Optional.of("http://10.0.0.5:8081"), MapTiles.origin("http://10.0.0.5:8081/t/{z}/{x}/{y}"));
        assertEquals(Optional.empty(), MapTiles.origin("javascript:alert(1)//{z}{x}{y}"));
        assertEquals(Optional.empty(), MapTiles.origin("https://tiles.example.vn/{z}/{x}.png"));
        assertEquals(Optional.empty(), MapTiles.origin(null));
        // Long An at zoom 10: the tile numbering of OpenStreetMap's wiki formula
        assertEquals(814, MapTiles.tileX(106.5, 10));
        assertEquals(481, MapTiles.tileY(10.5, 10));
    }

    @Test
    void shouldPickARoundScaleBar() {
        assertEquals(500, ZoneMapSvg.niceMetres(730));
        assertEquals(2000, ZoneMapSvg.niceMetres(4999));
        assertEquals(1000, ZoneMapSvg.niceMetres(1000));
    }

    @Test
    void shouldKeepTheLinksOfAnInlineMapReachable() throws Exception {
        var s = style(ZoneMapSvg.Colouring.STATUS, Optional.empty());
        var inline = new ZoneMapSvg.Style(s.by(), s.words(), s.locale(), s.linkBase(), s.tiles(), null, false);
        Element svg = parse(ZoneMapSvg.draw(sample(), 4, inline).svg()).getDocumentElement();
        assertEquals("group", svg.getAttribute("role"));
        assertEquals("zone-map-title zone-map-desc", svg.getAttribute("aria-labelledby"));
        assertEquals(0, countLegend(svg), "the page shows legend and list as HTML");
    }

    private static int countLegend(Element svg) {
        NodeList gs = svg.getElementsByTagNameNS(ZoneMapSvg.SVG_NS, "g");
        int n = 0;
        for (int i = 0; i < gs.getLength(); i++) {
            String c = ((Element) gs.item(i)).getAttribute("class");
            n += c.equals("legend") || c.equals("no-outline") ? 1 : 0;
        }
        return n;
    }

    @Test
    void shouldDrawAnEmptyMapWithAWord() throws Exception {
        var drawing = ZoneMapSvg.draw(List.of(), 0, style(ZoneMapSvg.Colouring.CROP, Optional.empty()));
        assertTrue(parse(drawing.svg()).getDocumentElement().getTextContent().contains("Chưa vùng nào có ranh giới"));
    }
}

package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.temso.testsupport.Outlines.circle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, findings 4 and 5, over HTTP: hostile zone outlines (GeoJSON and KML) get 400 problem+json naming the
 * field geometry, never a 500 or seconds of CPU; a big outline is drawn on the trace page and listed from its
 * stored simplified copy.
 */
public abstract class GeometryScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String BASE = Fixtures.BASE;

    static String zoneJson(String code, String geometry) {
        return "{\"code\":\"" + code + "\",\"name\":\"Vùng " + code + "\",\"crop\":\"Lúa\",\"declaredAreaHa\":78.5,"
                + "\"geometry\":" + geometry + "}";
    }

    static String kml(String polygons) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
                + polygons + "</Document></kml>";
    }

    static String kmlPolygon(String coordinates) {
        return "<Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>" + coordinates
                + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>";
    }

    private static void assertGeometryRefused(Api.Reply r) {
        assertProblem(r, 400, "validation-failed");
        assertTrue(hasViolation(r, "geometry"), r.text());
    }

    private static Api.Reply putGeometry(String zoneId, String contentType, String body) {
        return api.send("PUT", "/api/zones/" + zoneId + "/geometry", api.token(MANAGER), contentType, body);
    }

    @Test
    void shouldRefuseHostileGeoJsonOutlinesWith400NamingGeometry() {
        String code = "VN-GEO-" + unique();
        Api.Reply big = api.post(
                MANAGER,
                "/api/zones",
                zoneJson(code, "{\"type\":\"Polygon\",\"coordinates\":[" + circle(20_000, 106.5, 10.5) + "]}"));
        assertGeometryRefused(big);
        assertTrue(big.json().get("detail").asText().contains("10000"), big.text());

        StringBuilder multi = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int p = 0; p < 3; p++) {
            multi.append(p == 0 ? "" : ",")
                    .append('[')
                    .append(circle(4_000, 106.0 + p * 0.1, 10.5))
                    .append(']');
        }
        assertGeometryRefused(api.post(MANAGER, "/api/zones", zoneJson(code, multi + "]}")));

        Api.Reply bowTie = api.post(
                MANAGER,
                "/api/zones",
                zoneJson(
                        code,
                        "{\"type\":\"Polygon\",\"coordinates\":"
                                + "[[[106.0,10.0],[106.01,10.01],[106.01,10.0],[106.0,10.01],[106.0,10.0]]]}"));
        assertGeometryRefused(bowTie);
        assertTrue(
                bowTie.json().get("detail").asText().contains("intersects itself")
                        && bowTie.json().get("detail").asText().contains("near longitude 106.005"),
                bowTie.text());

        String id = Fixtures.zone(api, MANAGER).get("id").asText();
        for (String n : new String[] {"1e400", "-1e400", "1e308"}) {
            assertGeometryRefused(putGeometry(
                    id,
                    "application/geo+json",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[" + n
                            + ",10.0],[106.01,10.0],[106.01,10.01],[106.0,10.01],[" + n + ",10.0]]]}"));
        }
        String deep = "{\"type\":\"Polygon\",\"coordinates\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
        assertGeometryRefused(putGeometry(id, "application/geo+json", deep));
        assertGeometryRefused(putGeometry(
                id,
                "application/geo+json",
                "{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[[106.0,10.0]],[[106.01,10.0]],[[106.01,10.01]],[[106.0,10.0]]]]}"));
        // the zone kept its outline through all of it
        assertEquals(
                24.5,
                api.get(MANAGER, "/api/zones/" + id)
                        .json()
                        .get("computedAreaHa")
                        .asDouble(),
                1.0);
    }

    @Test
    void shouldRefuseHostileKmlOutlinesWith400NamingGeometry() {
        String id = Fixtures.zone(api, MANAGER).get("id").asText();
        String kmlType = "application/vnd.google-earth.kml+xml";
        assertGeometryRefused(
                putGeometry(id, kmlType, kml(kmlPolygon("NaN,NaN 106.01,10 106.01,10.01 106,10.01 NaN,NaN"))));
        assertGeometryRefused(
                putGeometry(id, kmlType, kml(kmlPolygon("Infinity,10 106.01,10 106.01,10.01 106,10.01 Infinity,10"))));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            double x = 106.0 + (i % 100) * 0.01;
            double y = 10.0 + (i / 100) * 0.01;
            many.append(kmlPolygon(String.format(
                    Locale.ROOT,
                    "%1$.3f,%2$.3f %3$.3f,%2$.3f %3$.3f,%4$.3f %1$.3f,%4$.3f %1$.3f,%2$.3f",
                    x,
                    y,
                    x + 0.005,
                    y + 0.005)));
        }
        assertGeometryRefused(putGeometry(id, kmlType, kml(many.toString())));
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i <= 12_000; i++) {
            double a = 2 * Math.PI * (i % 12_000) / 12_000;
            ring.append(String.format(
                    Locale.ROOT, "%.8f,%.8f ", 106.5 + 0.0046 * Math.cos(a), 10.5 + 0.0045 * Math.sin(a)));
        }
        assertGeometryRefused(putGeometry(id, kmlType, kml(kmlPolygon(ring.toString()))));
        Api.Reply laughs = putGeometry(
                id,
                "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY a \"aaaaaaaaaa\">"
                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                        + "<kml><Placemark><name>&c;</name></Placemark></kml>");
        assertGeometryRefused(laughs);
        // the kml field of a zone request goes the same way
        Api.Reply inBody = api.post(
                MANAGER,
                "/api/zones",
                Map.of(
                        "code",
                        "VN-GEO-" + unique(),
                        "name",
                        "Vùng",
                        "crop",
                        "Lúa",
                        "declaredAreaHa",
                        1,
                        "kml",
                        kml(kmlPolygon("NaN,NaN 106.01,10 106.01,10.01 106,10.01 NaN,NaN"))));
        assertGeometryRefused(inBody);
    }

    @Test
    void shouldDrawABigOutlineFromItsSimplifiedCopyOnTheTracePageAndInLists() throws Exception {
        String code = "VN-GEO-" + unique();
        Api.Reply created = api.post(
                MANAGER,
                "/api/zones",
                zoneJson(code, "{\"type\":\"Polygon\",\"coordinates\":[" + circle(9_999, 106.5, 10.5) + "]}"));
        assertEquals(201, created.status(), created.text());
        JsonNode zone = created.json();
        assertEquals(10_000, zone.at("/geometry/coordinates/0").size(), "the full outline is kept");
        assertEquals(
                Math.PI * 503.9 * 497.4 / 10_000, zone.get("computedAreaHa").asDouble(), 0.5);
        int shown = zone.at("/displayGeometry/coordinates/0").size();
        assertTrue(shown >= 20 && shown <= 500, "display outline: " + shown);

        JsonNode listed = api.get(MANAGER, "/api/zones?q=" + code).json().at("/items/0");
        assertEquals(code, listed.get("code").asText());
        assertTrue(
                listed.path("geometry").isNull() || listed.path("geometry").isMissingNode(),
                "no full outline in lists");
        assertEquals(shown, listed.at("/displayGeometry/coordinates/0").size());

        // a batch from this zone, one stamp, and its public trace page
        JsonNode product = Fixtures.product(api, MANAGER);
        Api.Reply batch = api.post(
                MANAGER,
                "/api/batches",
                Fixtures.batchBody(product.get("id").asText(), zone.get("id").asText(), "L" + unique()));
        assertEquals(201, batch.status(), batch.text());
        String batchId = batch.json().get("id").asText();
        Fixtures.issue(api, MANAGER, batchId, 1);
        String url = api.get(MANAGER, "/api/batches/" + batchId + "/stamps?size=1")
                .json()
                .at("/items/0/url")
                .asText();
        assertTrue(url.startsWith(BASE + "/01/"), url);
        Api.Reply page = api.request("GET", url.substring(BASE.length()))
                .accept("text/html")
                .send();
        assertEquals(200, page.status());
        String html = page.text();
        int svg = html.indexOf("<svg viewBox=\"0 0 320 200\"");
        assertTrue(svg > 0, "zone map on the trace page");
        String d = html.substring(html.indexOf("d=\"", svg) + 3, html.indexOf('"', html.indexOf("d=\"", svg) + 3));
        long points = d.chars().filter(ch -> ch == 'L' || ch == 'M').count();
        assertTrue(points <= 500 && points >= 20, "the simplified outline is drawn: " + points + " points");
        assertTrue(
                page.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 30 * 1024,
                "the page stays under 30 KB with a 10,000-position zone");
    }
}

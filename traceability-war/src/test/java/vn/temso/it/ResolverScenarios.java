package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Temso as a GS1-Conformant resolver (issue 19), through real HTTP: the product page of a GTIN alone, walking up from
 * an unknown lot or an unsigned serial (never from a signed stamp), CORS, HEAD and OPTIONS, 400 for non-conformant
 * Digital Link URIs, linksets valid against GS1's schema, link types picked by language, the description file.
 */
public abstract class ResolverScenarios extends ApiScenarios {

    private static final String BASE = Fixtures.BASE;
    /** A valid GTIN-14 no cooperative registers (the demo and the tests use 893 prefixes). */
    private static final String NOBODY = "04000000000013";

    /** One cooperative of this class's own, with an OCOP product listed on Voso, an open lot and its stamps. */
    private static volatile Setup setup;

    private record Setup(String manager, String gtin, String lot, String productName, String coopName, String stamp) {}

    private static synchronized Setup setup() {
        if (setup != null) {
            return setup;
        }
        String suffix = unique();
        String coopName = "HTX Phân Giải " + suffix;
        Api.Reply coop = api.post(
                "admin",
                "/api/cooperatives",
                Map.of(
                        "name",
                        coopName,
                        "kind",
                        "COOPERATIVE",
                        "commune",
                        "Bình Tịnh",
                        "district",
                        "Tân Trụ",
                        "province",
                        "Long An"));
        assertEquals(201, coop.status(), coop.text());
        String manager = "it.resolver." + suffix.toLowerCase();
        Api.Reply user = api.post(
                "admin",
                "/api/users",
                Map.of(
                        "username",
                        manager,
                        "displayName",
                        "Quản lý Phân Giải",
                        "role",
                        "COOP_MANAGER",
                        "cooperativeId",
                        coop.json().get("id").asText(),
                        "password",
                        Api.DEMO_PASSWORD));
        assertEquals(201, user.status(), user.text());
        Map<String, Object> body = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        String name = "Bưởi da xanh <Phân Giải> " + suffix;
        body.put("name", name);
        body.put("ocop", ListingScenarios.ocop("2025-03-15"));
        JsonNode product = Fixtures.product(api, manager, body);
        ListingScenarios.list(manager, product, "voso-csv", Map.of("enabled", true));
        JsonNode zone = Fixtures.zone(api, manager);
        String lot = "PG/" + suffix;
        Api.Reply batch = api.post(
                manager,
                "/api/batches",
                Fixtures.batchBody(product.get("id").asText(), zone.get("id").asText(), lot));
        assertEquals(201, batch.status(), batch.text());
        Fixtures.issue(api, manager, batch.json().get("id").asText(), 1);
        String stamp = api.get(manager, "/api/batches/" + batch.json().get("id").asText() + "/stamps?size=1")
                .json()
                .at("/items/0/url")
                .asText();
        setup = new Setup(manager, product.get("gtin").asText(), lot, name, coopName, Fixtures.local(stamp));
        return setup;
    }

    private static String lotPath(Setup s) {
        return "/01/" + s.gtin() + "/10/" + s.lot().replace("/", "%2F");
    }

    private static Api.Reply get(String path, String... headers) {
        return api.request("GET", path).headers(headers).send();
    }

    @Test
    void shouldOpenTheProductPageFromAQrCodeOfTheGtinAlone() {
        Setup s = setup();
        String product = "/01/" + s.gtin();
        Api.Reply page = get(product, "Accept", "text/html,application/xhtml+xml", "Accept-Language", "vi-VN");
        assertEquals(200, page.status(), page.text());
        String html = page.text();
        assertTrue(html.contains("Bưởi da xanh &lt;Phân Giải&gt;"), "the name, escaped: " + html);
        assertTrue(html.contains("Sản phẩm OCOP") && html.contains("1234/QĐ-UBND"), html);
        assertTrue(html.contains(s.coopName()), html);
        assertTrue(html.contains("href=\"" + lotPath(s) + "\""), "the open lot links to its page: " + html);
        assertTrue(html.contains("Voso"), "the marketplace of the live listing: " + html);
        assertTrue(html.contains("không xác thực được từng gói"), "a product page vouches for no package");
        assertTrue(page.header("Link").contains("rel=\"linkset\""), page.header("Link"));
        assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));
        assertTrue(get(product, "Accept", "text/html", "Accept-Language", "en")
                .text()
                .contains("Product information"));

        Api.Reply redirect = get(product, "Accept", "*/*");
        assertEquals(307, redirect.status());
        assertEquals(BASE + "/page" + product, redirect.header("Location"));
        assertEquals(200, get("/page" + product, "Accept", "text/html").status());

        JsonNode json = get(product, "Accept", "application/json").json();
        assertEquals(s.gtin(), json.get("gtin").asText());
        assertEquals(s.lot(), json.at("/openLots/0/lot").asText());

        Api.Reply unknown = get("/01/" + NOBODY, "Accept", "text/html");
        assertEquals(404, unknown.status());
        assertTrue(unknown.text().contains("Không tìm thấy sản phẩm"), unknown.text());
        assertEquals(404, get("/01/" + NOBODY + "/10/X1", "Accept", "text/html").status());
        assertEquals(404, get("/01/" + NOBODY, "Accept", "application/json").status());
    }

    @Test
    void shouldWalkUpFromAnUnknownLotOrAnUnsignedSerialButNeverFromASignedStamp() {
        Setup s = setup();
        Api.Reply lot = get("/01/" + s.gtin() + "/10/NO-SUCH-LOT?foo=bar", "Accept", "text/html");
        assertEquals(307, lot.status());
        assertEquals(BASE + "/01/" + s.gtin() + "?foo=bar", lot.header("Location"));
        Api.Reply serial = get(lotPath(s) + "/21/ANYSERIAL", "Accept", "text/html");
        assertEquals(307, serial.status());
        assertEquals(BASE + lotPath(s), serial.header("Location"));
        assertEquals(BASE + "/01/" + s.gtin(), get("/01/" + s.gtin() + "/21/X1").header("Location"));

        String forged = s.stamp().substring(0, s.stamp().length() - 2) + "AA";
        Api.Reply verdict = get(forged, "Accept", "text/html");
        assertEquals(200, verdict.status());
        assertTrue(verdict.text().contains("Tem không chính hãng"), verdict.text());
        assertFalse(verdict.text().contains("Phân Giải"), "a forged stamp never shows the product");
        String unknownSerial = s.stamp().replaceFirst("/21/[^?]+", "/21/NOSUCHSERIAL1");
        Api.Reply unknown = get(unknownSerial, "Accept", "text/html");
        assertEquals(200, unknown.status());
        assertTrue(unknown.text().contains("Tem không chính hãng"), unknown.text());
        Api.Reply noLot = get("/01/" + s.gtin() + "/21/X1?8030=abc", "Accept", "text/html");
        assertEquals(200, noLot.status(), "a signed path is never walked up");
        assertTrue(noLot.text().contains("Tem không chính hãng"), noLot.text());
        Api.Reply genuine = get(s.stamp(), "Accept", "text/html");
        assertTrue(genuine.text().contains("Tem chính hãng"), genuine.text());
    }

    @Test
    void shouldAnswerCorsHeadAndOptionsAndRefuseNonConformantUrisWith400() {
        Setup s = setup();
        Api.Reply options = api.request("OPTIONS", lotPath(s))
                .headers("Origin", "https://ref.gs1.org", "Access-Control-Request-Method", "GET")
                .send();
        assertTrue(options.status() == 204 || options.status() == 200, "OPTIONS " + options.status());
        assertEquals("*", options.header("Access-Control-Allow-Origin"));
        String methods = options.header("Access-Control-Allow-Methods");
        assertTrue(methods.contains("GET") && methods.contains("HEAD") && methods.contains("OPTIONS"), methods);
        assertTrue(options.header("Link").contains("rel=\"linkset\""), options.header("Link"));
        Api.Reply get = get(lotPath(s), "Accept", "text/html");
        assertEquals("*", get.header("Access-Control-Allow-Origin"));
        assertTrue(get.header("Access-Control-Expose-Headers").contains("Link"));

        Api.Reply head = api.request("HEAD", lotPath(s)).accept("text/html").send();
        assertEquals(200, head.status());
        assertEquals(0, head.raw().body().length);
        Api.Reply headRedirect = api.request("HEAD", lotPath(s)).accept("*/*").send();
        assertEquals(307, headRedirect.status());
        assertEquals(BASE + "/page" + lotPath(s), headRedirect.header("Location"));

        for (String bad : List.of(
                lotPath(s) + "/foo",
                "/01/" + s.gtin().substring(0, 13) + (char) ('0' + (s.gtin().charAt(13) - '0' + 1) % 10),
                "/01/" + s.gtin().substring(1),
                "/01/" + s.gtin() + "/21/S1/10/L1",
                "/01/" + s.gtin() + "/99/X")) {
            Api.Reply html = get(bad, "Accept", "text/html");
            assertEquals(400, html.status(), bad);
            assertTrue(html.text().contains("GS1 Digital Link"), html.text());
            assertProblem(get(bad, "Accept", "application/json"), 400, "invalid-digital-link");
        }
        Api.Reply none = get(lotPath(s) + "?linkType=gs1:nosuchlt");
        assertEquals(404, none.status());
        assertProblem(
                get("/01/" + s.gtin() + "?linkType=gs1:epcis", "Accept", "application/json"), 404, "no-such-link");
    }

    @Test
    void shouldServeLinksetsValidAgainstGs1sSchemaAnchoredAtTheCanonicalUri() throws Exception {
        Setup s = setup();
        String lowerCaseEscape = "/01/" + s.gtin() + "/10/" + s.lot().replace("/", "%2f");
        for (Api.Reply r : List.of(
                get(lotPath(s) + "?linkType=linkset"),
                get(lotPath(s) + "?linkType=all"),
                get(lowerCaseEscape, "Accept", "application/linkset+json"),
                get(lotPath(s) + "/", "Accept", "application/linkset+json"))) {
            assertEquals(200, r.status(), r.text());
            assertTrue(r.contentType().startsWith("application/linkset+json"), r.contentType());
            assertTrue(
                    r.header("Link").contains("rel=\"http://www.w3.org/ns/json-ld#context\"")
                            && r.header("Link").contains("type=\"application/ld+json\""),
                    r.header("Link"));
            List<Error> errors = LINKSET_SCHEMA.validate(r.text(), InputFormat.JSON);
            assertTrue(errors.isEmpty(), errors + " in " + r.text());
            JsonNode set = r.json().at("/linkset/0");
            assertEquals(BASE + lotPath(s), set.get("anchor").asText());
            assertTrue(set.get("itemDescription").asText().contains("Phân Giải"));
            assertEquals(1, set.get("https://gs1.org/voc/defaultLink").size());
        }
        Api.Reply product = get("/01/" + s.gtin() + "?linkType=linkset");
        assertTrue(LINKSET_SCHEMA.validate(product.text(), InputFormat.JSON).isEmpty(), product.text());
        assertEquals(
                BASE + "/01/" + s.gtin(), product.json().at("/linkset/0/anchor").asText());
        Api.Reply stamp = get(s.stamp() + "&linkType=linkset");
        assertTrue(LINKSET_SCHEMA.validate(stamp.text(), InputFormat.JSON).isEmpty(), stamp.text());

        Api.Reply description = get("/.well-known/gs1resolver", "Accept", "application/json");
        assertEquals(200, description.status());
        assertEquals("*", description.header("Access-Control-Allow-Origin"));
        List<Error> errors = DESCRIPTION_SCHEMA.validate(description.text(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors + " in " + description.text());
        assertEquals(BASE, description.json().get("resolverRoot").asText());
        assertEquals("01", description.json().at("/supportedPrimaryKeys/0").asText());
    }

    @Test
    void shouldRedirectEachLinkTypeToTheTargetInTheLanguageAskedAndPassTheQueryOn() {
        Setup s = setup();
        String lot = lotPath(s);
        String product = "/01/" + s.gtin();
        assertEquals(
                BASE + "/page" + product + "?lang=en",
                location(product + "?linkType=gs1:pip", "Accept-Language", "en"));
        assertEquals(
                BASE + "/page" + product + "?lang=vi",
                location(product + "?linkType=https://gs1.org/voc/pip", "Accept-Language", "vi,en;q=0.5"));
        assertEquals(
                BASE + "/page" + product + "?lang=en#ocop",
                location(product + "?linkType=gs1:certificationInfo&lang=en"));
        assertEquals(BASE + "/page" + product + "?lang=vi#retailers", location(product + "?linkType=gs1:hasRetailers"));
        assertEquals(BASE + "/page" + lot + "?lang=vi", location(lot + "?linkType=gs1:traceability"));
        assertEquals(
                BASE + "/page" + lot + "?lang=en#status",
                location(lot + "?linkType=gs1:recallStatus", "Accept-Language", "en"));
        String events = location(lot + "?linkType=gs1:epcis");
        assertEquals(
                BASE + "/epcis/events?MATCH_anyEPCClass="
                        + URLEncoder.encode("https://id.gs1.org" + lot, StandardCharsets.UTF_8),
                events);
        Api.Reply epcis = get(events.substring(BASE.length()), "Accept", "application/json");
        assertEquals(200, epcis.status(), epcis.text());
        assertEquals(BASE + "/page" + lot + "?lang=vi&foo=bar", location(lot + "?linkType=gs1:traceability&foo=bar"));
        assertEquals(BASE + "/page" + lot + "?foo=bar&17=261231", location(lot + "?foo=bar&17=261231"));
        assertEquals(location(lot), location(lot + "/"), "a trailing slash changes nothing");
    }

    private static String location(String path, String... headers) {
        Api.Reply r = api.request("GET", path).headers(headers).send();
        assertEquals(307, r.status(), path + ": " + r.text());
        assertNotNull(r.header("Location"));
        return r.header("Location");
    }

    /** GS1's linkset schema, the copy in the test resources (gs1/NOTICE.md). */
    private static final Schema LINKSET_SCHEMA = schema("/gs1/gs1-linkset-schema.json");

    /**
     * The rules of GS1's resolver description file schema (ref.gs1.org/standards/resolver/description-file-schema,
     * 1.2.0) for the members Temso writes, restated here (GS1 publishes that schema without a licence to copy it).
     */
    private static final Schema DESCRIPTION_SCHEMA = schema("/gs1/resolver-description-rules.json");

    private static Schema schema(String resource) {
        try (InputStream in = ResolverScenarios.class.getResourceAsStream(resource)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

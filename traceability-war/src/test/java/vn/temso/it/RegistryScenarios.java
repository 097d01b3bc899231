package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cooperative registers zones, products, batches and diary events; the rules users expect hold. */
public abstract class RegistryScenarios extends AccountScenarios {

    static final String MANAGER = "tantru.quanly";

    @Test
    void shouldRegisterAZoneStoringNfcTextAndBothAreas() {
        Map<String, Object> body = new HashMap<>(Fixtures.zoneBody("vn-it-" + unique().toLowerCase()));
        String nfd = Normalizer.normalize("Vùng lúa Hòa Khánh Đông", Normalizer.Form.NFD);
        body.put("name", nfd);
        Api.Reply r = api.post(MANAGER, "/api/zones", body);
        assertEquals(201, r.status(), r.text());
        JsonNode z = r.json();
        assertEquals("Vùng lúa Hòa Khánh Đông", z.get("name").asText(), "stored NFC");
        assertTrue(z.get("code").asText().startsWith("VN-IT-"), "code upper-cased");
        assertEquals(24.5, z.get("declaredAreaHa").asDouble(), 1e-9);
        // 0.005° × 0.004° near 10.86°N ≈ 546 m × 442 m ≈ 24.2 ha
        assertEquals(24.2, z.get("computedAreaHa").asDouble(), 0.5);
        assertEquals("ACTIVE", z.get("status").asText());
        assertTrue(r.header("Location").endsWith("/api/zones/" + z.get("id").asText()));
        assertEquals(
                z.get("code"),
                api.get(MANAGER, "/api/zones/" + z.get("id").asText()).json().get("code"));
    }

    @Test
    void shouldRefuseBadZones() {
        assertProblem(api.post(MANAGER, "/api/zones", Fixtures.zoneBody("LA-0001")), 400, "validation-failed");
        Map<String, Object> bowTie = new HashMap<>(Fixtures.zoneBody("VN-IT-" + unique()));
        bowTie.put(
                "geometry",
                Map.of(
                        "type",
                        "Polygon",
                        "coordinates",
                        List.of(List.of(
                                List.of(106.0, 10.0),
                                List.of(106.01, 10.01),
                                List.of(106.01, 10.0),
                                List.of(106.0, 10.01),
                                List.of(106.0, 10.0)))));
        Api.Reply r = api.post(MANAGER, "/api/zones", bowTie);
        assertProblem(r, 400, "validation-failed");
        assertTrue(r.json().get("detail").asText().contains("intersects itself"), r.text());
        Map<String, Object> open = new HashMap<>(Fixtures.zoneBody("VN-IT-" + unique()));
        open.put(
                "geometry",
                Map.of(
                        "type",
                        "Polygon",
                        "coordinates",
                        List.of(List.of(
                                List.of(106.0, 10.0),
                                List.of(106.01, 10.0),
                                List.of(106.01, 10.01),
                                List.of(106.0, 10.01)))));
        assertTrue(api.post(MANAGER, "/api/zones", open)
                .json()
                .get("detail")
                .asText()
                .contains("not closed"));
        Map<String, Object> swapped = new HashMap<>(Fixtures.zoneBody("VN-IT-" + unique()));
        swapped.put(
                "geometry",
                Map.of(
                        "type",
                        "Polygon",
                        "coordinates",
                        List.of(List.of(
                                List.of(10.0, 106.0),
                                List.of(10.01, 106.0),
                                List.of(10.01, 106.01),
                                List.of(10.0, 106.0)))));
        assertProblem(api.post(MANAGER, "/api/zones", swapped), 400, "validation-failed");
        JsonNode z = Fixtures.zone(api, MANAGER);
        assertProblem(
                api.post(MANAGER, "/api/zones", Fixtures.zoneBody(z.get("code").asText())), 409, "conflict");
    }

    @Test
    void shouldImportAZoneOutlineFromKml() {
        JsonNode z = Fixtures.zone(api, MANAGER);
        String kml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Ruộng Bình Tịnh</name>
                <Polygon><outerBoundaryIs><LinearRing><coordinates>
                106.5122,10.5371,0 106.5172,10.5371,0 106.5172,10.5411,0 106.5122,10.5411,0 106.5122,10.5371,0
                </coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>""";
        Api.Reply r = api.send(
                "PUT",
                "/api/zones/" + z.get("id").asText() + "/geometry",
                api.token(MANAGER),
                "application/vnd.google-earth.kml+xml",
                kml);
        assertEquals(200, r.status(), r.text());
        assertEquals("Polygon", r.json().at("/geometry/type").asText());
        assertEquals(24.3, r.json().get("computedAreaHa").asDouble(), 0.6);
        Api.Reply bad = api.send(
                "PUT",
                "/api/zones/" + z.get("id").asText() + "/geometry",
                api.token(MANAGER),
                "application/vnd.google-earth.kml+xml",
                "<kml><Document/></kml>");
        assertProblem(bad, 400, "validation-failed");
        Api.Reply evil = api.send(
                "PUT",
                "/api/zones/" + z.get("id").asText() + "/geometry",
                api.token(MANAGER),
                "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><kml>&e;</kml>");
        assertProblem(evil, 400, "validation-failed");
        assertFalse(evil.text().contains("root:"), "no external entity expansion");
    }

    @Test
    void shouldRegisterProductsWithCheckedGtinsAndOcopValidity() {
        String gtin = Fixtures.gtin13();
        Map<String, Object> body = new HashMap<>(Fixtures.productBody(gtin));
        body.put(
                "ocop",
                Map.of(
                        "stars",
                        4,
                        "group",
                        "FOOD",
                        "score",
                        78,
                        "decisionNumber",
                        "1234/QĐ-UBND",
                        "decisionDate",
                        "2025-03-15",
                        "level",
                        "PROVINCE",
                        "authority",
                        "UBND tỉnh Long An"));
        Api.Reply r = api.post(MANAGER, "/api/products", body);
        assertEquals(201, r.status(), r.text());
        assertEquals("0" + gtin, r.json().get("gtin").asText(), "stored as GTIN-14");
        assertEquals("2028-03-15", r.json().at("/ocop/validUntil").asText(), "decision date + 36 months");
        assertEquals("ACTIVE", r.json().at("/ocop/status").asText());

        String wrongCheck = gtin.substring(0, 12) + ((gtin.charAt(12) - '0' + 1) % 10);
        Api.Reply bad = api.post(MANAGER, "/api/products", Fixtures.productBody(wrongCheck));
        assertProblem(bad, 400, "validation-failed");
        assertTrue(hasViolation(bad, "gtin"));
        assertProblem(api.post(MANAGER, "/api/products", Fixtures.productBody(gtin)), 409, "conflict");

        Map<String, Object> expired = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        expired.put("ocop", Map.of("stars", 3, "score", 62, "decisionDate", "2021-05-10"));
        assertEquals(
                "EXPIRED",
                api.post(MANAGER, "/api/products", expired)
                        .json()
                        .at("/ocop/status")
                        .asText());
        Map<String, Object> mismatch = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        mismatch.put("ocop", Map.of("stars", 5, "score", 62, "decisionDate", "2025-05-10"));
        assertProblem(api.post(MANAGER, "/api/products", mismatch), 400, "validation-failed");
        Map<String, Object> negative = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        negative.put("priceVnd", -5);
        assertTrue(hasViolation(api.post(MANAGER, "/api/products", negative), "priceVnd"));
    }

    @Test
    void shouldKeepABatchDiaryAppendOnlyAndFlagEarlySpraying() {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String id = batch.get("id").asText();
        String zoneId = batch.at("/zones/0/id").asText();
        Api.Reply spray = api.post(
                "tantru.xavien",
                "/api/batches/" + id + "/events",
                Map.of(
                        "type",
                        "SPRAYING",
                        "occurredAt",
                        "2026-11-05T07:30:00+07:00",
                        "zoneId",
                        zoneId,
                        "inputName",
                        "Validamycin 5SL",
                        "dose",
                        "1 lít/ha",
                        "preHarvestIntervalDays",
                        7,
                        "note",
                        "Phòng bệnh khô vằn"));
        assertEquals(201, spray.status(), spray.text());
        JsonNode flagged = api.get(MANAGER, "/api/batches/" + id).json();
        assertEquals("PRE_HARVEST_INTERVAL", flagged.at("/warnings/0/code").asText(), flagged.toString());
        assertEquals("2026-11-12", flagged.at("/warnings/0/safeHarvestFrom").asText());

        // the sprayer misdated it: a correction replaces it without deleting it
        Api.Reply fix = api.post(
                MANAGER,
                "/api/batches/" + id + "/events",
                Map.of(
                        "type",
                        "SPRAYING",
                        "occurredAt",
                        "2026-10-25T07:30:00+07:00",
                        "zoneId",
                        zoneId,
                        "inputName",
                        "Validamycin 5SL",
                        "preHarvestIntervalDays",
                        7,
                        "correctsEventId",
                        spray.json().get("id").asText()));
        assertEquals(201, fix.status(), fix.text());
        assertEquals(
                0, api.get(MANAGER, "/api/batches/" + id).json().get("warnings").size());
        JsonNode events = api.get(MANAGER, "/api/batches/" + id + "/events").json();
        assertEquals(2, events.size());
        assertTrue(events.findValues("superseded").stream().anyMatch(JsonNode::asBoolean));

        Api.Reply noPhi = api.post(
                MANAGER,
                "/api/batches/" + id + "/events",
                Map.of("type", "SPRAYING", "occurredAt", "2026-10-25T07:30:00+07:00"));
        assertProblem(noPhi, 400, "validation-failed");
        // a correction must name an entry of this diary (checked without loading the diary)
        Api.Reply stray = api.post(
                MANAGER,
                "/api/batches/" + id + "/events",
                Map.of(
                        "type",
                        "SPRAYING",
                        "occurredAt",
                        "2026-10-25T07:30:00+07:00",
                        "preHarvestIntervalDays",
                        7,
                        "correctsEventId",
                        "00000000-0000-0000-0000-000000000000"));
        assertProblem(stray, 400, "validation-failed");
        assertTrue(stray.text().contains("correctsEventId"), stray.text());
        assertProblem(
                api.send("DELETE", "/api/batches/" + id + "/events", api.token(MANAGER), null, null),
                405,
                "method-not-allowed");
    }

    @Test
    void shouldEnforceLotCodesAndZoneRules() {
        JsonNode zone = Fixtures.zone(api, MANAGER);
        JsonNode product = Fixtures.product(api, MANAGER);
        String pid = product.get("id").asText();
        String zid = zone.get("id").asText();
        Api.Reply diacritics = api.post(MANAGER, "/api/batches", Fixtures.batchBody(pid, zid, "LÔ-01"));
        assertProblem(diacritics, 400, "validation-failed");
        assertTrue(hasViolation(diacritics, "lotCode"), diacritics.text());
        assertProblem(
                api.post(MANAGER, "/api/batches", Fixtures.batchBody(pid, zid, "A".repeat(21))),
                400,
                "validation-failed");
        String lot = "L-" + unique();
        assertEquals(
                201,
                api.post(MANAGER, "/api/batches", Fixtures.batchBody(pid, zid, lot))
                        .status());
        assertProblem(api.post(MANAGER, "/api/batches", Fixtures.batchBody(pid, zid, lot)), 409, "conflict");
        // issue 14: an expiry before the harvest is told on expiryDate (it was told on zoneIds)
        Map<String, Object> early = new HashMap<>(Fixtures.batchBody(pid, zid, "L-" + unique()));
        early.put("expiryDate", "2026-11-09");
        Api.Reply expiry = api.post(MANAGER, "/api/batches", early);
        assertProblem(expiry, 400, "validation-failed");
        assertTrue(hasViolation(expiry, "expiryDate") && !hasViolation(expiry, "zoneIds"), expiry.text());

        // a suspended zone gives no batch
        Api.Reply suspended = api.post(
                MANAGER,
                "/api/zones/" + zid + "/status",
                Map.of("status", "SUSPENDED", "reason", "Chờ kiểm tra dư lượng"));
        assertEquals("SUSPENDED", suspended.json().get("status").asText(), suspended.text());
        assertProblem(
                api.post(MANAGER, "/api/batches", Fixtures.batchBody(pid, zid, "L-" + unique())),
                422,
                "rule/zone-not-active");
        // revoking is for the authorities
        assertProblem(
                api.post(MANAGER, "/api/zones/" + zid + "/status", Map.of("status", "REVOKED", "reason", "x")),
                403,
                "forbidden");
        assertEquals(
                200,
                api.post("admin", "/api/zones/" + zid + "/status", Map.of("status", "REVOKED", "reason", "Thu hồi mã"))
                        .status());
        assertProblem(
                api.post(MANAGER, "/api/zones/" + zid + "/status", Map.of("status", "ACTIVE")),
                422,
                "rule/zone-revoked");

        // another cooperative's zone cannot be used
        JsonNode foreignZone = Fixtures.zone(api, "duchoa.quanly");
        Api.Reply foreign = api.post(
                MANAGER,
                "/api/batches",
                Fixtures.batchBody(pid, foreignZone.get("id").asText(), "L-" + unique()));
        assertProblem(foreign, 400, "validation-failed");
        assertFalse(
                foreign.text().contains(foreignZone.get("name").asText()), "nothing of the other cooperative leaks");
    }

    @Test
    void shouldCloseAndRecallBatches() {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String id = batch.get("id").asText();
        assertEquals(
                "CLOSED",
                api.post(MANAGER, "/api/batches/" + id + "/close", null)
                        .json()
                        .get("status")
                        .asText());
        assertProblem(api.post(MANAGER, "/api/batches/" + id + "/close", null), 422, "rule/batch-not-open");
        assertProblem(
                api.post(MANAGER, "/api/batches/" + id + "/recall", Map.of("reason", " ")), 400, "validation-failed");
        Api.Reply recalled =
                api.post(MANAGER, "/api/batches/" + id + "/recall", Map.of("reason", "Dư lượng vượt ngưỡng"));
        assertEquals("RECALLED", recalled.json().get("status").asText());
        assertEquals("Dư lượng vượt ngưỡng", recalled.json().get("statusReason").asText());
        assertProblem(
                api.post(
                        MANAGER,
                        "/api/batches/" + id + "/events",
                        Map.of("type", "OTHER", "occurredAt", "2026-11-20T08:00:00Z")),
                422,
                "rule/batch-recalled");
        JsonNode audit = api.get(MANAGER, "/api/audit?entityId=" + id).json();
        assertTrue(audit.get("total").asInt() >= 3, audit.toString());
        assertEquals("recall", audit.at("/items/0/action").asText());
    }

    @Test
    void shouldPageAndFilterLists() {
        Fixtures.zone(api, MANAGER);
        Fixtures.zone(api, MANAGER);
        JsonNode page = api.get(MANAGER, "/api/zones?size=1&page=1").json();
        assertEquals(1, page.get("items").size());
        assertTrue(page.get("total").asInt() >= 2);
        assertProblem(api.get(MANAGER, "/api/zones?size=500"), 400, "validation-failed");
        JsonNode active = api.get(MANAGER, "/api/zones?status=active&size=200").json();
        active.get("items").forEach(z -> assertEquals("ACTIVE", z.get("status").asText()));
        JsonNode ocop = api.get(MANAGER, "/api/products?ocop=active&size=200").json();
        ocop.get("items")
                .forEach(p -> assertEquals("ACTIVE", p.at("/ocop/status").asText()));
    }
}

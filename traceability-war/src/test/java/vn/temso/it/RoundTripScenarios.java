package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, the EPCIS round trip: export lots' events from this Temso, capture them into an empty second Temso, and
 * query them back there: the same events, with the same ids.
 *
 * <p>Capture keeps events about the capturing cooperative's lots and stamps only, and an empty Temso has none. So, as
 * a cooperative that moves to (or mirrors into) another Temso would, the second Temso first gets the cooperative, its
 * product (same GTIN) and the lot (same lot code) through its own API; a partner key of that cooperative then captures
 * the exported documents whole. The stamps are not copied: their serials are unknown there, and are taken as packages
 * of the cooperative's product (GTIN), docs/epcis-capture.md. The lot's own commissioning in the second Temso is a
 * new event of its own (another id); every exported event is found there unchanged but for recordTime.
 */
public abstract class RoundTripScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String SECOND_MANAGER = "quanly.hai";

    @Test
    void shouldCaptureExportedLotsIntoAnEmptyTemsoAndQueryThemBackWithTheSameIds() throws Exception {
        Epcis.requireSchema();
        JsonNode demo =
                api.get(MANAGER, "/api/batches?lot=TT2024-HT-001").json().at("/items/0");
        JsonNode stamped = Fixtures.issuedBatch(api, MANAGER, 5);
        String shipped = "/api/batches/" + stamped.get("id").asText() + "/events";
        Map<String, Object> shipping = Map.of(
                "type", "SHIPPING", "occurredAt", "2026-11-16T01:00:00Z", "partyName", "Siêu thị Co.op Mart Tân An");
        assertEquals(201, api.post(MANAGER, shipped, shipping).status());
        List<JsonNode> lots = List.of(
                api.get(MANAGER, "/api/batches/" + demo.get("id").asText()).json(),
                api.get(MANAGER, "/api/batches/" + stamped.get("id").asText()).json());
        Map<String, String> exports = new HashMap<>();
        for (JsonNode lot : lots) {
            Api.Reply r = api.get(MANAGER, "/api/batches/" + lot.get("id").asText() + "/epcis");
            assertEquals(200, r.status(), r.text());
            Epcis.assertValid("export of " + lot.get("lotCode").asText(), r.text());
            exports.put(lot.get("id").asText(), r.text());
        }

        try (SecondTemso second = SecondTemso.start("roundtrip-temso")) {
            Api there = second.api();
            String key = cooperativeThere(there, lots);
            for (JsonNode lot : lots) {
                String doc = exports.get(lot.get("id").asText());
                Api.Reply captured = there.request("POST", "/epcis/capture")
                        .bearer(key)
                        .body("application/ld+json", doc)
                        .send();
                assertEquals(202, captured.status(), captured.text());
                for (JsonNode exported : Epcis.events(Api.JSON.readTree(doc))) {
                    String id = exported.get("eventID").asText();
                    Api.Reply back = there.request("GET", "/epcis/events/" + Epcis.enc(id))
                            .bearer(key)
                            .send();
                    assertEquals(200, back.status(), back.text());
                    assertEquals(
                            Epcis.withoutRecordTime(exported),
                            Epcis.withoutRecordTime(Epcis.events(back.json()).get(0)),
                            "the same event, with the same id, in the second Temso");
                }
                Api.Reply again = there.request("POST", "/epcis/capture")
                        .bearer(key)
                        .body("application/ld+json", doc)
                        .send();
                assertEquals(409, again.status(), "now held there too: " + again.text());
            }
            for (String doc : exports.values()) {
                for (JsonNode exported : Epcis.events(Api.JSON.readTree(doc))) {
                    String query = queryFor(exported);
                    List<String> found = Epcis.ids(there.request("GET", "/epcis/events?perPage=1000&" + query)
                            .bearer(key)
                            .send()
                            .json());
                    assertTrue(
                            found.contains(exported.get("eventID").asText()),
                            () -> query + " finds " + exported.get("eventID").asText() + " there: " + found);
                }
            }
            for (JsonNode lot : there.get(SECOND_MANAGER, "/api/batches").json().get("items")) {
                Api.Reply doc = there.get(
                        SECOND_MANAGER, "/api/batches/" + lot.get("id").asText() + "/epcis");
                assertEquals(200, doc.status(), doc.text());
                Epcis.assertValid(
                        "the second Temso's document of " + lot.get("lotCode").asText(), doc.text());
            }
        }
    }

    /** The query naming what an event is about: its lot (an EPC class), else its first package (an EPC). */
    private static String queryFor(JsonNode event) {
        for (String list : List.of("quantityList", "outputQuantityList", "inputQuantityList")) {
            if (event.path(list).size() > 0) {
                return "MATCH_anyEPCClass="
                        + Epcis.enc(event.path(list).get(0).get("epcClass").asText());
            }
        }
        return "MATCH_epc=" + Epcis.enc(event.path("epcList").get(0).asText());
    }

    /**
     * In the second Temso: the cooperative, a manager, the same products (GTIN) and lots (lot code), and a partner key
     * of the cooperative. Returns the key.
     */
    private static String cooperativeThere(Api there, List<JsonNode> lots) {
        Api.Reply coop = there.post(
                SecondTemso.ADMIN,
                "/api/cooperatives",
                Map.of("name", "Hợp tác xã Nông nghiệp Tân Trụ Xanh", "kind", "COOPERATIVE", "commune", "Bình Tịnh"));
        assertEquals(201, coop.status(), coop.text());
        Map<String, Object> user = new HashMap<>();
        user.put("username", SECOND_MANAGER);
        user.put("displayName", "Quản lý");
        user.put("role", "COOP_MANAGER");
        user.put("cooperativeId", coop.json().get("id").asText());
        user.put("password", Api.DEMO_PASSWORD);
        Api.Reply manager = there.post(SecondTemso.ADMIN, "/api/users", user);
        assertEquals(201, manager.status(), manager.text());
        String zone = Fixtures.zone(there, SECOND_MANAGER).get("id").asText();
        for (JsonNode lot : lots) {
            String gtin = lot.get("gtin").asText();
            String product = Fixtures.product(there, SECOND_MANAGER, Fixtures.productBody(gtin))
                    .get("id")
                    .asText();
            Api.Reply batch = there.post(
                    SECOND_MANAGER,
                    "/api/batches",
                    Fixtures.batchBody(product, zone, lot.get("lotCode").asText()));
            assertEquals(201, batch.status(), batch.text());
        }
        Api.Reply partner = there.post(
                SECOND_MANAGER, "/api/partners", Map.of("name", "Temso thứ nhất (xuất EPCIS)", "kind", "OTHER"));
        assertEquals(201, partner.status(), partner.text());
        return partner.json().get("key").asText();
    }
}

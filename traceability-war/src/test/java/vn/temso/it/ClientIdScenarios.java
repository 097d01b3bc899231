package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: zone and batch creates carry a client id as diary entries and seasons do: the same create sent again,
 * even twice at once, makes one record and both answers name it; the id of another cooperative's record is a 409
 * that says nothing about it.
 */
public abstract class ClientIdScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String OTHER_MANAGER = "duchoa.quanly";

    @Test
    void shouldRegisterOneZoneWhenTheSameClientIdArrivesTwiceAtOnce() throws Exception {
        String code = "VN-IT-" + unique();
        String clientId = UUID.randomUUID().toString();
        JsonNode zone = assertOneRecordPerClientId(
                "/api/zones",
                withClientId(Fixtures.zoneBody(code), clientId),
                "/api/zones?q=" + code,
                withClientId(Fixtures.zoneBody("VN-IT-" + unique()), clientId));
        assertEquals(code, zone.get("code").asText());

        // an admin entering the same registration for the manager's cooperative finds the same zone
        Map<String, Object> forCoop = withClientId(Fixtures.zoneBody(code), clientId);
        forCoop.put("cooperativeId", idOfCoop(MANAGER));
        Api.Reply admin = api.post("admin", "/api/zones", forCoop);
        assertEquals(200, admin.status(), admin.text());
        assertEquals(zone.get("id"), admin.json().get("id"));

        // the id is unique per kind of record: a batch with the zone's client id is a batch of its own
        JsonNode product = Fixtures.product(api, MANAGER);
        Api.Reply batch = api.post(
                MANAGER,
                "/api/batches",
                withClientId(
                        Fixtures.batchBody(
                                product.get("id").asText(), zone.get("id").asText(), "K" + unique()),
                        clientId));
        assertEquals(201, batch.status(), batch.text());
        assertNotEquals(zone.get("id"), batch.json().get("id"));
    }

    @Test
    void shouldCreateOneBatchWhenTheSameClientIdArrivesTwiceAtOnce() throws Exception {
        String lot = "C" + unique();
        String clientId = UUID.randomUUID().toString();
        String product = Fixtures.product(api, MANAGER).get("id").asText();
        String zone = Fixtures.zone(api, MANAGER).get("id").asText();
        String otherProduct = Fixtures.product(api, OTHER_MANAGER).get("id").asText();
        String otherZone = Fixtures.zone(api, OTHER_MANAGER).get("id").asText();
        JsonNode batch = assertOneRecordPerClientId(
                "/api/batches",
                withClientId(Fixtures.batchBody(product, zone, lot), clientId),
                "/api/batches?lot=" + lot + "&productId=" + product,
                withClientId(Fixtures.batchBody(otherProduct, otherZone, lot), clientId));
        assertEquals(lot, batch.get("lotCode").asText());

        // recognised by the client id alone: a repeat with another body answers the first batch unchanged
        Map<String, Object> changed = withClientId(Fixtures.batchBody(product, zone, "X" + unique()), clientId);
        Api.Reply again = api.post(MANAGER, "/api/batches", changed);
        assertEquals(200, again.status(), again.text());
        assertEquals(lot, again.json().get("lotCode").asText());
    }

    /**
     * Sends {@code body} twice at once and once more, then {@code foreignBody} (the same client id) as another
     * cooperative's manager, and the body with a malformed client id.
     *
     * @return the one record made
     */
    private static JsonNode assertOneRecordPerClientId(
            String path, Map<String, Object> body, String listPath, Map<String, Object> foreignBody) throws Exception {
        String clientId = (String) body.get("clientId");
        List<Api.Reply> replies = SeasonDiaryScenarios.twiceAtOnce(path, body, MANAGER);
        assertEquals(
                List.of(200, 201),
                replies.stream().map(Api.Reply::status).sorted().toList(),
                path + ": " + replies.get(0).text() + " / " + replies.get(1).text());
        JsonNode made = replies.get(0).json();
        assertEquals(made.get("id"), replies.get(1).json().get("id"), "both answers name the same record");
        assertEquals(clientId, made.get("clientId").asText());
        assertEquals(clientId, replies.get(1).json().get("clientId").asText());

        Api.Reply again = api.post(MANAGER, path, body);
        assertEquals(200, again.status(), again.text());
        assertEquals(made.get("id"), again.json().get("id"));
        JsonNode listed = api.get(MANAGER, listPath).json();
        assertEquals(1, listed.get("total").asInt(), "one row: " + listed);
        assertEquals(clientId, listed.at("/items/0/clientId").asText());
        assertEquals(
                clientId,
                api.get(MANAGER, path + "/" + made.get("id").asText())
                        .json()
                        .get("clientId")
                        .asText());

        // another cooperative's record: refused, naming nothing of it
        Api.Reply foreign = api.post(OTHER_MANAGER, path, foreignBody);
        assertProblem(foreign, 409, "conflict");
        assertFalse(foreign.text().contains(made.get("id").asText()), foreign.text());
        assertFalse(foreign.text().contains(clientId), foreign.text());

        Map<String, Object> malformed = new HashMap<>(body);
        malformed.put("clientId", "not-a-uuid");
        Api.Reply bad = api.post(MANAGER, path, malformed);
        assertProblem(bad, 400, "validation-failed");
        assertTrue(hasViolation(bad, "clientId"), bad.text());
        return made;
    }

    private static Map<String, Object> withClientId(Map<String, Object> body, String clientId) {
        Map<String, Object> b = new HashMap<>(body);
        b.put("clientId", clientId);
        return b;
    }
}

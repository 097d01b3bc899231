package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a lot made from other lots (harvests blended, paddy milled into rice) takes their zones; a recall of an
 * input reaches the derived lot's stamps at the next scan; a shipping entry names its destination by name and GLN.
 */
public abstract class GenealogyScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String OTHER_COOP = "duchoa.quanly";

    private static JsonNode derived(String productId, List<Map<String, Object>> inputs) {
        Map<String, Object> body = new HashMap<>();
        body.put("productId", productId);
        body.put("lotCode", "G" + unique());
        body.put("zoneIds", List.of());
        body.put("inputs", inputs);
        body.put("harvestDate", "2026-11-15");
        body.put("quantity", 2000);
        body.put("unit", "kg");
        Api.Reply r = api.post(MANAGER, "/api/batches", body);
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    private static Map<String, Object> input(JsonNode batch, int kg) {
        return Map.of("batchId", batch.get("id").asText(), "quantity", kg, "unit", "kg");
    }

    private static Set<String> zoneIds(JsonNode batch) {
        return StreamSupport.stream(batch.get("zones").spliterator(), false)
                .map(z -> z.get("id").asText())
                .collect(Collectors.toSet());
    }

    @Test
    void shouldRecallADerivedLotAndItsStampsWhenAnInputLotIsRecalled() {
        JsonNode paddyA = Fixtures.batch(api, MANAGER);
        JsonNode paddyB = Fixtures.batch(api, MANAGER);
        JsonNode rice = Fixtures.product(api, MANAGER);
        JsonNode blend = derived(rice.get("id").asText(), List.of(input(paddyA, 1200), input(paddyB, 800)));
        String blendId = blend.get("id").asText();

        Set<String> union = new java.util.HashSet<>(zoneIds(paddyA));
        union.addAll(zoneIds(paddyB));
        assertEquals(2, union.size());
        assertEquals(union, zoneIds(blend), "zones of a blended lot are where its inputs grew");
        assertEquals(2, blend.get("inputs").size());
        assertEquals(
                Set.of(paddyA.get("lotCode").asText(), paddyB.get("lotCode").asText()),
                StreamSupport.stream(blend.get("inputs").spliterator(), false)
                        .map(i -> i.get("lotCode").asText())
                        .collect(Collectors.toSet()));
        JsonNode a =
                api.get(MANAGER, "/api/batches/" + paddyA.get("id").asText()).json();
        assertEquals(blendId, a.at("/usedIn/0/batchId").asText(), a.toString());
        assertEquals(1200, a.at("/usedIn/0/quantity").asInt());

        Fixtures.issue(api, MANAGER, blendId, 3);
        String stampUrl = api.get(MANAGER, "/api/batches/" + blendId + "/stamps?size=10")
                .json()
                .at("/items/0/url")
                .asText();
        String page = Fixtures.local(stampUrl);
        assertTrue(scan(page).text().contains("Tem chính hãng"), "genuine before the recall");

        String lotA = paddyA.get("lotCode").asText();
        Api.Reply recall = api.post(
                MANAGER,
                "/api/batches/" + paddyA.get("id").asText() + "/recall",
                Map.of("reason", "Phát hiện dư lượng thuốc BVTV vượt ngưỡng"));
        assertEquals(200, recall.status(), recall.text());

        String html = scan(page).text();
        assertTrue(html.contains("Lô hàng đã bị thu hồi"), "the derived lot's stamp shows recalled at the next scan");
        assertTrue(html.contains(lotA), "naming the input lot");
        JsonNode after = api.get(MANAGER, "/api/batches/" + blendId).json();
        assertEquals("RECALLED", after.get("status").asText());
        assertTrue(after.get("statusReason").asText().contains(lotA), after.toString());
        assertTrue(after.get("statusReason").asText().contains("Phát hiện dư lượng thuốc BVTV vượt ngưỡng"));
        assertEquals(
                "OPEN",
                api.get(MANAGER, "/api/batches/" + paddyB.get("id").asText())
                        .json()
                        .get("status")
                        .asText(),
                "the other input is not recalled");

        // nothing new can be made from a recalled lot
        Map<String, Object> body = new HashMap<>(Fixtures.batchBody(
                rice.get("id").asText(), zoneIds(paddyB).iterator().next(), "G" + unique()));
        body.put("inputs", List.of(input(paddyA, 10)));
        assertProblem(api.post(MANAGER, "/api/batches", body), 422, "rule/input-recalled");
    }

    private static Api.Reply scan(String page) {
        return api.request("GET", page)
                .accept("text/html")
                .header("Accept-Language", "vi-VN,vi;q=0.9")
                .send();
    }

    @Test
    void shouldRefuseAnotherCooperativesBatchAsInput() {
        JsonNode foreign = Fixtures.batch(api, OTHER_COOP);
        JsonNode rice = Fixtures.product(api, MANAGER);
        Map<String, Object> body = new HashMap<>();
        body.put("productId", rice.get("id").asText());
        body.put("lotCode", "G" + unique());
        body.put("inputs", List.of(input(foreign, 100)));
        body.put("harvestDate", "2026-11-15");
        body.put("quantity", 100);
        body.put("unit", "kg");
        Api.Reply r = api.post(MANAGER, "/api/batches", body);
        assertProblem(r, 400, "validation-failed");
        assertTrue(hasViolation(r, "inputs"), r.text());
        assertTrue(!r.text().contains(foreign.get("lotCode").asText()), "nothing of the other cooperative shows");

        body.put("inputs", java.util.Arrays.asList((Object) null));
        Api.Reply nullInput = api.post(MANAGER, "/api/batches", body);
        assertProblem(nullInput, 400, "validation-failed");
        assertTrue(hasViolation(nullInput, "inputs"), nullInput.text());
    }

    @Test
    void shouldKeepTheInputsFixedOnUpdate() {
        JsonNode paddy = Fixtures.batch(api, MANAGER);
        JsonNode other = Fixtures.batch(api, MANAGER);
        JsonNode rice = Fixtures.product(api, MANAGER);
        JsonNode milled = derived(rice.get("id").asText(), List.of(input(paddy, 500)));
        Map<String, Object> update = new HashMap<>();
        update.put("harvestDate", "2026-11-16");
        update.put("quantity", 450);
        update.put("unit", "kg");
        String path = "/api/batches/" + milled.get("id").asText();
        Api.Reply same = api.put(MANAGER, path, update);
        assertEquals(200, same.status(), same.text());
        assertEquals(zoneIds(paddy), zoneIds(same.json()), "the inherited zones stay");
        update.put("inputs", List.of(input(other, 500)));
        Api.Reply changed = api.put(MANAGER, path, update);
        assertProblem(changed, 400, "validation-failed");
        assertTrue(hasViolation(changed, "inputs"), changed.text());
    }

    @Test
    void shouldRoundTripTheDestinationOfAShippingAndRefuseABadGln() {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String events = "/api/batches/" + batch.get("id").asText() + "/events";
        Map<String, Object> shipping = new HashMap<>();
        shipping.put("type", "SHIPPING");
        shipping.put("occurredAt", "2026-11-16T01:00:00Z");
        shipping.put("partyName", "Công ty TNHH Thực phẩm Sài Gòn");
        shipping.put("partyGln", "8930000000019");
        Api.Reply r = api.post(MANAGER, events, shipping);
        assertEquals(201, r.status(), r.text());
        JsonNode diary = api.get(MANAGER, events).json();
        JsonNode entry = diary.get(diary.size() - 1);
        assertEquals("SHIPPING", entry.get("type").asText());
        assertEquals("Công ty TNHH Thực phẩm Sài Gòn", entry.get("partyName").asText());
        assertEquals("8930000000019", entry.get("partyGln").asText());

        Map<String, Object> receiving = new HashMap<>(shipping);
        receiving.put("type", "RECEIVING");
        receiving.remove("partyName");
        assertEquals(201, api.post(MANAGER, events, receiving).status(), "a GLN alone names the source");

        shipping.put("partyGln", "8930000000018");
        Api.Reply bad = api.post(MANAGER, events, shipping);
        assertProblem(bad, 400, "validation-failed");
        assertTrue(hasViolation(bad, "partyGln"), bad.text());
    }
}

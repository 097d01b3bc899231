package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, the national-portal record: every required field for each demo lot, a lot lacking fields held with them
 * listed and sent once completed, a change sent as a new version under a new key while a resend keeps its key, a 503
 * with Retry-After waited out, FAILED after the last attempt and sent on a staff retry, and another cooperative's
 * record not found. The portal is {@link PortalReceiver}, on the port arquillian.xml names.
 */
@Tag("portal")
public abstract class PortalScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String MEMBER = "tantru.xavien";
    static final String OTHER_COOP = "duchoa.quanly";
    static final String STAFF = "canbo.binhtinh";
    static final List<String> DEMO_LOTS = List.of("TT2024-HT-001", "DH2024-RM-045", "CK2024-DS-112");
    static final String IMAGE = "https://tem.temso.test/img/st25.jpg";

    static JsonNode record(String user, String batchId) {
        Api.Reply r = api.get(user, "/api/batches/" + batchId + "/portal-record");
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    /** Polls the lot's record until {@code until} holds (records are built and sent in the background). */
    static JsonNode await(String user, String batchId, Predicate<JsonNode> until, String what)
            throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 600; i++) {
            last = record(user, batchId);
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("portal record of " + batchId + " never " + what + "; last: " + last);
    }

    static Predicate<JsonNode> status(String status) {
        return r -> status.equals(r.at("/outbox/status").asText())
                && r.at("/outbox/upToDate").asBoolean();
    }

    /** The required targets of the default mapping, read from the same file the server uses. */
    static List<String> requiredTargets() throws IOException {
        try (InputStream in =
                PortalScenarios.class.getClassLoader().getResourceAsStream("portal/portal-mapping.json")) {
            JsonNode fields = Api.JSON.readTree(in).get("fields");
            List<String> required = new ArrayList<>();
            fields.fields().forEachRemaining(e -> {
                if (e.getValue().path("required").asBoolean()) {
                    required.add(e.getKey());
                }
            });
            return required;
        }
    }

    static void assertHasEveryRequiredField(JsonNode payload, String lot) throws IOException {
        for (String target : requiredTargets()) {
            JsonNode v = payload.at("/" + target.replace('.', '/'));
            assertFalse(
                    v.isMissingNode()
                            || v.isNull()
                            || v.asText().isBlank() && !v.isContainerNode()
                            || v.isEmpty() && v.isContainerNode(),
                    lot + " lacks " + target + " in " + payload);
        }
    }

    static Map<String, Object> zoneBody() {
        Map<String, Object> body = new HashMap<>(Fixtures.zoneBody("VN-IT-" + unique()));
        body.put("district", "Tân Trụ");
        body.put("province", "Tây Ninh");
        return body;
    }

    static Map<String, Object> productBody(String imageUrl) {
        Map<String, Object> body = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        if (imageUrl != null) {
            body.put("imageUrl", imageUrl);
        }
        return body;
    }

    static Map<String, Object> batchBody(String productId, String zoneId, String lot, String expiry) {
        Map<String, Object> body = new HashMap<>(Fixtures.batchBody(productId, zoneId, lot));
        if (expiry != null) {
            body.put("expiryDate", expiry);
        }
        return body;
    }

    static JsonNode created(Api.Reply r) {
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    /** A lot as created, and the body it was created with. */
    record Lot(String id, String number, Map<String, Object> body) {}

    /** A lot of the manager's cooperative with every field the default mapping requires. */
    static Lot completeLot(String number) {
        JsonNode zone = created(api.post(MANAGER, "/api/zones", zoneBody()));
        JsonNode product = created(api.post(MANAGER, "/api/products", productBody(IMAGE)));
        Map<String, Object> body =
                batchBody(product.get("id").asText(), zone.get("id").asText(), number, "2027-11-10");
        return new Lot(
                created(api.post(MANAGER, "/api/batches", body)).get("id").asText(), number, body);
    }

    static int version(JsonNode record) {
        return record.at("/outbox/recordVersion").asInt();
    }

    @Test
    void shouldFindEveryRequiredFieldForEachDemoLotAndDeliverIt() throws Exception {
        PortalReceiver portal = PortalReceiver.start();
        for (String lot : DEMO_LOTS) {
            JsonNode list = api.get("admin", "/api/batches?lot=" + lot).json();
            assertEquals(1, list.get("items").size(), lot);
            String id = list.at("/items/0/id").asText();
            // the demo lots' events come from the start-up backfill: the record is complete once they are in
            JsonNode r = await("admin", id, x -> x.get("complete").asBoolean(), "complete: " + lot);
            assertEquals(0, r.get("missing").size(), r.toString());
            JsonNode payload = r.get("payload");
            assertHasEveryRequiredField(payload, lot);
            assertEquals(lot, payload.get("lotNumber").asText());
            assertTrue(payload.get("productImage").asText().startsWith(Fixtures.BASE + "/images/"), lot);
            Api.Reply image = api.request(
                            "GET", payload.get("productImage").asText().substring(Fixtures.BASE.length()))
                    .send();
            assertEquals(200, image.status(), "the demo image is served: " + lot);
            assertTrue(image.contentType().startsWith("image/jpeg"), image.contentType());
            assertTrue(payload.at("/producer/identifier").asText().matches("893\\d{10}"), "the GLN: " + payload);
            assertTrue(payload.at("/producer/taxCode").asText().matches("\\d{10}"), payload.toString());
            assertTrue(payload.at("/origin/zoneCodes/0").asText().startsWith("VN-"), payload.toString());
            JsonNode first = payload.at("/keyEvents/0");
            assertEquals("commissioning", first.get("bizStep").asText(), "the harvest lot's commissioning first");
            assertTrue(
                    first.get("eventTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT00:00:00\\+07:00"), first.toString());
            assertTrue(payload.get("traceUrl").asText().startsWith(Fixtures.BASE + "/01/"), payload.toString());

            // sent at once if the receiver was up; otherwise FAILED after the last attempt, and a retry sends it
            r = await(
                    "admin",
                    id,
                    x -> Set.of("SYNCED", "FAILED")
                                    .contains(x.at("/outbox/status").asText())
                            && x.at("/outbox/upToDate").asBoolean(),
                    "delivered or failed: " + lot);
            if (r.at("/outbox/status").asText().equals("FAILED")) {
                Api.Reply retry = api.post(
                        "admin", "/api/portal/outbox/" + r.at("/outbox/id").asText() + "/retry", null);
                assertEquals(200, retry.status(), retry.text());
                r = await("admin", id, status("SYNCED"), "synced after the retry: " + lot);
            }
            JsonNode delivered =
                    portal.applied.get(r.at("/outbox/idempotencyKey").asText());
            assertNotNull(delivered, "the portal has " + lot);
            assertEquals(payload, delivered, "what was sent is the record as shown");
        }
    }

    @Test
    void shouldHoldALotThatLacksRequiredFieldsWithThemListedAndSendItOnceCompleted() throws Exception {
        PortalReceiver portal = PortalReceiver.start();
        Map<String, Object> coopBody = Map.of(
                "name",
                "Hợp tác xã Rau Hòa Khánh " + unique(),
                "kind",
                "COOPERATIVE",
                "commune",
                "Bình Tịnh",
                "address",
                "Ấp 2, xã Bình Tịnh, tỉnh Tây Ninh",
                "district",
                "Tân Trụ",
                "province",
                "Tây Ninh");
        JsonNode coop = created(api.post("admin", "/api/cooperatives", coopBody));
        String coopId = coop.get("id").asText();
        Map<String, Object> zone = zoneBody();
        zone.put("cooperativeId", coopId);
        Map<String, Object> product = productBody(null);
        product.put("cooperativeId", coopId);
        String zoneId = created(api.post("admin", "/api/zones", zone)).get("id").asText();
        JsonNode p = created(api.post("admin", "/api/products", product));
        String lot = "H" + unique();
        String id = created(
                        api.post("admin", "/api/batches", batchBody(p.get("id").asText(), zoneId, lot, null)))
                .get("id")
                .asText();

        JsonNode held = await("admin", id, status("HELD"), "held");
        assertFalse(held.get("complete").asBoolean());
        Map<String, JsonNode> missing = StreamSupport.stream(held.get("missing").spliterator(), false)
                .collect(Collectors.toMap(m -> m.get("field").asText(), m -> m));
        assertEquals(Set.of("productImage", "expiryDate", "producer.identifier"), missing.keySet(), held.toString());
        assertEquals(
                "The cooperative has no tax id or GLN.",
                missing.get("producer.identifier").at("/message/en").asText());
        assertEquals(
                "Hợp tác xã chưa có mã số thuế hoặc mã GLN.",
                missing.get("producer.identifier").at("/message/vi").asText());
        assertTrue(missing.get("productImage").at("/message/vi").asText().startsWith("Sản phẩm chưa có ảnh"));
        assertEquals(
                "The lot has no expiry date.",
                missing.get("expiryDate").at("/message/en").asText());
        JsonNode heldRows =
                api.get("admin", "/api/portal/status?status=HELD&size=200").json();
        JsonNode row = StreamSupport.stream(heldRows.at("/items/items").spliterator(), false)
                .filter(i -> i.get("batchId").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("held row listed: " + heldRows));
        assertEquals(3, row.get("missing").size(), row.toString());
        String page =
                WebSession.signIn(api, "admin").get("/app/batch.xhtml?id=" + id).text();
        assertTrue(
                page.contains("id=\"portal-missing\"") && page.contains("(producer.identifier)"),
                "the lot page says what the lot lacks");

        Map<String, Object> withIds = new HashMap<>(coopBody);
        withIds.put("gln", "8930000000018"); // wrong check digit
        Api.Reply bad = api.put("admin", "/api/cooperatives/" + coopId, withIds);
        assertProblem(bad, 400, "validation-failed");
        assertTrue(hasViolation(bad, "gln"), bad.text());
        withIds.put("gln", "8930000000019");
        withIds.put("taxId", "1109876543001");
        JsonNode updated =
                api.put("admin", "/api/cooperatives/" + coopId, withIds).json();
        assertEquals("8930000000019", updated.get("gln").asText());
        assertEquals("1109876543-001", updated.get("taxId").asText(), "a branch's 13 digits written with the hyphen");
        product.put("imageUrl", IMAGE);
        product.remove("cooperativeId");
        Api.Reply imaged = api.put("admin", "/api/products/" + p.get("id").asText(), product);
        assertEquals(200, imaged.status(), imaged.text());
        assertEquals(
                200,
                api.put("admin", "/api/batches/" + id, batchBody(p.get("id").asText(), zoneId, lot, "2027-01-31"))
                        .status());

        JsonNode synced = await("admin", id, status("SYNCED"), "sent once complete");
        assertTrue(synced.get("complete").asBoolean());
        assertTrue(version(synced) > version(held));
        assertEquals(1, portal.of(lot).size(), "held versions were never sent");
        JsonNode sent = portal.applied.get(synced.at("/outbox/idempotencyKey").asText());
        assertEquals("8930000000019", sent.at("/producer/identifier").asText());
        assertEquals("1109876543-001", sent.at("/producer/taxCode").asText());
        assertEquals("2027-01-31", sent.get("expiryDate").asText());
        JsonNode stillHeld =
                api.get("admin", "/api/portal/status?status=HELD&size=200").json();
        assertFalse(stillHeld.toString().contains(id), "the held versions are superseded");
    }

    @Test
    void shouldSendAChangeAsANewVersionAndResendAVersionAfterRetryAfterWithTheSameKey() throws Exception {
        PortalReceiver portal = PortalReceiver.start();
        Lot lot = completeLot("C" + unique());
        String id = lot.id();
        JsonNode first = await(MANAGER, id, status("SYNCED"), "sent");
        String firstKey = first.at("/outbox/idempotencyKey").asText();
        assertEquals(id + ":" + version(first) + ":", firstKey.substring(0, firstKey.lastIndexOf(':') + 1));

        // the lot saved again as it was: nothing the portal sees changed, so no new version
        assertEquals(200, api.put(MANAGER, "/api/batches/" + id, lot.body()).status());
        Thread.sleep(1500);
        assertEquals(version(first), version(record(MANAGER, id)));

        portal.answerNext(lot.number(), 503, 1);
        Map<String, Object> shipping = Map.of(
                "type",
                "SHIPPING",
                "occurredAt",
                "2026-11-12T08:00:00+07:00",
                "note",
                "Giao lô cho siêu thị",
                "partyName",
                "Co.opmart Tân An",
                "partyGln",
                "8930000000019");
        Api.Reply added = api.post(MANAGER, "/api/batches/" + id + "/events", shipping);
        assertEquals(201, added.status(), added.text());

        JsonNode second = await(
                MANAGER,
                id,
                r -> version(r) > version(first) && status("SYNCED").test(r),
                "re-sent");
        String secondKey = second.at("/outbox/idempotencyKey").asText();
        assertNotEquals(firstKey, secondKey, "a change is a new version with a new key");
        List<PortalReceiver.Request> requests = portal.of(lot.number());
        assertEquals(
                List.of(firstKey, secondKey, secondKey),
                requests.stream().map(PortalReceiver.Request::key).toList());
        assertEquals(
                List.of(200, 503, 200),
                requests.stream().map(PortalReceiver.Request::answered).toList());
        assertEquals(requests.get(1).body(), requests.get(2).body(), "a resend carries the same body");
        long waited = requests.get(2).atMillis() - requests.get(1).atMillis();
        assertTrue(waited >= 900, "Retry-After: 1 was honoured; the retry came after " + waited + " ms");
        JsonNode shipped = StreamSupport.stream(
                        portal.applied.get(secondKey).get("keyEvents").spliterator(), false)
                .filter(e -> e.get("bizStep").asText().equals("shipping"))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("shipping among the key events: " + portal.applied.get(secondKey)));
        assertEquals("2026-11-12T08:00:00+07:00", shipped.get("eventTime").asText());
        assertEquals("Co.opmart Tân An", shipped.get("partyName").asText());
        assertEquals("8930000000019", shipped.get("partyGln").asText());
        assertEquals(2, requests.stream().filter(r -> r.answered() == 200).count());
        assertFalse(portal.duplicates.containsKey(firstKey) || portal.duplicates.containsKey(secondKey));
    }

    @Test
    void shouldFailAfterTheLastAttemptAndSendOnAStaffRetry() throws Exception {
        PortalReceiver portal = PortalReceiver.start();
        String number = "F" + unique();
        portal.down.add(number); // before the lot exists: its first delivery already fails
        String id = completeLot(number).id();
        JsonNode failed = await(MANAGER, id, status("FAILED"), "failed");
        assertEquals(3, failed.at("/outbox/attempts").asInt(), "temso.portal.max-attempts in arquillian.xml");
        assertEquals(503, failed.at("/outbox/httpStatus").asInt());
        assertTrue(failed.at("/outbox/lastError").asText().contains("HTTP 503"), failed.toString());
        assertEquals(3, portal.of(number).size());
        String outboxId = failed.at("/outbox/id").asText();

        JsonNode status = api.get(MANAGER, "/api/portal/status").json();
        assertTrue(status.get("enabled").asBoolean(), status.toString());
        assertEquals("127.0.0.1", status.get("endpointHost").asText());
        assertEquals("api-key", status.get("auth").asText());
        assertEquals("default", status.at("/mapping/origin").asText());
        assertTrue(status.at("/counts/FAILED").asLong() >= 1, status.toString());
        assertTrue(status.has("lastError"));
        String text = api.get("admin", "/api/portal/status").text();
        assertFalse(text.contains(PortalReceiver.API_KEY), "no secret in the status");
        assertFalse(text.contains(System.getProperty("temso.it.dataDir", "it-data")), "no server path in the status");

        assertProblem(api.post(MEMBER, "/api/portal/outbox/" + outboxId + "/retry", null), 403, "forbidden");
        assertProblem(api.post(OTHER_COOP, "/api/portal/outbox/" + outboxId + "/retry", null), 404, "not-found");
        portal.down.remove(number);
        Api.Reply retry = api.post(MANAGER, "/api/portal/outbox/" + outboxId + "/retry", null);
        assertEquals(200, retry.status(), retry.text());
        assertEquals(0, retry.json().get("attempts").asInt());
        JsonNode synced = await(MANAGER, id, status("SYNCED"), "sent after the retry");
        assertEquals(outboxId, synced.at("/outbox/id").asText(), "the same version");
        assertEquals(4, portal.of(number).size());
        assertEquals(
                1,
                portal.of(number).stream()
                        .map(PortalReceiver.Request::key)
                        .distinct()
                        .count(),
                "one key for all");
        assertProblem(api.post(MANAGER, "/api/portal/outbox/" + outboxId + "/retry", null), 409, "conflict");
    }

    @Test
    void shouldNotShowAnotherCooperativesRecord() throws Exception {
        PortalReceiver.start();
        String id = completeLot("T" + unique()).id();
        assertProblem(api.get(OTHER_COOP, "/api/batches/" + id + "/portal-record"), 404, "not-found");
        assertEquals(
                200, api.get(STAFF, "/api/batches/" + id + "/portal-record").status(), "commune staff read it");
        assertEquals(
                200, api.get(MEMBER, "/api/batches/" + id + "/portal-record").status());
        assertProblem(api.get(MANAGER, "/api/batches/" + unique() + "/portal-record"), 404, "not-found");
        await(MANAGER, id, status("SYNCED"), "sent");
        JsonNode theirs = api.get(OTHER_COOP, "/api/portal/status?size=200").json();
        assertFalse(theirs.toString().contains(id), "another cooperative's rows are not listed");
        assertEquals(401, api.request("GET", "/api/portal/status").send().status());
    }
}

package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, the capture interface: a manager issues a partner's API key (shown once); the partner captures its
 * receiving and shipping of the cooperative's lots, which the query interface and the lot's EPCISDocument then show
 * with the same eventIDs. A document is taken whole or not at all: invalid (400, with the event's index), an eventID
 * already held (409, Temso's own included), another cooperative's lot (404, like an unknown one). A partner key
 * works on the EPCIS interface only and reads what its cooperative reads.
 */
public abstract class CaptureScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String MEMBER = "tantru.xavien";
    static final String OTHER_MANAGER = "duchoa.quanly";
    static final String DEMO_GTIN = "08931234500016";
    static final String DEMO_LOT = "TT2024-HT-001";
    static final String OTHER_DEMO_LOT_CLASS = Epcis.lotClass("08931234500023", "DH2024-RM-045");
    static final String KEY_FORMAT = "tpk_[A-Za-z0-9_-]{43}";

    /** Issues a key for a new partner of the manager's cooperative; returns the issuing answer. */
    static JsonNode partner(String manager, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "SUPERMARKET");
        body.put("gln", "8930000000019");
        Api.Reply r = api.post(manager, "/api/partners", body);
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    static String key(String manager) {
        return partner(manager, "Siêu thị " + unique()).get("key").asText();
    }

    static Api.Reply capture(String key, String document) {
        return api.request("POST", "/epcis/capture")
                .header("X-API-Key", key)
                .body("application/ld+json", document)
                .send();
    }

    static Api.Reply withKey(String key, String path) {
        return api.request("GET", path).bearer(key).accept("application/json").send();
    }

    static String demoLotId(String manager, String lot) {
        return api.get(manager, "/api/batches?lot=" + lot)
                .json()
                .at("/items/0/id")
                .asText();
    }

    static void assertAt(Api.Reply r, int eventIndex, String eventId) {
        JsonNode p = r.json();
        assertEquals(eventIndex, p.path("eventIndex").asInt(-1), r.text());
        if (eventId != null) {
            assertEquals(eventId, p.path("eventID").asText(), r.text());
        }
        assertTrue(p.path("pointer").asText().startsWith("/epcisBody/eventList/" + eventIndex), r.text());
    }

    static void assertNotHeld(String eventId) {
        Api.Reply r = api.get(MANAGER, "/epcis/events/" + Epcis.enc(eventId));
        assertEquals(404, r.status(), "nothing of a refused document is stored: " + r.text());
    }

    @Test
    void shouldShowAPartnerKeyOnceAndListItWithoutIt() {
        JsonNode issued = partner(MANAGER, "Công ty Phân phối Nông sản Sạch " + unique());
        String key = issued.get("key").asText();
        assertTrue(key.matches(KEY_FORMAT), key);
        assertEquals(key.substring(0, 10), issued.get("keyHint").asText());
        assertTrue(issued.get("active").asBoolean());

        Api.Reply list = api.get(MANAGER, "/api/partners");
        assertEquals(200, list.status(), list.text());
        assertFalse(list.text().contains(key), "the key is shown once, never listed");
        JsonNode listed = null;
        for (JsonNode p : list.json()) {
            assertTrue(p.path("key").isMissingNode(), p.toString());
            if (p.get("id").asText().equals(issued.get("id").asText())) {
                listed = p;
            }
        }
        assertEquals("SUPERMARKET", listed.get("kind").asText());
        assertEquals("8930000000019", listed.get("gln").asText());
        assertFalse(api.get(OTHER_MANAGER, "/api/partners")
                .text()
                .contains(issued.get("id").asText()));

        assertProblem(api.post(MEMBER, "/api/partners", Map.of("name", "X", "kind", "OTHER")), 403, "forbidden");
        Map<String, Object> badGln = Map.of("name", "Y", "kind", "DISTRIBUTOR", "gln", "8930000000018");
        Api.Reply bad = api.post(MANAGER, "/api/partners", badGln);
        assertProblem(bad, 400, "validation-failed");
        assertTrue(hasViolation(bad, "gln"), bad.text());
    }

    @Test
    void shouldCaptureAPartnersReceivingAndShippingOfADemoLot() {
        Epcis.requireSchema();
        String key = key(MANAGER);
        String lotClass = Epcis.lotClass(DEMO_GTIN, DEMO_LOT);
        String item = "https://id.gs1.org/01/" + DEMO_GTIN + "/10/" + DEMO_LOT + "/21/CAP" + unique();
        String receiving = Epcis.newId();
        String shipping = Epcis.newId();
        Api.Reply r = capture(
                key,
                Epcis.document(
                        Epcis.lotEvent(receiving, lotClass, "receiving"), Epcis.itemEvent(shipping, item, "shipping")));
        assertEquals(202, r.status(), r.text());
        assertEquals("2.0.0", r.header("GS1-EPCIS-Version"));
        String location = r.header("Location");
        assertTrue(location.matches(".*/epcis/capture/[0-9a-f-]{36}"), location);
        JsonNode job =
                withKey(key, location.substring(location.indexOf("/epcis/"))).json();
        assertTrue(job.get("success").asBoolean(), job.toString());
        assertFalse(job.get("running").asBoolean());
        assertEquals(2, job.get("eventCount").asInt());

        List<String> byClass = Epcis.ids(api.get(MANAGER, "/epcis/events?MATCH_anyEPCClass=" + Epcis.enc(lotClass))
                .json());
        assertTrue(byClass.contains(receiving), byClass::toString);
        assertFalse(
                Epcis.ids(api.get(null, "/epcis/events?MATCH_anyEPCClass=" + Epcis.enc(lotClass))
                                .json())
                        .contains(receiving),
                "a partner's event as posted is not public (the trace page shows only its custody step)");
        List<String> byEpc = Epcis.ids(
                api.get(MANAGER, "/epcis/events?MATCH_epc=" + Epcis.enc(item)).json());
        assertEquals(List.of(shipping), byEpc);
        Api.Reply export = api.get(MANAGER, "/api/batches/" + demoLotId(MANAGER, DEMO_LOT) + "/epcis");
        assertTrue(Epcis.ids(export.json()).containsAll(List.of(receiving, shipping)), export.text());
        Epcis.assertValid("the lot's document with a partner's events", export.text());

        JsonNode stored =
                api.get(MANAGER, "/epcis/events/" + Epcis.enc(shipping)).json();
        JsonNode event = Epcis.events(stored).get(0);
        assertEquals("shipping", event.get("bizStep").asText());
        assertEquals(item, event.at("/epcList/0").asText(), "kept as posted");
        assertTrue(event.has("recordTime"), "Temso sets recordTime");
        assertEquals(
                1,
                withKey(key, "/epcis/events?MATCH_epc=" + Epcis.enc(item))
                        .json()
                        .at("/epcisBody/queryResults/resultsBody/eventList")
                        .size(),
                "the partner reads it back");
    }

    @Test
    void shouldRefuseAnInvalidDocumentWholeNamingTheEvent() {
        Epcis.requireSchema();
        String key = key(MANAGER);
        String lotClass = Epcis.lotClass(DEMO_GTIN, DEMO_LOT);
        String first = Epcis.newId();
        String second = Epcis.lotEvent(Epcis.newId(), lotClass, "shipping").replace("\"action\": \"OBSERVE\",", "");
        Api.Reply r = capture(key, Epcis.document(Epcis.lotEvent(first, lotClass, "receiving"), second));
        assertProblem(r, 400, "epcis/invalid-document");
        assertAt(r, 1, null);
        assertTrue(r.json().path("violations").size() >= 1, r.text());
        assertNotHeld(first);

        Api.Reply noId = capture(
                key,
                Epcis.document(
                        Epcis.lotEvent(first, lotClass, "receiving").replace("\"eventID\": \"" + first + "\",", "")));
        assertProblem(noId, 400, "epcis/invalid-document");
        assertAt(noId, 0, null);

        assertProblem(capture(key, "{\"type\": \"EPCISDocument\", "), 400, "epcis/invalid-document");
        Api.Reply plain = api.request("POST", "/epcis/capture")
                .header("X-API-Key", key)
                .body("text/plain", Epcis.document(Epcis.lotEvent(first, lotClass, "receiving")))
                .send();
        assertProblem(plain, 415, "unsupported-media-type");
        assertNotHeld(first);

        Api.Reply member = api.request("POST", "/api/epcis/capture")
                .as(MEMBER)
                .json(Epcis.document(Epcis.lotEvent(first, lotClass, "receiving")))
                .send();
        assertProblem(member, 403, "forbidden");

        byte[] huge = new byte[4 * 1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        Api.Reply tooLarge = api.request("POST", "/epcis/capture")
                .header("X-API-Key", key)
                .body("application/json", huge)
                .send();
        assertProblem(tooLarge, 413, "payload-too-large");
    }

    @Test
    void shouldAnswer409ForAnEventIdAlreadyHeldIncludingTemsosOwn() {
        Epcis.requireSchema();
        String key = key(MANAGER);
        String lotClass = Epcis.lotClass(DEMO_GTIN, DEMO_LOT);
        String id = Epcis.newId();
        assertEquals(
                202,
                capture(key, Epcis.document(Epcis.lotEvent(id, lotClass, "receiving")))
                        .status());

        String fresh = Epcis.newId();
        Api.Reply again = capture(
                key,
                Epcis.document(
                        Epcis.lotEvent(fresh, lotClass, "receiving"), Epcis.lotEvent(id, lotClass, "receiving")));
        assertProblem(again, 409, "epcis/duplicate-event");
        assertAt(again, 1, id);
        assertNotHeld(fresh);

        Api.Reply twice = capture(
                key,
                Epcis.document(
                        Epcis.lotEvent(fresh, lotClass, "receiving"), Epcis.lotEvent(fresh, lotClass, "shipping")));
        assertProblem(twice, 409, "epcis/duplicate-event");
        assertAt(twice, 1, fresh);

        Api.Reply export = api.get(MANAGER, "/api/batches/" + demoLotId(MANAGER, DEMO_LOT) + "/epcis");
        assertEquals(200, export.status());
        Api.Reply own = api.request("POST", "/epcis/capture")
                .as(MANAGER)
                .json(export.text())
                .send();
        assertProblem(own, 409, "epcis/duplicate-event");
        assertAt(own, 0, Epcis.ids(export.json()).get(0));
    }

    @Test
    void shouldAnswer404ForAnotherCooperativesLotLikeAnUnknownOneAndStoreNothing() {
        Epcis.requireSchema();
        String key = key(MANAGER);
        String own = Epcis.newId();
        String ownEvent = Epcis.lotEvent(own, Epcis.lotClass(DEMO_GTIN, DEMO_LOT), "receiving");
        Api.Reply other = capture(
                key, Epcis.document(ownEvent, Epcis.lotEvent(Epcis.newId(), OTHER_DEMO_LOT_CLASS, "receiving")));
        assertProblem(other, 404, "epcis/unknown-object");
        assertAt(other, 1, null);
        assertNotHeld(own);

        Api.Reply unknown = capture(
                key,
                Epcis.document(
                        ownEvent,
                        Epcis.lotEvent(Epcis.newId(), Epcis.lotClass("08931234500023", "NO-SUCH-LOT"), "receiving")));
        assertProblem(unknown, 404, "epcis/unknown-object");
        assertEquals(other.json().get("title"), unknown.json().get("title"));
        assertNotHeld(own);

        Api.Reply byManager = api.request("POST", "/epcis/capture")
                .as(MANAGER)
                .json(Epcis.document(Epcis.lotEvent(Epcis.newId(), OTHER_DEMO_LOT_CLASS, "receiving")))
                .send();
        assertProblem(byManager, 404, "epcis/unknown-object");
    }

    @Test
    void shouldAcceptAPartnerKeyOnTheEpcisInterfaceOnly() {
        JsonNode issued = partner(MANAGER, "Chợ đầu mối " + unique());
        String key = issued.get("key").asText();
        assertEquals(200, withKey(key, "/epcis/events?perPage=1").status());
        assertEquals(200, withKey(key, "/api/epcis/events?perPage=1").status());
        assertProblem(withKey(key, "/api/batches"), 403, "forbidden");
        assertProblem(withKey(key, "/api/auth/me"), 403, "forbidden");
        assertProblem(withKey(key, "/api/partners"), 403, "forbidden");
        assertProblem(
                api.request("GET", "/app/batches.xhtml")
                        .header("X-API-Key", key)
                        .send(),
                403,
                "forbidden");
        assertProblem(
                api.request("GET", "/api/batches")
                        .header("Authorization", "Bearer tpk_unknown")
                        .send(),
                403,
                "forbidden");

        Api.Reply foreign = api.request(
                        "DELETE", "/api/partners/" + issued.get("id").asText())
                .as(OTHER_MANAGER)
                .send();
        assertProblem(foreign, 404, "not-found");
        Api.Reply revoked = api.request(
                        "DELETE", "/api/partners/" + issued.get("id").asText())
                .as(MANAGER)
                .send();
        assertEquals(200, revoked.status(), revoked.text());
        assertFalse(revoked.json().get("active").asBoolean());
        assertEquals(MANAGER, revoked.json().get("revokedBy").asText());
        assertProblem(withKey(key, "/epcis/events?perPage=1"), 401, "unauthenticated");
        assertProblem(
                api.request("GET", "/epcis/events")
                        .header("X-API-Key", "tpk_" + "A".repeat(43))
                        .send(),
                401,
                "unauthenticated");
        JsonNode audit = api.get(
                        MANAGER, "/api/audit?entityId=" + issued.get("id").asText())
                .json();
        assertTrue(audit.toString().contains("revoke-key"), audit.toString());
        assertFalse(audit.toString().contains(key), "the key is never written to the audit trail");
    }

    @Test
    void shouldLetAPartnerKeyReadNothingItsCooperativeCannot() {
        String key = key(MANAGER);
        String otherLotId = demoLotId(OTHER_MANAGER, "DH2024-RM-045");
        JsonNode otherDoc =
                api.get(OTHER_MANAGER, "/api/batches/" + otherLotId + "/epcis").json();
        String otherEvent = Epcis.ids(otherDoc).get(0);
        assertProblem(withKey(key, "/epcis/events/" + Epcis.enc(otherEvent)), 404, "not-found");
        assertProblem(withKey(key, "/api/batches/" + otherLotId + "/epcis"), 404, "not-found");
        JsonNode none = withKey(key, "/epcis/events?MATCH_anyEPCClass=" + Epcis.enc(OTHER_DEMO_LOT_CLASS))
                .json();
        assertEquals(List.of(), Epcis.ids(none), "another cooperative's lot has no events for this key");

        String ownLotId = demoLotId(MANAGER, DEMO_LOT);
        Api.Reply own = withKey(key, "/api/batches/" + ownLotId + "/epcis");
        assertEquals(200, own.status(), own.text());
        String ownEvent = Epcis.ids(own.json()).get(0);
        assertEquals(200, withKey(key, "/epcis/events/" + Epcis.enc(ownEvent)).status());
    }
}

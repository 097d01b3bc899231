package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the records as EPCIS 2.0 events, as they happen, through the query interface ({@code /epcis/events},
 * {@code /epcis/events/{eventID}}) and the per-lot document: the fields, an error declaration for a diary correction,
 * stamp ranges, paging, bad parameters and who sees what.
 */
public abstract class EpcisQueryScenarios extends ApiScenarios {

    private static final String MANAGER = "tantru.quanly";
    private static final String OTHER_COOP = "duchoa.quanly";
    private static final String SPRAYING = "https://temso.vn/epcis/bizstep/spraying";

    static String lotUri(JsonNode batch) {
        return "https://id.gs1.org/01/" + batch.get("gtin").asText() + "/10/"
                + batch.get("lotCode").asText();
    }

    static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    static List<JsonNode> events(Api.Reply r) {
        assertEquals(200, r.status(), r.text());
        List<JsonNode> list = new ArrayList<>();
        r.json().at("/epcisBody/queryResults/resultsBody/eventList").forEach(list::add);
        return list;
    }

    static List<JsonNode> ofLot(String user, JsonNode batch) {
        return events(api.get(user, "/epcis/events?MATCH_anyEPCClass=" + q(lotUri(batch))));
    }

    static JsonNode withStep(List<JsonNode> events, String bizStep) {
        return events.stream()
                .filter(e -> bizStep.equals(e.path("bizStep").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + bizStep + " event in " + events));
    }

    private static JsonNode spray(JsonNode batch, String input, String correctsEventId) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "SPRAYING");
        body.put("occurredAt", "2026-10-20T01:30:00Z");
        body.put("inputName", input);
        body.put("dose", "1 lít/ha");
        body.put("preHarvestIntervalDays", 7);
        body.put("note", "Phòng bệnh khô vằn");
        if (correctsEventId != null) {
            body.put("correctsEventId", correctsEventId);
        }
        Api.Reply r = api.post(MANAGER, "/api/batches/" + batch.get("id").asText() + "/events", body);
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    @Test
    void shouldProduceTheLotsEventsAsTheyHappen() {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        spray(batch, "Validamycin 5SL", null);

        Api.Reply r = api.get(MANAGER, "/epcis/events?MATCH_anyEPCClass=" + q(lotUri(batch)));
        assertEquals("2.0.0", r.header("GS1-EPCIS-Version"));
        JsonNode doc = r.json();
        assertEquals("EPCISQueryDocument", doc.get("type").asText());
        assertEquals(
                "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                doc.get("@context").get(0).asText());
        List<JsonNode> events = events(r);
        assertEquals(2, events.size(), events.toString());

        JsonNode commissioning = withStep(events, "commissioning");
        assertEquals("ObjectEvent", commissioning.get("type").asText());
        assertEquals("ADD", commissioning.get("action").asText());
        assertEquals(lotUri(batch), commissioning.at("/quantityList/0/epcClass").asText());
        assertEquals(1200, commissioning.at("/quantityList/0/quantity").asInt());
        assertEquals("KGM", commissioning.at("/quantityList/0/uom").asText());
        assertEquals("+07:00", commissioning.get("eventTimeZoneOffset").asText());

        JsonNode spraying = withStep(events, SPRAYING);
        assertEquals("OBSERVE", spraying.get("action").asText());
        assertEquals("Validamycin 5SL", spraying.get("temso:inputName").asText());
        assertEquals("1 lít/ha", spraying.get("temso:dose").asText(), "Vietnamese text as written");
        assertTrue(spraying.get("eventID").asText().startsWith("urn:uuid:"), spraying.toString());

        // one event by its id, and the same id in the lot's document
        String id = spraying.get("eventID").asText();
        List<JsonNode> one = events(api.get(MANAGER, "/epcis/events/" + q(id)));
        assertEquals(1, one.size());
        assertEquals(SPRAYING, one.get(0).get("bizStep").asText());
        JsonNode lotDoc = api.get(MANAGER, "/api/batches/" + batch.get("id").asText() + "/epcis")
                .json();
        assertEquals("EPCISDocument", lotDoc.get("type").asText());
        List<String> ids = new ArrayList<>();
        lotDoc.at("/epcisBody/eventList").forEach(e -> ids.add(e.get("eventID").asText()));
        assertTrue(ids.contains(id), "stable ids across exports: " + ids);
        assertEquals(
                ids,
                StreamSupport.stream(
                                api.get(
                                                MANAGER,
                                                "/api/batches/"
                                                        + batch.get("id").asText() + "/epcis")
                                        .json()
                                        .at("/epcisBody/eventList")
                                        .spliterator(),
                                false)
                        .map(e -> e.get("eventID").asText())
                        .toList(),
                "a second export names the same events in the same order");
    }

    @Test
    void shouldDeclareAnErrorOnACorrectedDiaryEntryInsteadOfEditingIt() {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        JsonNode wrong = spray(batch, "Validamycin 3SL", null);
        spray(batch, "Validamycin 5SL", wrong.get("id").asText());

        List<JsonNode> sprayings = ofLot(MANAGER, batch).stream()
                .filter(e -> SPRAYING.equals(e.path("bizStep").asText()))
                .toList();
        assertEquals(2, sprayings.size(), sprayings.toString());
        JsonNode corrected = sprayings.stream()
                .filter(e -> "Validamycin 3SL".equals(e.path("temso:inputName").asText()))
                .findFirst()
                .orElseThrow();
        JsonNode correction = sprayings.stream()
                .filter(e -> "Validamycin 5SL".equals(e.path("temso:inputName").asText()))
                .findFirst()
                .orElseThrow();
        JsonNode declaration = corrected.get("errorDeclaration");
        assertNotNull(declaration, "the corrected entry's event keeps its content and gets an error declaration");
        assertEquals("incorrect_data", declaration.get("reason").asText());
        assertEquals(
                correction.get("eventID").asText(),
                declaration.at("/correctiveEventIDs/0").asText());
        assertFalse(correction.has("errorDeclaration"));
    }

    @Test
    void shouldCommissionStampsAsRangesAndFindThemByTheirSignedUrl() {
        JsonNode batch = Fixtures.issuedBatch(api, MANAGER, 3);
        String stampUrl = api.get(MANAGER, "/api/batches/" + batch.get("id").asText() + "/stamps?size=10")
                .json()
                .at("/items/0/url")
                .asText();

        List<JsonNode> byStamp = events(api.get(MANAGER, "/epcis/events?MATCH_epc=" + q(stampUrl)));
        JsonNode commissioning = withStep(byStamp, "commissioning");
        assertEquals(3, commissioning.get("epcList").size(), "one event for the range: " + commissioning);
        for (JsonNode epc : commissioning.get("epcList")) {
            assertTrue(
                    epc.asText()
                            .startsWith(
                                    "https://id.gs1.org/01/" + batch.get("gtin").asText() + "/21/"),
                    epc.asText());
        }
        assertEquals(3, commissioning.get("temso:stampCount").asInt());

        // anonymous callers naming the stamp see what its trace page shows: never the lot's serial list
        List<JsonNode> anonymous = events(api.get(null, "/epcis/events?MATCH_epc=" + q(stampUrl)));
        assertTrue(
                anonymous.stream().noneMatch(e -> e.has("epcList")),
                "no stamp commissioning for anonymous callers: " + anonymous);
        List<JsonNode> anonymousLot = events(api.get(null, "/epcis/events?MATCH_anyEPCClass=" + q(lotUri(batch))));
        assertEquals("commissioning", anonymousLot.get(0).get("bizStep").asText());
    }

    @Test
    void shouldPageWithANextPageTokenAndFilterByTimeStepAndLocation() {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        spray(batch, "Validamycin 5SL", null);
        spray(batch, "Anvil 5SC", null);
        String lot = q(lotUri(batch));

        Api.Reply first = api.get(MANAGER, "/epcis/events?MATCH_anyEPCClass=" + lot + "&perPage=2");
        assertEquals(2, events(first).size());
        String link = first.header("Link");
        assertNotNull(link, "a next page");
        assertTrue(link.endsWith("rel=\"next\""), link);
        URI next = URI.create(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
        Api.Reply second = api.get(MANAGER, next.getRawPath() + "?" + next.getRawQuery());
        List<JsonNode> rest = events(second);
        assertEquals(1, rest.size());
        assertEquals(null, second.header("Link"), "the last page has no next link");
        List<String> all = new ArrayList<>();
        events(first).forEach(e -> all.add(e.get("eventID").asText()));
        assertFalse(all.contains(rest.get(0).get("eventID").asText()), "no event twice");

        assertEquals(
                2,
                events(api.get(MANAGER, "/epcis/events?MATCH_anyEPCClass=" + lot + "&EQ_bizStep=" + q(SPRAYING)))
                        .size());
        // harvest date 2026-11-10 (Vietnam), sprayings on 2026-10-20
        assertEquals(
                1,
                events(api.get(
                                MANAGER,
                                "/epcis/events?MATCH_anyEPCClass=" + lot + "&GE_eventTime="
                                        + q("2026-11-01T00:00:00+07:00")))
                        .size());
        assertEquals(
                2,
                events(api.get(
                                MANAGER,
                                "/epcis/events?MATCH_anyEPCClass=" + lot + "&LT_eventTime="
                                        + q("2026-11-01T00:00:00+07:00")))
                        .size());
        String zone = "https://temso.vn/epcis/zone/" + batch.at("/zones/0/code").asText();
        assertEquals(
                3,
                events(api.get(MANAGER, "/epcis/events?MATCH_anyEPCClass=" + lot + "&EQ_bizLocation=" + q(zone)))
                        .size());

        assertProblem(api.get(MANAGER, "/epcis/events?EQ_nonsense=1"), 400, "validation-failed");
        assertProblem(api.get(MANAGER, "/epcis/events?GE_eventTime=yesterday"), 400, "validation-failed");
        assertProblem(api.get(MANAGER, "/epcis/events?nextPageToken=%3Cscript%3E"), 400, "validation-failed");
        assertProblem(api.get(MANAGER, "/epcis/events?perPage=100000"), 400, "validation-failed");
    }

    @Test
    void shouldShowACooperativeOnlyItsOwnEventsAndStrangersOnlyWhatTheTracePageShows() {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String id =
                withStep(ofLot(MANAGER, batch), "commissioning").get("eventID").asText();

        assertTrue(ofLot(OTHER_COOP, batch).isEmpty(), "another cooperative sees none of the lot's events");
        assertEquals(404, api.get(OTHER_COOP, "/epcis/events/" + q(id)).status());
        assertEquals(
                404,
                api.get(OTHER_COOP, "/api/batches/" + batch.get("id").asText() + "/epcis")
                        .status());
        assertEquals(401, api.get(null, "/epcis/events").status(), "anonymous callers must name a lot or stamp");
        assertEquals(1, ofLot(null, batch).size(), "the public sees the lot's commissioning, as its trace page does");
        assertEquals(1, ofLot("admin", batch).size());
    }
}

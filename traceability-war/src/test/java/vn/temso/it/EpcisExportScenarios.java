package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: every document Temso writes is valid against GS1's EPCIS 2.0 JSON schema: each demo lot's EPCISDocument,
 * every page of the query interface, single events, and a lot that has every kind of event (stamps issued, labels'
 * stamps voided, diary with a shipping party, recall).
 */
public abstract class EpcisExportScenarios extends ApiScenarios {

    static final String ADMIN = "admin";
    static final String MANAGER = "tantru.quanly";

    @BeforeEach
    void schema() {
        Epcis.requireSchema();
    }

    @Test
    void shouldWriteEveryDemoLotAsAValidEpcisDocument() {
        JsonNode lots = api.get(ADMIN, "/api/batches?size=100").json().get("items");
        assertTrue(lots.size() >= 3, lots.toString());
        for (JsonNode lot : lots) {
            String id = lot.get("id").asText();
            Api.Reply r = api.get(ADMIN, "/api/batches/" + id + "/epcis");
            assertEquals(200, r.status(), r.text());
            Epcis.assertValid("the EPCISDocument of lot " + lot.get("lotCode").asText(), r.text());
            JsonNode doc = r.json();
            assertEquals("EPCISDocument", doc.get("type").asText());
            assertEquals(
                    "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                    doc.get("@context").get(0).asText(),
                    "the standard JSON-LD context");
            assertFalse(Epcis.events(doc).isEmpty(), "every lot has at least its commissioning");
        }
    }

    @Test
    void shouldWriteEveryPageOfTheQueryInterfaceAndEverySingleEventValidly() {
        Set<String> types = new HashSet<>();
        String next = "/epcis/events?perPage=200";
        int pages = 0;
        while (next != null && pages < 50) {
            Api.Reply page = api.get(ADMIN, next);
            assertEquals(200, page.status(), page.text());
            Epcis.assertValid("query page " + next, page.text());
            List<JsonNode> events = Epcis.events(page.json());
            for (JsonNode e : events) {
                String kind = e.get("type").asText() + " " + e.path("bizStep").asText();
                if (types.add(kind)) {
                    Api.Reply one = api.get(
                            ADMIN, "/epcis/events/" + Epcis.enc(e.get("eventID").asText()));
                    assertEquals(200, one.status(), one.text());
                    Epcis.assertValid("single event " + e.get("eventID").asText(), one.text());
                }
            }
            next = nextLink(page);
            pages++;
        }
        assertTrue(types.size() >= 4, "several kinds of event were checked one by one: " + types);
    }

    @Test
    void shouldWriteALotWithEveryKindOfEventValidly() {
        JsonNode batch = Fixtures.issuedBatch(api, MANAGER, 12);
        String id = batch.get("id").asText();
        String events = "/api/batches/" + id + "/events";
        assertEquals(
                201,
                api.post(
                                MANAGER,
                                events,
                                Map.of(
                                        "type",
                                        "SPRAYING",
                                        "occurredAt",
                                        "2026-11-01T01:00:00Z",
                                        "inputName",
                                        "Validamycin 5SL",
                                        "dose",
                                        "1 lít/ha",
                                        "preHarvestIntervalDays",
                                        7))
                        .status());
        assertEquals(
                201,
                api.post(
                                MANAGER,
                                events,
                                Map.of(
                                        "type",
                                        "SHIPPING",
                                        "occurredAt",
                                        "2026-11-16T01:00:00Z",
                                        "partyName",
                                        "Chợ đầu mối Bình Điền",
                                        "partyGln",
                                        "8930000000019"))
                        .status());
        Api.Reply voided = api.post(
                MANAGER,
                "/api/batches/" + id + "/stamps/void",
                Map.of("fromSeq", 3, "toSeq", 4, "reason", "Tem in lỗi"));
        assertEquals(200, voided.status(), voided.text());
        Api.Reply recall = api.post(MANAGER, "/api/batches/" + id + "/recall", Map.of("reason", "Kiểm tra dư lượng"));
        assertEquals(200, recall.status(), recall.text());

        Api.Reply r = api.get(MANAGER, "/api/batches/" + id + "/epcis");
        assertEquals(200, r.status(), r.text());
        Epcis.assertValid("the EPCISDocument of a stamped, shipped, voided and recalled lot", r.text());
        Set<String> steps = new HashSet<>();
        Epcis.events(r.json()).forEach(e -> steps.add(e.path("bizStep").asText()));
        assertTrue(
                steps.containsAll(Set.of("commissioning", "shipping", "decommissioning", "holding")), steps::toString);
    }

    /** The next page's path from the Link header, or null on the last page. */
    static String nextLink(Api.Reply page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        String target = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        URI u = URI.create(target);
        return u.getRawPath() + "?" + u.getRawQuery();
    }
}

package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.temso.epcis.control.EpcisSchema;

/** EPCIS documents in the scenarios: GS1's schema (the main class, from the test class path) and small builders. */
final class Epcis {

    static final EpcisSchema SCHEMA = new EpcisSchema();
    static final String CONTEXT = "[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\","
            + " {\"temso\": \"https://temso.vn/epcis/\"}]";

    private Epcis() {}

    /** Skips the test when the build did not include GS1's schema (traceability-war/src/main/resources/epcis/NOTICE.md). */
    static void requireSchema() {
        assumeTrue(
                SCHEMA.available(),
                "GS1's EPCIS-JSON-Schema.json is not in this build: build with -Depcis.schema.dir=<folder holding it>");
    }

    /** Fails with every problem GS1's schema finds in the document. */
    static void assertValid(String what, String json) {
        assertEquals(List.of(), SCHEMA.validate(json), () -> what + " against GS1's EPCIS 2.0 JSON schema");
    }

    /** The events of an EPCISDocument or an EPCISQueryDocument. */
    static List<JsonNode> events(JsonNode doc) {
        JsonNode list = doc.at("/epcisBody/eventList");
        if (list.isMissingNode()) {
            list = doc.at("/epcisBody/queryResults/resultsBody/eventList");
        }
        List<JsonNode> all = new ArrayList<>();
        list.forEach(all::add);
        return all;
    }

    static List<String> ids(JsonNode doc) {
        return events(doc).stream().map(e -> e.get("eventID").asText()).toList();
    }

    /** An event as it says what happened: without the recordTime each store sets itself. */
    static JsonNode withoutRecordTime(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove("recordTime");
        return copy;
    }

    static String newId() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String lotClass(String gtin14, String lot) {
        return "https://id.gs1.org/01/" + gtin14 + "/10/" + lot;
    }

    /** An ObjectEvent about a lot (class level): a partner's receiving or shipping. */
    static String lotEvent(String id, String lotClass, String bizStep) {
        return """
                {"type": "ObjectEvent", "eventID": "%s", "eventTime": "2026-03-02T08:30:00+07:00",
                 "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": "%s",
                 "quantityList": [{"epcClass": "%s", "quantity": 250, "uom": "KGM"}],
                 "bizLocation": {"id": "https://id.gs1.org/414/8930000000019"}}""".formatted(id, bizStep, lotClass);
    }

    /** An ObjectEvent about packages (instance level). */
    static String itemEvent(String id, String epc, String bizStep) {
        return """
                {"type": "ObjectEvent", "eventID": "%s", "eventTime": "2026-03-03T10:00:00+07:00",
                 "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": "%s", "disposition": "in_transit",
                 "epcList": ["%s"],
                 "destinationList": [{"type": "owning_party", "destination": "https://id.gs1.org/414/8930000000019"}]}""".formatted(id, bizStep, epc);
    }

    static String document(String... events) {
        return """
                {"@context": %s, "type": "EPCISDocument", "schemaVersion": "2.0",
                 "creationDate": "2026-03-03T11:00:00+07:00", "epcisBody": {"eventList": [%s]}}""".formatted(CONTEXT, String.join(",", events));
    }
}

package vn.temso.epcis.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GS1's schema, loaded from the class path with no network: what capture and the export tests rely on. */
class EpcisSchemaTest {

    private static final EpcisSchema SCHEMA = new EpcisSchema();

    static final String EVENT = """
            {"type": "ObjectEvent", "eventID": "urn:uuid:%s", "eventTime": "2026-03-01T08:30:00+07:00",
             "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": "receiving",
             "epcList": ["https://id.gs1.org/01/08931234500016/21/ABC123"],
             "temso:note": "nhận hàng"}""";

    static String document(String... events) {
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                              {"temso": "https://temso.vn/epcis/"}],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T09:00:00+07:00",
                 "epcisBody": {"eventList": [%s]}}""".formatted(String.join(",", events));
    }

    @BeforeAll
    static void schemaIsOnTheClassPath() {
        assumeTrue(
                SCHEMA.available(),
                "GS1's EPCIS-JSON-Schema.json is not in this build (see traceability-war/src/main/resources/epcis/NOTICE.md)");
    }

    @Test
    void shouldAcceptAValidDocument() {
        String doc = document(
                EVENT.formatted("6b5f2a1e-4c1d-4e8a-9a55-2f0e7f9d1a01"),
                EVENT.formatted("6b5f2a1e-4c1d-4e8a-9a55-2f0e7f9d1a02"));
        assertEquals(List.of(), SCHEMA.validate(doc));
    }

    @Test
    void shouldNameTheEventAndPlaceOfAMissingRequiredField() {
        String second = EVENT.formatted("6b5f2a1e-4c1d-4e8a-9a55-2f0e7f9d1a04").replace("\"action\": \"OBSERVE\",", "");
        List<EpcisSchema.Problem> problems =
                SCHEMA.validate(document(EVENT.formatted("6b5f2a1e-4c1d-4e8a-9a55-2f0e7f9d1a03"), second));
        assertFalse(problems.isEmpty());
        EpcisSchema.Problem first = problems.get(0);
        assertEquals(1, first.eventIndex(), first::toString);
        assertTrue(first.pointer().startsWith("/epcisBody/eventList/1"), first::toString);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("action")), problems::toString);
    }

    @Test
    void shouldAssertFormats() {
        String badTime =
                EVENT.formatted("6b5f2a1e-4c1d-4e8a-9a55-2f0e7f9d1a05").replace("2026-03-01T08:30:00+07:00", "hôm qua");
        List<EpcisSchema.Problem> problems = SCHEMA.validate(document(badTime));
        assertEquals(0, problems.get(0).eventIndex(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.pointer().endsWith("/eventTime")), problems::toString);
    }

    @Test
    void shouldReportProblemsOutsideEventsWithoutAnIndex() {
        List<EpcisSchema.Problem> problems =
                SCHEMA.validate(document(EVENT.formatted("6b5f2a1e-4c1d-4e8a-9a55-2f0e7f9d1a06"))
                        .replace("\"schemaVersion\": \"2.0\",", ""));
        assertFalse(problems.isEmpty());
        assertEquals(null, problems.get(0).eventIndex(), problems::toString);
    }
}

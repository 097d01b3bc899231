package vn.temso.portal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping file: every entry checked against the record's structure, and applied to a record's JSON. */
class PortalMappingTest {

    static final JsonObject RECORD = Json.createObjectBuilder()
            .add(
                    "lot",
                    Json.createObjectBuilder()
                            .add("number", "TT2611-A")
                            .add("gtin", "08931234500016")
                            .add("expiryDate", JsonObject.NULL)
                            .add("stamps", JsonObject.NULL))
            .add(
                    "product",
                    Json.createObjectBuilder()
                            .add("name", "Gạo ST25 – túi 5 kg")
                            .add("imageUrl", "  "))
            .add(
                    "producer",
                    Json.createObjectBuilder().add("taxId", "1101234567").add("gln", JsonObject.NULL))
            .add(
                    "events",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("bizStep", "commissioning")
                                    .add("eventTime", "2026-11-10T00:00:00+07:00"))
                            .add(Json.createObjectBuilder()
                                    .add("bizStep", "shipping")
                                    .add("eventTime", "2026-11-12T08:00:00+07:00")))
            .add("origin", Json.createObjectBuilder().add("zoneCodes", Json.createArrayBuilder()))
            .build();

    static PortalMapping mapping(String fields) {
        return PortalMapping.parse("{\"fields\": {" + fields + "}}");
    }

    static String error(String json) {
        return assertThrows(PortalMapping.InvalidMapping.class, () -> PortalMapping.parse(json))
                .getMessage();
    }

    @Test
    void theDefaultMappingIsValidAndRequiresWhatTheDecreeLists() throws IOException {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PortalSettings.DEFAULT_MAPPING)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PortalMapping m = PortalMapping.parse(text);
        List<String> required = m.fields().stream()
                .filter(PortalMapping.Field::required)
                .map(PortalMapping.Field::target)
                .toList();
        // Decree 37/2026/NĐ-CP Art. 23: product name and image, producer name and address, origin, key events with
        // times, brand, lot, expiry; plus what identifies producer and item, and where the trace page is
        assertEquals(
                List.of(
                        "productName",
                        "productImage",
                        "brand",
                        "gtin",
                        "lotNumber",
                        "expiryDate",
                        "producer.name",
                        "producer.address",
                        "producer.identifier",
                        "origin.zoneCodes",
                        "origin.provinces",
                        "keyEvents",
                        "traceUrl"),
                required);
    }

    @Test
    void shouldMapSourcesToNestedTargetsInFileOrderAndTakeTheFirstPresentAlternative() {
        PortalMapping m = mapping("\"product.name\": {\"source\": \"product.name\", \"required\": true},"
                + "\"lot\": \"lot.number\","
                + "\"producer.id\": {\"source\": [\"producer.gln\", \"producer.taxId\"], \"required\": true},"
                + "\"steps\": {\"source\": \"events[].bizStep\"},"
                + "\"system\": {\"value\": \"TEMSO\"},"
                + "\"product.gtin\": \"lot.gtin\"");
        PortalMapping.Mapped out = m.apply(RECORD);
        assertTrue(out.complete(), out.missing().toString());
        assertEquals(
                "{\"product\":{\"name\":\"Gạo ST25 – túi 5 kg\",\"gtin\":\"08931234500016\"},\"lot\":\"TT2611-A\","
                        + "\"producer\":{\"id\":\"1101234567\"},\"steps\":[\"commissioning\",\"shipping\"],"
                        + "\"system\":\"TEMSO\"}",
                out.payload().toString());
    }

    @Test
    void shouldListEveryRequiredFieldThatIsAbsentBlankOrEmptyWithMessagesInBothLanguages() {
        PortalMapping m = mapping("\"image\": {\"source\": \"product.imageUrl\", \"required\": true},"
                + "\"expiry\": {\"source\": \"lot.expiryDate\", \"required\": true},"
                + "\"zones\": {\"source\": \"origin.zoneCodes\", \"required\": true},"
                + "\"coop\": {\"source\": [\"producer.gln\", \"producer.taxId\"], \"required\": true},"
                + "\"serials\": {\"source\": \"lot.stamps\"},"
                + "\"own\": {\"source\": \"lot.harvestDate\", \"required\": true,"
                + " \"missing\": {\"vi\": \"Thiếu ngày thu hoạch\", \"en\": \"No harvest day\"}}");
        PortalMapping.Mapped out = m.apply(RECORD);
        assertFalse(out.complete());
        assertEquals(
                List.of("image", "expiry", "zones", "own"),
                out.missing().stream().map(PortalMapping.Missing::field).toList(),
                "a blank string and an empty list are missing too; an optional field never is");
        PortalMapping.Missing image = out.missing().get(0);
        assertEquals("product.imageUrl", image.source());
        assertTrue(image.vi().startsWith("Sản phẩm chưa có ảnh"), image.vi());
        assertTrue(image.en().startsWith("The product has no image"), image.en());
        assertEquals("Thiếu ngày thu hoạch", out.missing().get(3).vi());
        assertEquals("No harvest day", out.missing().get(3).en());
        assertFalse(out.payload().containsKey("image"), "absent values are left out of the payload");
        assertEquals("1101234567", out.payload().getString("coop"));
    }

    @Test
    void shouldSayTheCooperativeLacksATaxIdOrGlnWhenNeitherIsThere() {
        JsonObject none = Json.createObjectBuilder(RECORD)
                .add("producer", Json.createObjectBuilder().add("taxId", "").add("gln", JsonObject.NULL))
                .build();
        PortalMapping.Missing m = mapping(
                        "\"coop\": {\"source\": [\"producer.gln\", \"producer.taxId\"], \"required\": true}")
                .apply(none)
                .missing()
                .get(0);
        assertEquals("producer.gln | producer.taxId", m.source());
        assertEquals("Hợp tác xã chưa có mã số thuế hoặc mã GLN.", m.vi());
        assertEquals("The cooperative has no tax id or GLN.", m.en());
    }

    @Test
    void shouldNameTheEntryAtFaultForEveryKindOfMistake() {
        assertTrue(error("{\"fields\": {\"productName\": {\"source\": \"product.nam\"}}}")
                .contains("field \"productName\": unknown source \"product.nam\": \"product\" has no \"nam\" (it has:"
                        + " name, description, imageUrl"));
        assertTrue(error("{\"fields\": {\"x\": \"lots.number\"}}").contains("the record has no \"lots\""));
        assertTrue(error("{\"fields\": {\"t\": \"events.eventTime\"}}")
                .contains("field \"t\": source \"events.eventTime\": \"events\" is a list; write"
                        + " \"events[].eventTime\""));
        assertTrue(error("{\"fields\": {\"t\": \"events[]\"}}").contains("must be followed by one field"));
        assertTrue(error("{\"fields\": {\"t\": \"lot.number[].x\"}}").contains("only for a list of objects"));
        assertTrue(error("{\"fields\": {\"t\": \"lot.number.x\"}}").contains("\"lot.number\" is a value"));
        assertTrue(error("{\"fields\": {\"t\": {\"source\": \"lot.number\", \"required\": \"yes\"}}}")
                .contains("field \"t\": \"required\" must be true or false"));
        assertTrue(error("{\"fields\": {\"t\": {\"source\": \"lot.number\", \"value\": 1}}}")
                .contains("field \"t\": give exactly one of"));
        assertTrue(error("{\"fields\": {\"t\": {\"sauce\": \"lot.number\"}}}").contains("unknown key \"sauce\""));
        assertTrue(error("{\"fields\": {\"t\": {\"source\": []}}}").contains("field \"t\": \"source\" must be"));
        assertTrue(error("{\"fields\": {\"t\": {\"value\": null}}}").contains("a fixed \"value\""));
        assertTrue(error("{\"fields\": {\"t\": {\"source\": \"lot.number\", \"missing\": {\"vi\": \"x\"}}}}")
                .contains("\"missing\" must be"));
        assertTrue(error("{\"fields\": {\"a..b\": \"lot.number\"}}").contains("field \"a..b\": a target is"));
        assertTrue(error("{\"fields\": {\"producer\": \"lot.number\", \"producer.name\": \"producer.name\"}}")
                .contains("field \"producer.name\": its parent \"producer\" is a field of its own"));
        assertTrue(error("{\"fields\": {}}").contains("\"fields\" must be an object with at least one"));
        assertTrue(error("{\"feilds\": {}}").contains("unknown top-level key \"feilds\""));
        String twice = error("{\"fields\": {\"t\": \"lot.number\", \"t\": \"lot.gtin\"}}");
        assertTrue(twice.contains("twice") && twice.contains("\"t\""), twice);
        assertTrue(error("{\"fields\": ").contains("not valid JSON"));
        assertTrue(error("[]").contains("JSON"), error("[]"));
    }

    @Test
    void shouldKnowEverySourcePathOfTheRecord() {
        List<String> paths = RecordJson.paths(vn.temso.portal.entity.PortalRecord.class);
        for (String p : paths) {
            assertEquals(p, PortalMapping.checkedSource("", p), "every listed path is accepted");
        }
        assertTrue(paths.contains("events[].eventTime"));
        assertTrue(paths.contains("origin.zones[].code"));
        assertTrue(paths.contains("standards.ocop.stars"));
        assertTrue(paths.contains("lot.stamps.firstSerial"));
    }

    @Test
    void shouldTreatNullsBlanksAndEmptiesAsAbsent() {
        assertFalse(PortalMapping.present(null));
        assertFalse(PortalMapping.present(JsonObject.NULL));
        assertFalse(PortalMapping.present(Json.createValue(" ")));
        assertFalse(PortalMapping.present(Json.createArrayBuilder().build()));
        assertFalse(PortalMapping.present(JsonObject.EMPTY_JSON_OBJECT));
        assertTrue(PortalMapping.present(Json.createValue(0)));
        assertTrue(PortalMapping.present(JsonObject.FALSE));
        assertNull(PortalMapping.resolve(RECORD, "lot.quantity"));
        assertEquals(
                "[\"2026-11-10T00:00:00+07:00\",\"2026-11-12T08:00:00+07:00\"]",
                PortalMapping.resolve(RECORD, "events[].eventTime").toString());
    }
}

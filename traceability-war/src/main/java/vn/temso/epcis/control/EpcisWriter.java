package vn.temso.epcis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Map.Entry;
import java.util.stream.Stream;
import vn.temso.epcis.entity.Identifiers;

/**
 * Writes EPCIS 2.0 JSON-LD as a stream: events are read page by page and a stamp range's epcList serial by serial,
 * so a document of 100,000 stamps needs the memory of one page.
 */
@ApplicationScoped
public class EpcisWriter {

    /** The two documents the interfaces answer with. */
    public enum Form {
        /** {@code EPCISDocument}: an export, what capture takes. */
        DOCUMENT,
        /** {@code EPCISQueryDocument}: the answer to a query. */
        QUERY
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneOffset VIETNAM = ZoneOffset.of(EventProjection.OFFSET);
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    @Inject
    EpcisQueries queries;

    /** The document's {@code @context}: the standard one, and Temso's prefix for its extension fields. */
    public static JsonValue context() {
        return Json.createArrayBuilder()
                .add(Identifiers.CONTEXT)
                .add(Json.createObjectBuilder().add(Identifiers.PREFIX, Identifiers.NAMESPACE))
                .build();
    }

    /** Writes one document with {@code events} in it; the stream is consumed (and closed) here. */
    public void write(OutputStream out, Form form, Instant created, Stream<EventRow> events) {
        Map<String, String> gtins = new HashMap<>();
        try (events;
                JsonGenerator g =
                        JSON.createGenerator(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8)) {
            g.writeStartObject()
                    .write("@context", context())
                    .write("type", form == Form.DOCUMENT ? "EPCISDocument" : "EPCISQueryDocument")
                    .write("schemaVersion", "2.0")
                    .write("creationDate", TIME.format(created.atOffset(VIETNAM)))
                    .writeStartObject("epcisBody");
            if (form == Form.QUERY) {
                g.writeStartObject("queryResults")
                        .write("queryName", "SimpleEventQuery")
                        .writeStartObject("resultsBody");
            }
            g.writeStartArray("eventList");
            for (Iterator<EventRow> it = events.iterator(); it.hasNext(); ) {
                event(g, it.next(), gtins);
            }
            g.writeEnd();
            if (form == Form.QUERY) {
                g.writeEnd().writeEnd();
            }
            g.writeEnd().writeEnd();
        }
    }

    private void event(JsonGenerator g, EventRow r, Map<String, String> gtins) {
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            body = reader.readObject();
        }
        g.writeStartObject();
        for (Entry<String, JsonValue> field : body.entrySet()) {
            g.write(field.getKey(), field.getValue());
        }
        g.write("recordTime", TIME.format(r.recordTime().atOffset(VIETNAM)));
        if (r.stamps() != null) {
            String gtin = gtins.computeIfAbsent(r.batchId(), queries::gtinOf);
            g.writeStartArray("epcList");
            try (Stream<String> serials = queries.serials(r.batchId(), r.stamps())) {
                serials.forEach(serial -> g.write(Identifiers.stamp(gtin, serial)));
            }
            g.writeEnd();
        }
        if (r.errorDeclaredAt() != null) {
            g.writeStartObject("errorDeclaration")
                    .write("declarationTime", TIME.format(r.errorDeclaredAt().atOffset(VIETNAM)));
            if (r.errorReason() != null) {
                g.write("reason", r.errorReason());
            }
            if (!r.correctiveIds().isEmpty()) {
                g.writeStartArray("correctiveEventIDs");
                r.correctiveIds().forEach(g::write);
                g.writeEnd();
            }
            g.writeEnd();
        }
        g.writeEnd();
    }
}

package vn.temso.epcis.control;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;
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

    @Inject
    EpcisQueries queries;

    /** The document's {@code @context}: the standard one, and Temso's prefix for its extension fields. */
    public static JsonValue context() {
        return JSON.createArrayBuilder()
                .add(Identifiers.CONTEXT)
                .add(JSON.createObjectBuilder().add(Identifiers.PREFIX, Identifiers.NAMESPACE))
                .build();
    }

    /**
     * Writes one document with {@code events} in it; the stream is consumed (and closed) here. Each event's stored
     * body (a JSON object Temso wrote, or a partner's validated one) is copied as it is, not parsed again, and the
     * fields kept beside it are appended: parsing and re-writing every body cost about half of a big export.
     */
    public void write(OutputStream out, Form form, Instant created, Stream<EventRow> events) {
        Map<String, String> gtins = new HashMap<>();
        try (events;
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("{\"@context\":");
            w.write(context().toString());
            w.write(",\"type\":");
            w.write(form == Form.DOCUMENT ? "\"EPCISDocument\"" : "\"EPCISQueryDocument\"");
            w.write(",\"schemaVersion\":\"2.0\",\"creationDate\":");
            w.write(time(created));
            w.write(",\"epcisBody\":{");
            if (form == Form.QUERY) {
                w.write("\"queryResults\":{\"queryName\":\"SimpleEventQuery\",\"resultsBody\":{");
            }
            w.write("\"eventList\":[");
            boolean first = true;
            for (Iterator<EventRow> it = events.iterator(); it.hasNext(); ) {
                if (!first) {
                    w.write(',');
                }
                event(w, it.next(), gtins);
                first = false;
            }
            w.write(form == Form.QUERY ? "]}}}}" : "]}}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void event(Writer w, EventRow r, Map<String, String> gtins) throws IOException {
        String body = r.body().strip();
        if (body.length() < 2 || body.charAt(0) != '{' || body.charAt(body.length() - 1) != '}') {
            throw new IllegalStateException("event " + r.eventId() + ": the stored body is not a JSON object");
        }
        w.write(body, 0, body.length() - 1);
        if (body.substring(1, body.length() - 1).isBlank()) {
            w.write("\"recordTime\":");
        } else {
            w.write(",\"recordTime\":");
        }
        w.write(time(r.recordTime()));
        if (r.stamps() != null) {
            String gtin = gtins.computeIfAbsent(r.batchId(), queries::gtinOf);
            w.write(",\"epcList\":[");
            try (Stream<String> serials = queries.serials(r.batchId(), r.stamps())) {
                boolean first = true;
                for (Iterator<String> it = serials.iterator(); it.hasNext(); ) {
                    if (!first) {
                        w.write(',');
                    }
                    w.write(quoted(Identifiers.stamp(gtin, it.next())));
                    first = false;
                }
            }
            w.write(']');
        }
        if (r.errorDeclaredAt() != null) {
            w.write(",\"errorDeclaration\":{\"declarationTime\":");
            w.write(time(r.errorDeclaredAt()));
            if (r.errorReason() != null) {
                w.write(",\"reason\":");
                w.write(quoted(r.errorReason()));
            }
            if (!r.correctiveIds().isEmpty()) {
                w.write(",\"correctiveEventIDs\":[");
                w.write(r.correctiveIds().stream().map(EpcisWriter::quoted).collect(Collectors.joining(",")));
                w.write(']');
            }
            w.write('}');
        }
        w.write('}');
    }

    private static String time(Instant t) {
        return quoted(TIME.format(t.atOffset(VIETNAM)));
    }

    /** A JSON string literal: as it is when nothing needs escaping (stamp URIs, times), else escaped by JSON-P. */
    private static String quoted(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return JSON.createValue(text).toString();
            }
        }
        return '"' + text + '"';
    }
}

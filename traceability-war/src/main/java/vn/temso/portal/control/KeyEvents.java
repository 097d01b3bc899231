package vn.temso.portal.control;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.temso.epcis.entity.EventKind;
import vn.temso.epcis.entity.Identifiers;
import vn.temso.platform.time.FarmTime;
import vn.temso.portal.entity.PortalRecord;

/**
 * Which EPCIS events are a lot's key tracking events (GS1 Global Traceability Standard critical tracking events:
 * harvest, processing, packing, shipping, receiving, recall...) and what the portal record says of each: its step,
 * time, place and, for a shipping or receiving, the other party.
 */
public final class KeyEvents {

    /** Events about stamps name serials, not the lot's movements: never key events of the record. */
    static final List<EventKind> LOT_KINDS = List.of(
            EventKind.LOT,
            EventKind.LOT_CORRECTION,
            EventKind.DIARY,
            EventKind.RECALL,
            EventKind.TRANSFORMATION,
            EventKind.CAPTURED);

    private static final Pattern GLN = Pattern.compile("/414/(\\d{13})(?:$|[/?#])");
    private static final String NAMED_PARTY = Identifiers.NAMESPACE + "party/name/";
    private static final String PARTY_NAME = Identifiers.field("partyName");

    private KeyEvents() {}

    /** An event as read from the log (a JPQL constructor expression). */
    public record Row(
            String eventId,
            EventKind kind,
            String eventType,
            String bizStep,
            String disposition,
            Instant eventTime,
            String bizLocation,
            String partnerId,
            String body) {}

    /**
     * The step's own name: a CBV step as written bare, as URN or Web URI ({@code shipping}), Temso's by the last part
     * of its URI ({@code harvesting}).
     */
    static String stepName(String bizStep) {
        if (bizStep == null) {
            return null;
        }
        String s = bizStep.strip();
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
        s = s.substring(cut + 1);
        if (s.startsWith("BizStep-")) {
            s = s.substring("BizStep-".length());
        }
        return s.toLowerCase(Locale.ROOT);
    }

    static boolean isKey(Row r, List<String> keySteps) {
        String step = stepName(r.bizStep());
        return step != null && keySteps.contains(step);
    }

    static PortalRecord.KeyEvent of(Row r) {
        String step = stepName(r.bizStep());
        String party = null;
        String partyName = null;
        JsonObject body = parse(r.body());
        if (body != null) {
            if ("shipping".equals(step)) {
                party = first(body, "destinationList", "destination");
            } else if ("receiving".equals(step)) {
                party = first(body, "sourceList", "source");
            }
            if (party != null && body.get(PARTY_NAME) instanceof JsonString name) {
                partyName = name.getString();
            }
        }
        String gln = null;
        if (party != null) {
            Matcher m = GLN.matcher(party);
            if (m.find()) {
                gln = m.group(1);
            } else if (partyName == null && party.startsWith(NAMED_PARTY)) {
                partyName = URLDecoder.decode(party.substring(NAMED_PARTY.length()), StandardCharsets.UTF_8);
            }
        }
        return new PortalRecord.KeyEvent(
                r.eventId(),
                r.eventType(),
                r.bizStep(),
                r.disposition(),
                OffsetDateTime.ofInstant(r.eventTime(), FarmTime.ZONE),
                r.bizLocation(),
                partyName,
                gln,
                r.kind() == EventKind.CAPTURED);
    }

    private static String first(JsonObject body, String list, String field) {
        if (body.get(list) instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject o) {
            JsonValue v = o.get(field);
            return v instanceof JsonString s ? s.getString() : null;
        }
        return null;
    }

    private static JsonObject parse(String body) {
        if (body == null) {
            return null;
        }
        try (JsonReader r = JSON.createReader(new StringReader(body))) {
            return r.readObject();
        } catch (JsonParsingException | IllegalStateException e) {
            return null; // a captured event is kept as posted; what cannot be read says nothing of parties
        }
    }
}

package vn.temso.epcis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.epcis.control.CaptureProblem.Kind;
import vn.temso.epcis.entity.EpcisCapture;
import vn.temso.epcis.entity.EpcisEvent;
import vn.temso.epcis.entity.EventKind;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;

/**
 * The capture interface: a partner (or the cooperative's manager, or an admin) adds EPCIS events about the
 * cooperative's lots and stamps. A document is taken whole or not at all, in one transaction: it must be valid
 * against GS1's schema; every event needs an eventID Temso does not hold yet (its own events included); every
 * identifier must name a lot or stamp of the caller's cooperative. The events are kept as posted (Temso sets
 * {@code recordTime}), filed as {@link EventKind#CAPTURED} in the same log as Temso's own, so the query interface
 * and a lot's EPCISDocument show them.
 */
@ApplicationScoped
public class Captures {

    /** Events one document may hold. */
    public static final int MAX_EVENTS = 10_000;

    /** Identifiers (EPCs and EPC classes) one document may name, over all its events. */
    public static final int MAX_IDENTIFIERS = 100_000;

    private static final Set<String> EVENT_TYPES =
            Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent");
    private static final List<String> EPC_LISTS = List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    private static final List<String> QUANTITY_LISTS =
            List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");
    private static final Pattern UUID_URN =
            Pattern.compile("urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NI_URI = Pattern.compile("ni:///[\\x21-\\x7e]{1,290}");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    @Inject
    EpcisSchema schema;

    @Inject
    CapturedObjects objects;

    @Inject
    EventLog log;

    @Inject
    Clock clock;

    /** An event that passed every check, ready to store. */
    private record Checked(EpcisEvent event, List<String> classes, List<String> instances) {}

    /** Stores every event of the document, or none (any problem rolls the whole capture back). */
    @Transactional
    public EpcisCapture capture(String json) {
        Caller caller = current.require();
        if (!caller.is(Role.ADMIN, Role.COOP_MANAGER) && !caller.isPartner()) {
            throw new Problems.Forbidden("Your role (" + caller.role() + ") may not capture EPCIS events; a"
                    + " manager of the cooperative, an admin or a partner's key may");
        }
        JsonNode doc = parse(json);
        if (!"EPCISDocument".equals(doc.path("type").asString(""))) {
            throw CaptureProblem.of(Kind.INVALID, "Capture takes an EPCISDocument (type \"EPCISDocument\")")
                    .at(null, null, "/type");
        }
        JsonNode events = doc.path("epcisBody").path("eventList");
        if (events.isEmpty()) {
            throw CaptureProblem.of(Kind.INVALID, "The document holds no event").at(null, null, "/epcisBody/eventList");
        }
        if (events.size() > MAX_EVENTS) {
            throw CaptureProblem.of(Kind.TOO_LARGE, "A capture holds at most " + MAX_EVENTS + " events");
        }
        // after the cheap checks: a body that is not even an EPCISDocument is a 400 also where the schema is missing
        List<EpcisSchema.Problem> problems = schema.validate(doc);
        if (!problems.isEmpty()) {
            throw CaptureProblem.invalid(problems);
        }
        String captureId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Map<String, String> prefixes = DocumentContext.extraPrefixes(doc.path("@context"));
        Map<String, Optional<CapturedObjects.Owned>> seen = new HashMap<>();
        Set<String> ids = new HashSet<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            checked.add(check(i, (ObjectNode) events.get(i), caller, prefixes, seen, ids, captureId, now));
            if (seen.size() > MAX_IDENTIFIERS) {
                throw CaptureProblem.of(Kind.TOO_LARGE, "A capture names at most " + MAX_IDENTIFIERS + " identifiers");
            }
        }
        Cooperative owner = checked.get(0).event().getCooperative();
        EpcisCapture capture =
                new EpcisCapture(captureId, owner, caller.partnerId(), caller.username(), now, now, checked.size());
        em.persist(capture);
        for (Checked c : checked) {
            c.event().capturedBy(caller.partnerId(), captureId);
            log.append(new EventProjection.Projected(c.event(), c.classes(), c.instances()));
        }
        return capture;
    }

    /** A capture the caller may see: of a cooperative they read; 404 otherwise. */
    @Transactional
    public EpcisCapture one(String captureId) {
        Caller caller = current.require();
        EpcisCapture c = captureId == null || captureId.length() > 36 ? null : em.find(EpcisCapture.class, captureId);
        if (c == null
                || !caller.canRead(
                        c.getCooperative().getId(), c.getCooperative().getCommuneKey())) {
            throw new Problems.NotFound("Capture", String.valueOf(captureId));
        }
        return c;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode doc = JSON.readTree(json);
            if (doc == null || !doc.isObject()) {
                throw CaptureProblem.of(Kind.INVALID, "The body is not a JSON object");
            }
            return doc;
        } catch (JacksonException e) {
            throw CaptureProblem.of(Kind.INVALID, "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private Checked check(
            int i,
            ObjectNode event,
            Caller caller,
            Map<String, String> prefixes,
            Map<String, Optional<CapturedObjects.Owned>> seen,
            Set<String> ids,
            String captureId,
            Instant now) {
        String at = "/epcisBody/eventList/" + i;
        String id = event.path("eventID").asString(null);
        if (id == null || !(UUID_URN.matcher(id).matches() || NI_URI.matcher(id).matches())) {
            throw CaptureProblem.of(
                            Kind.INVALID,
                            "Temso needs every event's eventID, as urn:uuid:… or an event hash ni:///sha-256;…")
                    .at(i, id, at + "/eventID");
        }
        if (!ids.add(id) || log.holds(id)) {
            throw CaptureProblem.of(Kind.DUPLICATE, "An event with the eventID " + id + " is already held")
                    .at(i, id, at + "/eventID");
        }
        String type = event.path("type").asString("");
        if (!EVENT_TYPES.contains(type)) {
            throw CaptureProblem.of(Kind.INVALID, "Temso captures the five EPCIS 2.0 event types, not " + type)
                    .at(i, id, at + "/type");
        }
        Instant eventTime = eventTime(event, i, id, at);
        Named named = named(i, id, at, event, caller, seen);
        ObjectNode body = event.deepCopy();
        body.remove("recordTime"); // Temso's own, set when it is written out
        if (!prefixes.isEmpty() && !body.has("@context")) {
            // the prefixes of the document's own context travel with the event into Temso's documents
            ObjectNode context = body.putObject("@context");
            prefixes.forEach(context::put);
        }
        EpcisEvent e = new EpcisEvent(
                id,
                new EpcisEvent.Filing(
                        EventKind.CAPTURED, captureId + "/" + i, named.owner(), named.batchId(), eventTime, now, null),
                new EpcisEvent.What(
                        type,
                        text(event, "action", 10, i, id, at),
                        vocabulary(text(event, "bizStep", 300, i, id, at), Vocabulary::bizStep),
                        vocabulary(text(event, "disposition", 300, i, id, at), Vocabulary::disposition),
                        text(event.path("bizLocation"), "id", 500, i, id, at + "/bizLocation")),
                body.toString());
        return new Checked(e, named.classes(), named.instances());
    }

    private static Instant eventTime(JsonNode event, int i, String id, String at) {
        try {
            return OffsetDateTime.parse(event.path("eventTime").asString("")).toInstant();
        } catch (DateTimeParseException e) {
            throw CaptureProblem.of(
                            Kind.INVALID,
                            "eventTime is a date and time with its offset, e.g." + " 2026-03-01T08:30:00+07:00")
                    .at(i, id, at + "/eventTime");
        }
    }

    /** What an event names: its cooperative, its lot (the first one it names) and the identifiers to index. */
    private record Named(Cooperative owner, String batchId, List<String> classes, List<String> instances) {}

    private Named named(
            int i,
            String id,
            String at,
            JsonNode event,
            Caller caller,
            Map<String, Optional<CapturedObjects.Owned>> seen) {
        List<CapturedObjects.Owned> found = new ArrayList<>();
        for (String list : QUANTITY_LISTS) {
            JsonNode items = event.path(list);
            for (int k = 0; k < items.size(); k++) {
                found.add(owned(
                        items.get(k).path("epcClass").asString(""),
                        true,
                        i,
                        id,
                        at + "/" + list + "/" + k + "/epcClass",
                        caller,
                        seen));
            }
        }
        for (String list : EPC_LISTS) {
            JsonNode items = event.path(list);
            for (int k = 0; k < items.size(); k++) {
                found.add(owned(items.get(k).asString(""), false, i, id, at + "/" + list + "/" + k, caller, seen));
            }
        }
        if (event.has("parentID")) {
            found.add(owned(event.path("parentID").asString(""), false, i, id, at + "/parentID", caller, seen));
        }
        if (found.isEmpty()) {
            throw CaptureProblem.of(
                            Kind.INVALID,
                            "The event names none of the cooperative's lots or stamps (epcList, quantityList,"
                                    + " parentID...): Temso keeps events about its lots and stamps only")
                    .at(i, id, at);
        }
        Cooperative owner = found.get(0).owner();
        if (found.stream().anyMatch(o -> !o.owner().getId().equals(owner.getId()))) {
            // only an admin gets here: anyone else was refused every other cooperative's identifier
            throw CaptureProblem.of(Kind.INVALID, "One event names the lots and stamps of one cooperative")
                    .at(i, id, at);
        }
        String batchId = found.stream()
                .filter(o -> o.batch() != null)
                .map(o -> o.batch().getId())
                .findFirst()
                .orElse(null);
        return new Named(
                owner,
                batchId,
                found.stream()
                        .filter(CapturedObjects.Owned::classLevel)
                        .map(CapturedObjects.Owned::canonical)
                        .toList(),
                found.stream()
                        .filter(o -> !o.classLevel())
                        .map(CapturedObjects.Owned::canonical)
                        .toList());
    }

    private CapturedObjects.Owned owned(
            String uri,
            boolean classLevel,
            int i,
            String id,
            String pointer,
            Caller caller,
            Map<String, Optional<CapturedObjects.Owned>> seen) {
        Optional<CapturedObjects.Owned> o = objects.resolve(uri, classLevel, seen);
        if (o.isEmpty() || !caller.canCapture(o.get().owner().getId())) {
            // another cooperative's lot is answered exactly like one that does not exist
            throw CaptureProblem.of(
                            Kind.UNKNOWN_OBJECT,
                            "No lot or stamp of your cooperative is "
                                    + (uri.length() > 200 ? uri.substring(0, 200) + "…" : uri))
                    .at(i, id, pointer);
        }
        return o.get();
    }

    /** A text field of at most {@code max} characters, or null when absent. */
    private static String text(JsonNode node, String field, int max, int i, String id, String at) {
        String v = node.path(field).asString(null);
        if (v != null && v.length() > max) {
            throw CaptureProblem.of(Kind.INVALID, field + " is at most " + max + " characters")
                    .at(i, id, at + "/" + field);
        }
        return v;
    }

    private static String vocabulary(String value, java.util.function.UnaryOperator<String> bare) {
        return value == null ? null : bare.apply(value);
    }
}

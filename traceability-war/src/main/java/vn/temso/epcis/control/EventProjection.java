package vn.temso.epcis.control;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.epcis.entity.EpcisEvent;
import vn.temso.epcis.entity.EventKind;
import vn.temso.epcis.entity.Identifiers;
import vn.temso.epcis.entity.StampRange;
import vn.temso.platform.time.FarmTime;
import vn.temso.zone.entity.MaterialZone;

/**
 * Turns one Temso record into its EPCIS 2.0 event (docs/epcis.md has the table). Pure: the same record always gives
 * the same event id and body, so the live projection and the start-up backfill agree.
 */
public final class EventProjection {

    /** Vietnam's offset; every farm event happens there. */
    static final String OFFSET = "+07:00";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String OBJECT_EVENT = "ObjectEvent";

    /** Units people type, as UN/CEFACT Rec. 20 codes; a unit not listed is kept as an extension field. */
    private static final Map<String, String> UOM = Map.ofEntries(
            Map.entry("kg", "KGM"),
            Map.entry("kilogram", "KGM"),
            Map.entry("g", "GRM"),
            Map.entry("gam", "GRM"),
            Map.entry("t", "TNE"),
            Map.entry("tấn", "TNE"),
            Map.entry("tan", "TNE"),
            Map.entry("l", "LTR"),
            Map.entry("lít", "LTR"),
            Map.entry("lit", "LTR"),
            Map.entry("ml", "MLT"));

    /** An event ready to store, with the identifiers it names outside a stamp range. */
    public record Projected(EpcisEvent event, List<String> classes, List<String> instances) {}

    private EventProjection() {}

    /** A diary entry: farm work, packing, shipping or receiving observed on the lot. */
    public static Projected diary(BatchEvent e, Instant recordTime) {
        Batch b = e.getBatch();
        String id = Identifiers.eventId(EventKind.DIARY, e.getId());
        String lotClass = lotClass(b);
        String location = e.getZone() != null
                ? Identifiers.zone(e.getZone().getCode())
                : b.getZones().size() == 1
                        ? Identifiers.zone(b.getZones().iterator().next().getCode())
                        : null;
        DiaryStep step = DiaryStep.of(e.getType());
        JsonObjectBuilder o = head(OBJECT_EVENT, id, e.getOccurredAt())
                .add(
                        "quantityList",
                        JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("epcClass", lotClass)))
                .add("action", "OBSERVE")
                .add("bizStep", step.bizStep());
        if (step.disposition() != null) {
            o.add("disposition", step.disposition());
        }
        if (location != null) {
            o.add("readPoint", JSON.createObjectBuilder().add("id", location));
            o.add("bizLocation", JSON.createObjectBuilder().add("id", location));
        }
        String party = e.getPartyGln() != null || e.getPartyName() != null
                ? Identifiers.party(e.getPartyGln(), "name/" + Identifiers.segment(nameKey(e.getPartyName())))
                : null;
        String self = coopParty(b.getCooperative());
        if (step.outbound() && party != null) {
            o.add("sourceList", parties("source", self));
            o.add("destinationList", parties("destination", party));
        } else if (step.inbound() && party != null) {
            o.add("sourceList", parties("source", party));
            o.add("destinationList", parties("destination", self));
        }
        o.add(Identifiers.field("diaryEntryType"), e.getType().name());
        put(o, "zoneCode", e.getZone() == null ? null : e.getZone().getCode());
        put(o, "inputName", e.getInputName());
        put(o, "dose", e.getDose());
        if (e.getPreHarvestIntervalDays() != null) {
            o.add(Identifiers.field("preHarvestIntervalDays"), e.getPreHarvestIntervalDays());
        }
        put(o, "note", e.getNote());
        put(o, "partyName", e.getPartyName());
        return new Projected(
                new EpcisEvent(
                        id,
                        new EpcisEvent.Filing(
                                EventKind.DIARY,
                                e.getId(),
                                b.getCooperative(),
                                b.getId(),
                                e.getOccurredAt(),
                                recordTime,
                                null),
                        new EpcisEvent.What(OBJECT_EVENT, "OBSERVE", step.bizStep(), step.disposition(), location),
                        o.build().toString()),
                List.of(lotClass),
                List.of());
    }

    /**
     * The lot as harvested: commissioning of GTIN + lot with its quantity, where it grew and when it expires. The
     * event time is the harvest date (start of the day in Vietnam) when there is one, else when it was recorded.
     */
    public static Projected lot(Batch b, EventKind kind, String recordId, Instant recordTime) {
        String id = Identifiers.eventId(kind, recordId);
        String lotClass = lotClass(b);
        Instant when = b.getHarvestDate() != null ? FarmTime.startOf(b.getHarvestDate()) : b.getCreatedAt();
        JsonObjectBuilder q = JSON.createObjectBuilder().add("epcClass", lotClass);
        String uom = uom(b.getUnit());
        if (b.getQuantity() != null && (uom != null || isCount(b.getUnit()))) {
            q.add("quantity", b.getQuantity());
            if (uom != null) {
                q.add("uom", uom);
            }
        }
        String location = b.getZones().size() == 1
                ? Identifiers.zone(b.getZones().iterator().next().getCode())
                : coopParty(b.getCooperative());
        JsonObjectBuilder ilmd = JSON.createObjectBuilder().add("cbvmda:lotNumber", b.getLotCode());
        date(ilmd, "cbvmda:harvestStartDate", b.getHarvestDate());
        date(ilmd, "cbvmda:itemExpirationDate", b.getExpiryDate());
        ilmd.add("cbvmda:countryOfOrigin", "VN");
        JsonArrayBuilder zones = JSON.createArrayBuilder();
        b.getZones().stream().map(MaterialZone::getCode).sorted().forEach(zones::add);
        ilmd.add(Identifiers.field("zoneCodes"), zones);
        JsonObjectBuilder o = head(OBJECT_EVENT, id, when)
                .add("quantityList", JSON.createArrayBuilder().add(q))
                .add("action", "ADD")
                .add("bizStep", "commissioning")
                .add("disposition", "active")
                .add("readPoint", JSON.createObjectBuilder().add("id", location))
                .add("bizLocation", JSON.createObjectBuilder().add("id", location))
                .add("ilmd", ilmd);
        if (b.getQuantity() != null && uom == null && !isCount(b.getUnit())) {
            o.add(Identifiers.field("quantity"), b.getQuantity());
            put(o, "unit", b.getUnit());
        }
        o.add(Identifiers.field("productName"), b.getProduct().getName());
        return new Projected(
                new EpcisEvent(
                        id,
                        new EpcisEvent.Filing(kind, recordId, b.getCooperative(), b.getId(), when, recordTime, null),
                        new EpcisEvent.What(OBJECT_EVENT, "ADD", "commissioning", "active", location),
                        o.build().toString()),
                List.of(lotClass),
                List.of());
    }

    /** The record id of a lot's commissioning as it stands: a new one whenever its harvest details change. */
    public static String lotState(Batch b) {
        return b.getId() + "@" + b.getHarvestDate() + "/" + b.getExpiryDate() + "/"
                + (b.getQuantity() == null
                        ? null
                        : b.getQuantity().stripTrailingZeros().toPlainString()) + "/"
                + b.getUnit() + "/"
                + b.getZones().stream().map(MaterialZone::getCode).sorted().toList();
    }

    /** A chunk of stamps written by an issuing job: commissioning of instance-level identifiers. */
    public static Projected stamps(Batch b, String jobId, int from, int to, Instant at, Instant recordTime) {
        String recordId = jobId + "/" + from;
        StampRange range = new StampRange(from, to, jobId);
        return stampEvent(
                b,
                EventKind.STAMPS,
                recordId,
                range,
                at,
                recordTime,
                new EpcisEvent.What(OBJECT_EVENT, "ADD", "commissioning", "active", coopParty(b.getCooperative())),
                o -> o.add(
                        "ilmd",
                        JSON.createObjectBuilder()
                                .add("cbvmda:lotNumber", b.getLotCode())
                                .add(Identifiers.field("firstSeq"), from)
                                .add(Identifiers.field("lastSeq"), to)));
    }

    /** Labels printed for stamps {@code from..to}: encoding (the identifiers are now on their carriers). */
    public static Projected printed(Batch b, String jobId, int from, int to, Instant at, Instant recordTime) {
        return stampEvent(
                b,
                EventKind.PRINT,
                jobId,
                new StampRange(from, to, null),
                at,
                recordTime,
                new EpcisEvent.What(OBJECT_EVENT, "OBSERVE", "encoding", "encoded", coopParty(b.getCooperative())),
                o -> o.add(Identifiers.field("printJob"), jobId));
    }

    /** Stamps {@code from..to} voided: decommissioning, with the reason. */
    public static Projected voided(
            Batch b, String voidId, int from, int to, String reason, Instant at, Instant recordTime) {
        return stampEvent(
                b,
                EventKind.VOID,
                voidId,
                new StampRange(from, to, null),
                at,
                recordTime,
                new EpcisEvent.What(
                        OBJECT_EVENT, "DELETE", "decommissioning", "inactive", coopParty(b.getCooperative())),
                o -> put(o, "reason", reason));
    }

    /** The lot recalled: an observation with disposition recalled, and the reason buyers read. */
    public static Projected recalled(Batch b, Instant recordTime) {
        String recordId = b.getId();
        String id = Identifiers.eventId(EventKind.RECALL, recordId);
        String lotClass = lotClass(b);
        String location = coopParty(b.getCooperative());
        JsonObjectBuilder o = head(OBJECT_EVENT, id, b.getStatusChangedAt())
                .add(
                        "quantityList",
                        JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("epcClass", lotClass)))
                .add("action", "OBSERVE")
                .add("bizStep", "holding")
                .add("disposition", "recalled")
                .add("bizLocation", JSON.createObjectBuilder().add("id", location));
        put(o, "reason", b.getStatusReason());
        return new Projected(
                new EpcisEvent(
                        id,
                        new EpcisEvent.Filing(
                                EventKind.RECALL,
                                recordId,
                                b.getCooperative(),
                                b.getId(),
                                b.getStatusChangedAt(),
                                recordTime,
                                null),
                        new EpcisEvent.What(OBJECT_EVENT, "OBSERVE", "holding", "recalled", location),
                        o.build().toString()),
                List.of(lotClass),
                List.of());
    }

    /** The input lots of a lot made from them, with the quantity used when known. */
    public record Input(Batch batch, BigDecimal quantity, String unit) {}

    /** A lot made from other lots (milling, blending): a TransformationEvent from the inputs to the output. */
    public static Projected transformed(Batch output, List<Input> inputs, Instant recordTime) {
        String recordId = output.getId();
        String id = Identifiers.eventId(EventKind.TRANSFORMATION, recordId);
        String outClass = lotClass(output);
        JsonArrayBuilder in = JSON.createArrayBuilder();
        List<String> classes = new java.util.ArrayList<>();
        for (Input i : inputs) {
            String c = lotClass(i.batch());
            classes.add(c);
            JsonObjectBuilder q = JSON.createObjectBuilder().add("epcClass", c);
            String uom = uom(i.unit());
            if (i.quantity() != null && uom != null) {
                q.add("quantity", i.quantity()).add("uom", uom);
            }
            in.add(q);
        }
        classes.add(outClass);
        JsonObjectBuilder out = JSON.createObjectBuilder().add("epcClass", outClass);
        String uom = uom(output.getUnit());
        if (output.getQuantity() != null && uom != null) {
            out.add("quantity", output.getQuantity()).add("uom", uom);
        }
        String location = coopParty(output.getCooperative());
        String step = Identifiers.bizStep("processing");
        Instant when = output.getCreatedAt();
        JsonObjectBuilder o = head("TransformationEvent", id, when)
                .add("inputQuantityList", in)
                .add("outputQuantityList", JSON.createArrayBuilder().add(out))
                .add("transformationID", "urn:uuid:" + output.getId())
                .add("bizStep", step)
                .add("disposition", "active")
                .add("bizLocation", JSON.createObjectBuilder().add("id", location))
                .add("ilmd", JSON.createObjectBuilder().add("cbvmda:lotNumber", output.getLotCode()));
        return new Projected(
                new EpcisEvent(
                        id,
                        new EpcisEvent.Filing(
                                EventKind.TRANSFORMATION,
                                recordId,
                                output.getCooperative(),
                                output.getId(),
                                when,
                                recordTime,
                                null),
                        new EpcisEvent.What("TransformationEvent", null, step, "active", location),
                        o.build().toString()),
                List.copyOf(classes),
                List.of());
    }

    private interface Extra {
        void add(JsonObjectBuilder o);
    }

    private static Projected stampEvent(
            Batch b,
            EventKind kind,
            String recordId,
            StampRange range,
            Instant at,
            Instant recordTime,
            EpcisEvent.What what,
            Extra extra) {
        String id = Identifiers.eventId(kind, recordId);
        JsonObjectBuilder o =
                head(OBJECT_EVENT, id, at).add("action", what.action()).add("bizStep", what.bizStep());
        o.add("disposition", what.disposition())
                .add("readPoint", JSON.createObjectBuilder().add("id", what.bizLocation()))
                .add("bizLocation", JSON.createObjectBuilder().add("id", what.bizLocation()));
        extra.add(o);
        o.add(Identifiers.field("stampCount"), range.toSeq() - range.fromSeq() + 1);
        return new Projected(
                new EpcisEvent(
                        id,
                        new EpcisEvent.Filing(kind, recordId, b.getCooperative(), b.getId(), at, recordTime, range),
                        what,
                        o.build().toString()),
                List.of(lotClass(b)),
                List.of());
    }

    /** The fields every event starts with (the epcList of a stamp range is written after them, see EventWriter). */
    private static JsonObjectBuilder head(String type, String id, Instant when) {
        return JSON.createObjectBuilder()
                .add("type", type)
                .add("eventID", id)
                .add("eventTime", TIME.format(when.atOffset(ZoneOffset.of(OFFSET))))
                .add("eventTimeZoneOffset", OFFSET);
    }

    static String lotClass(Batch b) {
        return Identifiers.lotClass(b.getProduct().getGtin(), b.getLotCode());
    }

    static String coopParty(Cooperative c) {
        return Identifiers.party(null, c.getId());
    }

    private static JsonArrayBuilder parties(String role, String party) {
        return JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("type", "owning_party").add(role, party));
    }

    private static void put(JsonObjectBuilder o, String field, String value) {
        if (value != null) {
            o.add(Identifiers.field(field), value);
        }
    }

    private static void date(JsonObjectBuilder o, String field, LocalDate value) {
        if (value != null) {
            o.add(field, value.toString());
        }
    }

    /** A counterparty known by name only: one URI per name, whatever its case or spacing. */
    private static String nameKey(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String uom(String unit) {
        return unit == null ? null : UOM.get(unit.strip().toLowerCase(Locale.ROOT));
    }

    /** Units that count packages or pieces: a quantity without a unit of measure. */
    private static boolean isCount(String unit) {
        if (unit == null) {
            return false;
        }
        String u = unit.strip().toLowerCase(Locale.ROOT);
        return List.of("quả", "trái", "thùng", "hộp", "túi", "gói", "chai", "bao", "cái", "bó", "pcs", "piece", "box")
                .contains(u);
    }

    /** Reads a stored body. */
    static JsonObject body(EpcisEvent e) {
        try (var r = JSON.createReader(new java.io.StringReader(e.getBody()))) {
            return r.readObject();
        }
    }
}

package vn.temso.epcis.control;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.temso.batch.entity.EventType;
import vn.temso.epcis.entity.Identifiers;
import vn.temso.gs1.Gtin;

/**
 * Turns what Temso holds into custody steps ({@link CustodyStep}): the producer's shipping and receiving diary entries,
 * and the EPCIS events partners captured. Pure: no database, no clock.
 * <p>
 * A partner's event is untrusted text. Only these of its fields are read, and none is ever shown as a URL:
 * <ul>
 *   <li>{@code bizStep} (bare, URN or Web URI) picks the verb; a step not listed in {@link #step} is "handled by";
 *   <li>{@code destinationList} / {@code sourceList}: the {@code owning_party}, else {@code possessing_party}, else
 *       {@code location} entry. A party is shown by its GLN ({@code urn:epc:id:pgln}, {@code urn:epc:id:sgln}, or a
 *       Digital Link {@code /417/} or {@code /414/} URI on any host, check digit verified), by the name inside a Temso
 *       party URI ({@code https://temso.vn/epcis/party/name/{name}}), or, for a Temso cooperative
 *       ({@code https://temso.vn/epcis/party/{id}}), by that cooperative's name; any other URI is not shown;
 *   <li>{@code temso:partyName} (or its full IRI): the name of the party the sentence names: the destination of a
 *       shipping or receiving (to whom, or who received it), else the party at the business location;
 *   <li>{@code bizLocation}: a GLN, a Temso growing zone's code, and {@code temso:locationName} as its name (a town,
 *       a market, a shop); a location that is only the named party's own GLN is not repeated;
 *   <li>an event carrying an {@code errorDeclaration} is not a step at all.
 * </ul>
 * Names are NFC, without control or formatting characters (no bidirectional overrides), spaces collapsed and cut to
 * {@link #MAX_NAME} characters.
 */
public final class CustodyMapping {

    /** Longest name (party, location) a page shows, in characters; longer ones are cut with an ellipsis. */
    public static final int MAX_NAME = 100;

    /** Source or destination entries read per list (a partner may send more; they are not shown). */
    static final int MAX_PARTIES = 10;

    private static final String NS = Identifiers.NAMESPACE;
    private static final String PARTY_NAME = "partyName";
    private static final String LOCATION_NAME = "locationName";
    private static final String SOURCE_LIST = "sourceList";
    private static final String DESTINATION_LIST = "destinationList";
    private static final String BIZ_LOCATION = "bizLocation";
    private static final String ERROR_DECLARATION = "errorDeclaration";
    private static final String SDT_URN = "urn:epcglobal:cbv:sdt:";

    /** The top-level fields {@link #essentials} keeps of an event body. */
    private static final Set<String> READ = Set.of(
            "bizStep",
            SOURCE_LIST,
            DESTINATION_LIST,
            BIZ_LOCATION,
            ERROR_DECLARATION,
            Identifiers.field(PARTY_NAME),
            NS + PARTY_NAME,
            Identifiers.field(LOCATION_NAME),
            NS + LOCATION_NAME);

    private static final Pattern GS1_URN = Pattern.compile("urn:epc:id:[ps]gln:(\\d+)\\.(\\d*)(?:\\.[^.]*)?");
    private static final Pattern DL_PARTY =
            Pattern.compile("https?://[^/?#]+(?:/[^?#]*)?/41[47]/(\\d{13})(?:[/?#].*)?");
    private static final Pattern TEMSO_NAME = Pattern.compile(Pattern.quote(NS + "party/name/") + "([^/?#]+)");
    private static final Pattern TEMSO_COOP = Pattern.compile(Pattern.quote(NS + "party/") + "([0-9a-fA-F-]{36})");
    private static final Pattern TEMSO_ZONE = Pattern.compile(Pattern.quote(NS + "zone/") + "([^/?#]+)");
    /** Formatting characters (bidirectional overrides, zero-width): dropped. */
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
    /** Controls, line breaks, private-use, lone surrogates, unassigned: a space. */
    private static final Pattern NOT_SHOWN = Pattern.compile("[\\p{Cc}\\p{Co}\\p{Cs}\\p{Cn}\\p{Zl}\\p{Zp}]");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CustodyMapping() {}

    /**
     * A diary entry as a custody step: a shipping is "shipped to" its party, a receiving "received from" its party (an
     * input of the lot); any other entry is none.
     */
    public static Optional<CustodyStep> diary(EventType type, Instant at, String partyName, String partyGln) {
        CustodyStep.Step step = switch (type) {
            case SHIPPING -> CustodyStep.Step.SHIPPED_TO;
            case RECEIVING -> CustodyStep.Step.RECEIVED_FROM;
            default -> null;
        };
        if (step == null) {
            return Optional.empty();
        }
        String gln = partyGln != null && Gtin.isDigits(partyGln) && Gtin.isValid(partyGln) ? partyGln : null;
        return Optional.of(new CustodyStep(step, at, CustodyStep.Party.of(shown(partyName), gln), null, null, false));
    }

    /**
     * A partner's captured event as a custody step, or empty when it declares an error.
     *
     * @param event the event (all of it, or its {@link #essentials})
     * @param at    its event time, as stored
     */
    public static Optional<CustodyStep> captured(JsonObject event, Instant at) {
        if (event.containsKey(ERROR_DECLARATION)) {
            return Optional.empty();
        }
        CustodyStep.Step step = step(string(event, "bizStep"));
        CustodyStep.Party destination = party(event.get(DESTINATION_LIST), "destination");
        CustodyStep.Party source = party(event.get(SOURCE_LIST), "source");
        String name = shown(firstString(event, Identifiers.field(PARTY_NAME), NS + PARTY_NAME));
        CustodyStep.Party named = destination == null ? CustodyStep.Party.of(name, null) : named(destination, name);
        CustodyStep.Place place = place(event);
        if (place != null
                && place.name() == null
                && named != null
                && place.gln() != null
                && place.gln().equals(named.gln())) {
            place = null; // received at the receiver's own GLN: said once
        }
        return Optional.of(new CustodyStep(step, at, named, source, place, true));
    }

    /** The verb of a CBV business step (bare, URN or Web URI). */
    static CustodyStep.Step step(String bizStep) {
        if (bizStep == null) {
            return CustodyStep.Step.HANDLED_BY;
        }
        return switch (Vocabulary.bizStep(bizStep).toLowerCase(Locale.ROOT)) {
            case "shipping", "departing" -> CustodyStep.Step.SHIPPED_TO;
            case "receiving", "accepting", "arriving" -> CustodyStep.Step.RECEIVED_BY;
            case "storing" -> CustodyStep.Step.STORED_BY;
            case "retail_selling", "stocking" -> CustodyStep.Step.ON_SALE_BY;
            case "transporting", "loading", "unloading" -> CustodyStep.Step.CARRIED_BY;
            case "inspecting", "sampling" -> CustodyStep.Step.INSPECTED_BY;
            default -> CustodyStep.Step.HANDLED_BY;
        };
    }

    /**
     * Reads only the fields a custody step needs from a stored body, skipping the rest (an {@code epcList} of
     * thousands of stamps is stepped over, never built).
     *
     * @return the fields, or empty when the body is not a JSON object
     */
    public static Optional<JsonObject> essentials(String body) {
        try (JsonParser p = JSON.createParser(new StringReader(body))) {
            if (!p.hasNext() || p.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            JsonObjectBuilder o = JSON.createObjectBuilder();
            while (p.hasNext()) {
                JsonParser.Event e = p.next();
                if (e == JsonParser.Event.END_OBJECT) {
                    return Optional.of(o.build());
                }
                String key = p.getString();
                JsonParser.Event value = p.next();
                if (READ.contains(key)) {
                    o.add(key, p.getValue());
                } else if (value == JsonParser.Event.START_ARRAY) {
                    p.skipArray();
                } else if (value == JsonParser.Event.START_OBJECT) {
                    p.skipObject();
                }
            }
            return Optional.empty();
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }

    /**
     * A GLN from a party or location identifier: {@code urn:epc:id:pgln:} / {@code urn:epc:id:sgln:} (company prefix
     * and reference, 12 digits, the check digit computed), or a Digital Link URI with AI 417 or 414 on any host (the
     * check digit verified). Null for anything else.
     */
    static String gln(String uri) {
        if (uri == null || uri.length() > 300) {
            return null;
        }
        String u = uri.strip();
        Matcher urn = GS1_URN.matcher(u);
        if (urn.matches()) {
            String digits = urn.group(1) + urn.group(2);
            return digits.length() == 12 ? Gtin.withCheckDigit(digits) : null;
        }
        Matcher dl = DL_PARTY.matcher(u);
        return dl.matches() && Gtin.isValid(dl.group(1)) ? dl.group(1) : null;
    }

    /** A party identifier as shown: its GLN, the name in a Temso party URI, or a Temso cooperative; else null. */
    static CustodyStep.Party party(String uri) {
        if (uri == null || uri.length() > 1000) {
            return null;
        }
        String gln = gln(uri);
        if (gln != null) {
            return new CustodyStep.Party(null, gln, null);
        }
        String u = uri.strip();
        Matcher name = TEMSO_NAME.matcher(u);
        if (name.matches()) {
            return CustodyStep.Party.of(shown(decode(name.group(1))), null);
        }
        Matcher coop = TEMSO_COOP.matcher(u);
        return coop.matches() ? new CustodyStep.Party(null, null, coop.group(1).toLowerCase(Locale.ROOT)) : null;
    }

    /**
     * Text fit for a public page: NFC, without control, formatting (bidirectional overrides, zero-width), private-use
     * or unassigned characters, whitespace collapsed, at most {@link #MAX_NAME} characters (a cut never splits a
     * character and ends with an ellipsis). Null when nothing is left.
     */
    public static String shown(String text) {
        if (text == null) {
            return null;
        }
        String s = text.length() > 4 * MAX_NAME ? text.substring(0, 4 * MAX_NAME) : text;
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = NOT_SHOWN.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.codePointCount(0, s.length()) <= MAX_NAME) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, MAX_NAME - 1)).strip() + "…";
    }

    /** The first entry of the preferred type: owning party, then possessing party, then location. */
    private static CustodyStep.Party party(JsonValue list, String field) {
        if (!(list instanceof JsonArray entries)) {
            return null;
        }
        for (String type : new String[] {"owning_party", "possessing_party", "location"}) {
            int n = 0;
            for (JsonValue v : entries) {
                if (++n > MAX_PARTIES) {
                    break;
                }
                if (v instanceof JsonObject o && type.equals(sourceDestinationType(string(o, "type")))) {
                    CustodyStep.Party p = party(string(o, field));
                    if (p != null) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    /** The destination with the event's party name: the name the partner gave wins over any other. */
    private static CustodyStep.Party named(CustodyStep.Party p, String name) {
        return name == null ? p : new CustodyStep.Party(name, p.gln(), null);
    }

    /** A CBV source/destination type written bare, as URN or as Web URI, made bare. */
    static String sourceDestinationType(String type) {
        if (type == null) {
            return null;
        }
        String t = type.strip();
        if (t.startsWith(SDT_URN)) {
            return t.substring(SDT_URN.length());
        }
        int web = t.indexOf("SDT-");
        return web >= 0 && t.startsWith("http") ? t.substring(web + 4) : t;
    }

    private static CustodyStep.Place place(JsonObject event) {
        String name = shown(firstString(event, Identifiers.field(LOCATION_NAME), NS + LOCATION_NAME));
        String id = event.get(BIZ_LOCATION) instanceof JsonObject loc ? string(loc, "id") : null;
        String gln = gln(id);
        String zone = null;
        if (id != null && gln == null) {
            Matcher z = TEMSO_ZONE.matcher(id.strip());
            zone = z.matches() ? shown(decode(z.group(1))) : null;
        }
        return name == null && gln == null && zone == null ? null : new CustodyStep.Place(name, gln, zone);
    }

    private static String firstString(JsonObject o, String... keys) {
        for (String k : keys) {
            String v = string(o, k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String string(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package vn.temso.epcis.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.temso.gs1.Gtin;
import vn.temso.stamp.Gs1Value;
import vn.temso.stamp.InvalidStampException;

/**
 * The URIs Temso's events use. Objects are GS1 Digital Link URIs on {@code id.gs1.org}, as CBV 2.0 writes them: a lot
 * is the class {@code /01/{gtin}/10/{lot}}, a stamp the instance {@code /01/{gtin}/21/{serial}} (serials are unique
 * per GTIN). Parties and locations with a GLN are {@code /414/{gln}}; without one, and for growing zones and Temso's
 * business steps, a URI under Temso's vocabulary namespace (docs/epcis.md).
 */
public final class Identifiers {

    /** The standard EPCIS 2.0 JSON-LD context. */
    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    /** Temso's vocabulary: business steps CBV has none for, extension fields, parties and zones without a GLN. */
    public static final String NAMESPACE = "https://temso.vn/epcis/";

    /** The JSON-LD prefix of {@link #NAMESPACE} in Temso's documents. */
    public static final String PREFIX = "temso";

    private static final String DL = "https://id.gs1.org";
    private static final Pattern DL_PATH =
            Pattern.compile("/01/(\\d{14})(?:/22/[^/]+)?(?:/10/([^/]+))?(?:/21/([^/]+))?/?");

    private Identifiers() {}

    /** The class-level identifier of a lot (LGTIN). */
    public static String lotClass(String gtin14, String lot) {
        return DL + "/01/" + gtin14 + "/10/" + Gs1Value.encode(lot);
    }

    /** The instance-level identifier of one stamped package (SGTIN). */
    public static String stamp(String gtin14, String serial) {
        return DL + "/01/" + gtin14 + "/21/" + Gs1Value.encode(serial);
    }

    /** A party or place: its GLN when it has one, otherwise Temso's id for it. */
    public static String party(String gln, String temsoId) {
        return gln != null ? DL + "/414/" + gln : NAMESPACE + "party/" + temsoId;
    }

    /** A growing zone (mã số vùng trồng), by its code. */
    public static String zone(String code) {
        return NAMESPACE + "zone/" + segment(code);
    }

    /** A URI path segment of any text (UTF-8, percent-encoded). */
    public static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One of Temso's business steps, for farm work CBV has no step for. */
    public static String bizStep(String name) {
        return NAMESPACE + "bizstep/" + name;
    }

    /** A compact extension field name, e.g. {@code temso:inputName}. */
    public static String field(String name) {
        return PREFIX + ":" + name;
    }

    /**
     * The event id of a Temso record: a UUID URN derived from the record (name-based), so every export of the same
     * record names the same event and re-projecting a record is harmless.
     */
    public static String eventId(EventKind kind, String recordId) {
        return "urn:uuid:"
                + UUID.nameUUIDFromBytes(("temso:" + kind + ":" + recordId).getBytes(StandardCharsets.UTF_8));
    }

    /** A GS1 key read from any Digital Link URI (any host, any query), or from a Temso stamp URL. */
    public record Key(String gtin, String lot, String serial) {

        /** The canonical identifier: the instance when there is a serial, else the lot class, else null. */
        public String canonical() {
            if (serial != null) {
                return stamp(gtin, serial);
            }
            return lot != null ? lotClass(gtin, lot) : null;
        }
    }

    /** @return the key of a Digital Link URI, or empty if {@code uri} is not one with a valid GTIN-14 */
    public static Optional<Key> parse(String uri) {
        if (uri == null || uri.length() > 2000) {
            return Optional.empty();
        }
        String path;
        try {
            URI u = new URI(uri);
            if (!"https".equalsIgnoreCase(u.getScheme()) && !"http".equalsIgnoreCase(u.getScheme())) {
                return Optional.empty();
            }
            path = u.getRawPath();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        Matcher m = path == null ? null : DL_PATH.matcher(path);
        if (m == null || !m.matches() || !Gtin.isValid(m.group(1))) {
            return Optional.empty();
        }
        try {
            String lot = m.group(2) == null ? null : Gs1Value.decode("lot", m.group(2));
            String serial = m.group(3) == null ? null : Gs1Value.decode("serial", m.group(3));
            return Optional.of(new Key(m.group(1), lot, serial));
        } catch (InvalidStampException e) {
            return Optional.empty();
        }
    }
}

package vn.temso.trace.boundary;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.temso.gs1.DigitalLink;
import vn.temso.trace.control.ProductRecord;
import vn.temso.trace.control.TraceRecord;

/**
 * The links the resolver knows for one identified entity (a product, a lot, a stamp): what its RFC 9264 linkset lists
 * and where {@code ?linkType=} redirects. Link types are GS1 Web vocabulary terms ({@code https://gs1.org/voc/...});
 * human pages come in Vietnamese and English ({@code hreflang}), so the same type has one link per language and a
 * request picks one by {@code Accept-Language} (or {@code lang=}).
 *
 * @param anchor the canonical Digital Link URI of the entity (no query)
 * @param description the linkset's {@code itemDescription}
 */
record ResolverLinks(String anchor, String description, List<Link> links) {

    static final String VOC = "https://gs1.org/voc/";

    /** The JSON-LD context GS1 publishes for linksets, named in a Link header of every linkset answer. */
    static final String CONTEXT = "https://ref.gs1.org/standards/resolver/linkset-context";

    /** Where the EPCIS events of a lot are asked for, by the lot's class URI in GS1's canonical Digital Link form. */
    static final String EPCIS_CLASS_BASE = "https://id.gs1.org";

    /**
     * One link: {@code type} a vocabulary term without its namespace; {@code mediaType} and {@code lang} null when the
     * link has none (the default link has only a title, as the standard asks).
     */
    record Link(String type, String href, String title, String mediaType, String lang) {}

    /** The product level, {@code /01/{gtin}}. */
    static ResolverLinks product(String base, ProductRecord p) {
        String page = base + "/page/01/" + p.gtin();
        List<Link> l = new ArrayList<>();
        l.add(new Link("defaultLink", page, p.name(), null, null));
        both(l, "pip", page, "", p.name(), "Thông tin sản phẩm", "Product information");
        if (p.ocopStars() != null) {
            both(l, "certificationInfo", page, "#ocop", null, "Chứng nhận OCOP", "OCOP certificate");
        }
        if (!p.marketplaces().isEmpty()) {
            both(l, "hasRetailers", page, "#retailers", null, "Nơi bán", "Where to buy");
        }
        return new ResolverLinks(base + "/01/" + p.gtin(), p.name(), List.copyOf(l));
    }

    /** The lot level, {@code /01/{gtin}/10/{lot}}, from its trace record and its product. */
    static ResolverLinks lot(String base, DigitalLink lot, TraceRecord r, ProductRecord p) {
        String keyPath = lot.keyPath();
        String page = base + "/page" + keyPath;
        String name = r.product() == null ? "GTIN " + lot.gtin() : r.product().name();
        List<Link> l = new ArrayList<>();
        l.add(new Link("defaultLink", page, name + " – " + lot.lot(), null, null));
        both(l, "traceability", page, "", null, "Truy xuất lô hàng", "Batch trace");
        if (p != null) {
            both(l, "pip", base + "/page/01/" + lot.gtin(), "", null, "Thông tin sản phẩm", "Product information");
        }
        boolean certified = r.ocopStars() != null
                || r.zones().stream().anyMatch(z -> !z.certifications().isEmpty());
        if (certified) {
            both(l, "certificationInfo", page, "#certs", null, "Chứng nhận", "Certificates");
        }
        both(l, "recallStatus", page, "#status", null, "Tình trạng thu hồi", "Recall status");
        l.add(new Link(
                "epcis",
                base + "/epcis/events?MATCH_anyEPCClass="
                        + URLEncoder.encode(EPCIS_CLASS_BASE + keyPath, StandardCharsets.UTF_8),
                "EPCIS events",
                "application/json",
                null));
        if (p != null && !p.marketplaces().isEmpty()) {
            both(l, "hasRetailers", base + "/page/01/" + lot.gtin(), "#retailers", null, "Nơi bán", "Where to buy");
        }
        return new ResolverLinks(base + keyPath, name + ", lô " + lot.lot(), List.copyOf(l));
    }

    /**
     * A stamp's item level ({@code .../21/{serial}?8030=}): its verdict page is the default; what the lot offers only
     * when the stamp is shown with its product (a forged or unknown stamp's linkset names no product page).
     */
    static ResolverLinks stamp(String base, DigitalLink item, String stampUrl, TraceRecord r, String verdictTitle) {
        List<Link> l = new ArrayList<>();
        String title = r.product() == null ? verdictTitle : r.product().name() + " – " + verdictTitle;
        l.add(new Link("defaultLink", stampUrl, title, null, null));
        if (r.product() != null && item.lot() != null) {
            String lotPage = base + "/page" + item.batch().keyPath();
            both(l, "traceability", lotPage, "", null, "Truy xuất lô hàng", "Batch trace");
            both(l, "pip", base + "/page/01/" + item.gtin(), "", null, "Thông tin sản phẩm", "Product information");
            if (!r.zones().isEmpty() || r.ocopStars() != null) {
                both(l, "certificationInfo", lotPage, "#certs", null, "Chứng nhận", "Certificates");
            }
        }
        return new ResolverLinks(base + item.keyPath(), title, List.copyOf(l));
    }

    /** A Vietnamese and an English link of one type to a page of this service. */
    private static void both(
            List<Link> l, String type, String page, String fragment, String name, String vi, String en) {
        l.add(new Link(type, page + "?lang=vi" + fragment, name == null ? vi : name, "text/html", "vi"));
        l.add(new Link(type, page + "?lang=en" + fragment, name == null ? en : name, "text/html", "en"));
    }

    /** The target with the request's query added (all of it but {@code linkType}), before any fragment. */
    static String passOn(String href, String query) {
        int hash = href.indexOf('#');
        String target = hash < 0 ? href : href.substring(0, hash);
        String fragment = hash < 0 ? "" : href.substring(hash);
        int q = target.indexOf('?');
        String own = q < 0 ? "" : "&" + target.substring(q + 1);
        StringBuilder rest = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.split("=", 2)[0];
                // not the link type asked, and not a parameter the target sets itself (its lang=)
                if (!name.isEmpty() && !name.equals("linkType") && !own.contains("&" + name + "=")) {
                    rest.append(rest.length() == 0 ? "" : "&").append(pair);
                }
            }
        }
        if (rest.length() == 0) {
            return href;
        }
        return target + (q < 0 ? "?" : "&") + rest + fragment;
    }

    /** The RFC 9264 linkset as JSON, valid against GS1's linkset schema. */
    String linkset() {
        Map<String, JsonArrayBuilder> byType = new LinkedHashMap<>();
        for (Link k : links) {
            JsonObjectBuilder o =
                    JSON.createObjectBuilder().add("href", k.href()).add("title", k.title());
            if (k.mediaType() != null) {
                o.add("type", k.mediaType());
            }
            if (k.lang() != null) {
                o.add("hreflang", JSON.createArrayBuilder().add(k.lang()));
            }
            byType.computeIfAbsent(VOC + k.type(), t -> JSON.createArrayBuilder())
                    .add(o);
        }
        JsonObjectBuilder set = JSON.createObjectBuilder().add("anchor", anchor).add("itemDescription", description);
        byType.forEach(set::add);
        return JSON.createObjectBuilder()
                .add("linkset", JSON.createArrayBuilder().add(set))
                .build()
                .toString();
    }

    /** The link a request for {@code type} gets, or null when there is none of that type (a 404). */
    Link pick(String type, String accept, List<String> languages) {
        List<Link> candidates =
                links.stream().filter(k -> k.type().equals(type)).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        if (accept != null && !accept.isBlank() && !accept.contains("*/*")) {
            List<Link> typed = candidates.stream()
                    .filter(k -> k.mediaType() != null && accept.contains(k.mediaType()))
                    .toList();
            if (!typed.isEmpty()) {
                candidates = typed;
            }
        }
        for (String lang : languages) {
            for (Link k : candidates) {
                if (lang.equals(k.lang())) {
                    return k;
                }
            }
        }
        return candidates.get(0); // Vietnamese first
    }

    /** The link type a {@code linkType} value names: a CURIE {@code gs1:pip} or a full vocabulary URI; else null. */
    static String linkType(String value) {
        if (value == null) {
            return null;
        }
        for (String prefix : new String[] {
            "gs1:",
            "https://gs1.org/voc/",
            "https://ref.gs1.org/voc/",
            "https://www.gs1.org/voc/",
            "http://gs1.org/voc/"
        }) {
            if (value.startsWith(prefix)) {
                return value.substring(prefix.length());
            }
        }
        return null;
    }

    /** Language tags a client prefers, in order: {@code lang=} first, then {@code Accept-Language} primary tags. */
    static List<String> languages(String langParam, String acceptLanguage) {
        List<String> out = new ArrayList<>(4);
        if (langParam != null && !langParam.isBlank()) {
            out.add(primary(langParam));
        }
        if (acceptLanguage != null && acceptLanguage.length() < 200) {
            for (String part : acceptLanguage.split(",")) {
                String tag = part.split(";")[0].trim();
                if (!tag.isEmpty() && !tag.equals("*") && out.size() < 8) {
                    out.add(primary(tag));
                }
            }
        }
        return out;
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}

package vn.temso.catalog.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import vn.temso.catalog.model.CatalogEntry;

/**
 * schema.org Product with an Offer, as JSON-LD for the product and trace pages. The output is
 * safe to paste inside {@code <script type="application/ld+json">}: &lt; &gt; &amp; are written as
 * unicode escapes, so a title containing "&lt;/script&gt;" cannot end the script element.
 */
public final class ProductJsonLd {

    static final JsonFactory JSON = JsonFactory.builder().build();

    private ProductJsonLd() {}

    /** One entry as a JSON-LD document; the OCOP rating is included only while valid on {@code today}. */
    public static String toJsonLd(CatalogEntry entry, LocalDate today) {
        return document(entry, today);
    }

    /**
     * One entry as a JSON-LD document with its OCOP rating as given: for a caller that has already judged the rating
     * valid (the trace page shows the one its record carries, so the page and its JSON-LD cannot disagree).
     */
    public static String toJsonLd(CatalogEntry entry) {
        return document(entry, null);
    }

    private static String document(CatalogEntry entry, LocalDate today) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setCharacterEscapes(HtmlSafeEscapes.INSTANCE);
            write(g, entry, today);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @param today the day the OCOP rating must be valid on, or null to write it as given */
    static void write(JsonGenerator g, CatalogEntry e, LocalDate today) throws IOException {
        g.writeStartObject();
        g.writeStringField("@context", "https://schema.org");
        g.writeStringField("@type", "Product");
        field(g, "@id", e.link());
        field(g, "sku", e.id());
        field(g, "name", e.title());
        field(g, "description", e.description());
        field(g, "image", e.imageLink());
        field(g, "url", e.link());
        field(g, "category", e.category());
        if (e.gtin() != null) {
            // schema.org names the property by length: gtin8/gtin12/gtin13/gtin14
            g.writeStringField(
                    e.gtin().length() == 8
                                    || e.gtin().length() == 12
                                    || e.gtin().length() == 13
                            ? "gtin" + e.gtin().length()
                            : "gtin14",
                    e.gtin());
        }
        if (e.brand() != null) {
            g.writeObjectFieldStart("brand");
            g.writeStringField("@type", "Brand");
            g.writeStringField("name", e.brand());
            g.writeEndObject();
        }
        if (e.condition() != null) {
            switch (e.condition()) {
                case "new" -> g.writeStringField("itemCondition", "https://schema.org/NewCondition");
                case "used" -> g.writeStringField("itemCondition", "https://schema.org/UsedCondition");
                case "refurbished" -> g.writeStringField("itemCondition", "https://schema.org/RefurbishedCondition");
                default -> {} // not a schema.org condition: leave it out rather than guess
            }
        }
        var ocop = today == null ? Optional.ofNullable(e.ocop()) : e.ocopValidOn(today);
        if (ocop.isPresent()) {
            g.writeArrayFieldStart("additionalProperty");
            g.writeStartObject();
            g.writeStringField("@type", "PropertyValue");
            g.writeStringField("name", "OCOP");
            g.writeNumberField("value", ocop.get().stars());
            g.writeStringField("unitText", "sao");
            g.writeStringField("description", ocop.get().label());
            g.writeStringField("validThrough", ocop.get().validUntil().toString());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("offers");
        g.writeStringField("@type", "Offer");
        field(g, "url", e.link());
        g.writeStringField("price", Long.toString(e.priceVnd()));
        g.writeStringField("priceCurrency", "VND");
        if (e.availability() != null) {
            g.writeStringField("availability", e.availability().schemaOrgValue());
        }
        if (e.brand() != null) {
            g.writeObjectFieldStart("seller");
            g.writeStringField("@type", "Organization");
            g.writeStringField("name", e.brand());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** Escapes the characters that matter inside an HTML script element. */
    static final class HtmlSafeEscapes extends CharacterEscapes {
        static final HtmlSafeEscapes INSTANCE = new HtmlSafeEscapes();
        private final int[] escapes;

        private HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}

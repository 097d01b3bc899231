package vn.temso.catalog.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import vn.temso.catalog.model.Availability;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.model.OcopCertificate;

/**
 * Reads a catalog file lazily, one entry at a time, so a large catalog streams straight into a
 * feed. The file is either a JSON array of entries or an object with an "items" array. Entry
 * fields: id, title, description, link, imageLink, availability (IN_STOCK/OUT_OF_STOCK), priceVnd
 * (whole number), condition, brand, gtin (string), ocop {stars, validUntil: "YYYY-MM-DD"} or null,
 * category, updatedAt (ISO instant), deleted (boolean). A malformed entry throws
 * {@link CatalogFormatException} naming the entry.
 */
public final class CatalogJsonReader implements Iterator<CatalogEntry>, Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonParser parser;
    private final String source;
    private int index;
    private boolean ended;
    private boolean advanced;

    public CatalogJsonReader(InputStream in, String source) throws IOException {
        this.source = source;
        this.parser = JSON.createParser(in);
        try {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("items".equals(name) && value == JsonToken.START_ARRAY) {
                        return;
                    }
                    parser.skipChildren();
                }
                throw new CatalogFormatException(source + ": the catalog object has no \"items\" array");
            } else if (first != JsonToken.START_ARRAY) {
                throw new CatalogFormatException(
                        source + ": a catalog must be a JSON array of products or an object with an \"items\" array");
            }
        } catch (JsonProcessingException e) {
            throw new CatalogFormatException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        if (!advanced) {
            try {
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    ended = true;
                } else if (t == null) {
                    throw new CatalogFormatException(source + ": the file ends before the list of products is closed");
                } else if (t != JsonToken.START_OBJECT) {
                    throw new CatalogFormatException(source + ": entry #" + (index + 1) + " is not a JSON object");
                }
            } catch (JsonProcessingException e) {
                throw new CatalogFormatException(
                        source + ": not valid JSON near entry #" + (index + 1) + ": " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            advanced = true;
        }
        return !ended;
    }

    @Override
    public CatalogEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        advanced = false;
        index++;
        JsonNode node;
        try {
            node = JSON.readTree(parser);
        } catch (JsonProcessingException e) {
            throw new CatalogFormatException(
                    source + ": not valid JSON in entry #" + index + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = node.path("id").isValueNode() ? node.path("id").asText() : null;
        try {
            return toEntry(node);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new CatalogFormatException(
                    source + ": entry #" + index + (id == null ? "" : " (id \"" + id + "\")") + ": " + e.getMessage(),
                    e);
        }
    }

    private static CatalogEntry toEntry(JsonNode n) {
        JsonNode price = n.has("priceVnd") ? n.get("priceVnd") : n.get("price");
        long priceVnd = 0;
        if (price != null && !price.isNull()) {
            if (!price.canConvertToExactIntegral() || !price.canConvertToLong()) {
                throw new IllegalArgumentException("priceVnd must be a whole number of VND, got " + price);
            }
            priceVnd = price.longValue();
        }
        OcopCertificate ocop = null;
        JsonNode o = n.get("ocop");
        if (o != null && !o.isNull()) {
            if (!o.path("stars").canConvertToInt() || text(o, "validUntil") == null) {
                throw new IllegalArgumentException("ocop needs stars (3-5) and validUntil (YYYY-MM-DD)");
            }
            ocop = new OcopCertificate(o.get("stars").intValue(), LocalDate.parse(text(o, "validUntil")));
        }
        String availability = text(n, "availability");
        String updatedAt = text(n, "updatedAt");
        JsonNode deleted = n.get("deleted");
        if (deleted != null && !deleted.isNull() && !deleted.isBoolean()) {
            throw new IllegalArgumentException("deleted must be true or false");
        }
        return new CatalogEntry(
                text(n, "id"),
                text(n, "title"),
                text(n, "description"),
                text(n, "link"),
                text(n, "imageLink") != null ? text(n, "imageLink") : text(n, "image_link"),
                availability == null ? null : Availability.parse(availability),
                priceVnd,
                text(n, "condition") == null ? "new" : text(n, "condition"),
                text(n, "brand"),
                text(n, "gtin"),
                ocop,
                text(n, "category"),
                updatedAt == null ? null : Instant.parse(updatedAt),
                deleted != null && deleted.asBoolean());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.asText();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

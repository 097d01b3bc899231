package vn.temso.catalog.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.temso.catalog.model.Text;

/**
 * Output column header to {@link FeedField}, in column order. The JSON form is one object whose
 * keys are the headers, in order, and whose values are field names, e.g.
 * {@code {"Mã SKU": "id", "Tên sản phẩm": "title", "Giá bán": "price_vnd"}}.
 */
public final class ColumnMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> headers;
    private final List<FeedField> fields;

    public ColumnMapping(Map<String, FeedField> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a column mapping needs at least one column");
        }
        List<String> h = new ArrayList<>();
        List<FeedField> f = new ArrayList<>();
        columns.forEach((header, field) -> {
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException("a column header must not be blank");
            }
            h.add(Text.clean(header));
            f.add(Objects.requireNonNull(field, "no field for column " + header));
        });
        this.headers = Collections.unmodifiableList(h);
        this.fields = Collections.unmodifiableList(f);
    }

    public List<String> headers() {
        return headers;
    }

    public List<FeedField> fields() {
        return fields;
    }

    /** Reads the JSON form; duplicate headers and unknown field names are rejected with a clear message. */
    public static ColumnMapping fromJson(InputStream json) throws IOException {
        Map<String, FeedField> columns = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(
                        "a column mapping must be a JSON object {\"header\": \"field\", ...}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String header = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IllegalArgumentException("column \"" + header + "\" must map to a field name string");
                }
                if (columns.put(header, FeedField.fromJsonName(p.getText())) != null) {
                    throw new IllegalArgumentException("column \"" + header + "\" appears twice");
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("column mapping is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new ColumnMapping(columns);
    }

    /** Default Voso (Viettel Post) layout. No public layout was found: a reasonable guess, override with a mapping file. */
    public static ColumnMapping vosoDefault() {
        return resource("voso-default-mapping.json");
    }

    /** Default Postmart (VNPost) layout. No public layout was found: a reasonable guess, override with a mapping file. */
    public static ColumnMapping postmartDefault() {
        return resource("postmart-default-mapping.json");
    }

    static ColumnMapping googleTsv() {
        return of(
                "id",
                "title",
                "description",
                "link",
                "image_link",
                "availability",
                "price",
                "condition",
                "brand",
                "gtin",
                "product_type:category",
                "custom_label_0:ocop_label");
    }

    static ColumnMapping metaCsv() {
        return of(
                "id",
                "title",
                "description",
                "availability",
                "condition",
                "price",
                "link",
                "image_link",
                "brand",
                "gtin",
                "product_type:category",
                "custom_label_0:ocop_label");
    }

    /** "header" when the header is the field's name, else "header:field". */
    private static ColumnMapping of(String... columns) {
        Map<String, FeedField> map = new LinkedHashMap<>();
        for (String c : columns) {
            int colon = c.indexOf(':');
            map.put(
                    colon < 0 ? c : c.substring(0, colon),
                    FeedField.fromJsonName(colon < 0 ? c : c.substring(colon + 1)));
        }
        return new ColumnMapping(map);
    }

    private static ColumnMapping resource(String name) {
        try (InputStream in = ColumnMapping.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled mapping " + name);
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

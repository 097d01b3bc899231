package vn.temso.catalog.push;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import vn.temso.catalog.feed.FeedFormat;
import vn.temso.catalog.model.CatalogEntry;

/**
 * One version of one product, ready to send: the JSON body, its content hash and the idempotency
 * key {@code <productId>:<contentHash>}. The WAR may store {@link #body()} in its outbox row so a
 * retry sends exactly the version that was queued.
 */
public record PushRequest(String productId, String contentHash, byte[] body) {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    public PushRequest {
        body = body.clone();
    }

    public String idempotencyKey() {
        return productId + ":" + contentHash;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Builds the body for {@code entry} as of {@code today} (the OCOP rating appears only while valid). */
    public static PushRequest of(CatalogEntry entry, LocalDate today) {
        String hash = ContentHash.of(entry, today);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("id", entry.id());
            g.writeBooleanField("deleted", entry.deleted());
            g.writeStringField("contentHash", hash);
            nullable(g, "title", entry.title());
            nullable(g, "description", entry.description());
            nullable(g, "link", entry.link());
            nullable(g, "imageLink", entry.imageLink());
            nullable(
                    g,
                    "availability",
                    entry.availability() == null ? null : entry.availability().googleValue());
            g.writeNumberField("priceVnd", entry.priceVnd());
            g.writeStringField("price", FeedFormat.price(entry.priceVnd()));
            nullable(g, "condition", entry.condition());
            nullable(g, "brand", entry.brand());
            nullable(g, "gtin", entry.gtin());
            nullable(g, "category", entry.category());
            var ocop = entry.ocopValidOn(today);
            if (ocop.isPresent()) {
                g.writeObjectFieldStart("ocop");
                g.writeNumberField("stars", ocop.get().stars());
                g.writeStringField("label", ocop.get().label());
                g.writeStringField("validUntil", ocop.get().validUntil().toString());
                g.writeEndObject();
            } else {
                g.writeNullField("ocop");
            }
            nullable(
                    g,
                    "updatedAt",
                    entry.updatedAt() == null ? null : entry.updatedAt().toString());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PushRequest(entry.id(), hash, out.toByteArray());
    }

    private static void nullable(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PushRequest p
                && productId.equals(p.productId)
                && contentHash.equals(p.contentHash)
                && Arrays.equals(body, p.body);
    }

    @Override
    public int hashCode() {
        return 31 * productId.hashCode() + contentHash.hashCode();
    }

    @Override
    public String toString() {
        return "PushRequest[" + idempotencyKey() + ", " + body.length + " bytes]";
    }
}

package vn.temso.catalog.feed;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import vn.temso.catalog.model.CatalogEntry;

/** A file of schema.org Product documents: one JSON array, one {@link ProductJsonLd} object per entry. */
public final class JsonLdFeedWriter implements FeedWriter {

    private final FeedOptions options;

    public JsonLdFeedWriter(FeedOptions options) {
        this.options = options;
    }

    @Override
    public Channel channel() {
        return Channel.JSONLD;
    }

    @Override
    public FeedSink open(OutputStream out) throws IOException {
        JsonGenerator g = ProductJsonLd.JSON.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setCharacterEscapes(ProductJsonLd.HtmlSafeEscapes.INSTANCE);
        g.writeStartArray();
        return new AbstractFeedSink() {
            @Override
            protected void writeItem(CatalogEntry entry) throws IOException {
                g.writeRaw('\n');
                ProductJsonLd.write(g, entry, options.today());
            }

            @Override
            public void finish() throws IOException {
                g.writeRaw('\n');
                g.writeEndArray();
                g.writeRaw('\n');
                g.close();
            }
        };
    }
}

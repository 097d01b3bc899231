package vn.temso.catalog.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.model.OcopCertificate;

/**
 * Google Merchant Center RSS 2.0 feed with the {@code g:} namespace, written with StAX (which
 * escapes &lt; &amp; &gt; and quotes). Items without a GTIN say {@code g:identifier_exists no};
 * the OCOP rating goes to {@code g:custom_label_0} only while the certificate is valid.
 */
public final class GoogleXmlFeedWriter implements FeedWriter {

    public static final String G_NS = "http://base.google.com/ns/1.0";

    private final FeedOptions options;

    public GoogleXmlFeedWriter(FeedOptions options) {
        this.options = options;
    }

    @Override
    public Channel channel() {
        return Channel.GOOGLE_XML;
    }

    @Override
    public FeedSink open(OutputStream out) throws IOException {
        // a Writer, not the stream: on a stream the JDK's StAX encodes and writes one byte per call (a synchronized
        // BufferedOutputStream.write each); and a Writer that takes no lock per character (CharBuffering)
        Writer buffered = new CharBuffering(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            // the JDK's own StAX, not whatever provider the container puts on the class path; a
            // factory per feed because the StAX spec does not promise factories are thread-safe
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffered);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("g", G_NS);
            xml.setPrefix("g", G_NS);
            xml.writeCharacters("\n");
            xml.writeStartElement("channel");
            xml.writeCharacters("\n");
            plain(xml, "title", options.feedTitle());
            plain(xml, "link", options.feedLink());
            plain(xml, "description", options.feedDescription());
            return new Sink(xml, buffered);
        } catch (XMLStreamException e) {
            throw new IOException("cannot start the Google XML feed", e);
        }
    }

    private static void plain(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private final class Sink extends AbstractFeedSink {
        private final XMLStreamWriter xml;
        private final Writer out;

        Sink(XMLStreamWriter xml, Writer out) {
            this.xml = xml;
            this.out = out;
        }

        @Override
        protected void writeItem(CatalogEntry e) throws IOException {
            try {
                xml.writeStartElement("item");
                g("id", e.id());
                g("title", e.title());
                g("description", e.description());
                g("link", e.link());
                g("image_link", e.imageLink());
                g(
                        "availability",
                        e.availability() == null ? null : e.availability().googleValue());
                g("price", FeedFormat.price(e.priceVnd()));
                g("condition", e.condition());
                g("brand", e.brand());
                if (e.gtin() != null) {
                    g("gtin", e.gtin());
                } else {
                    g("identifier_exists", "no");
                }
                g("product_type", e.category());
                g(
                        "custom_label_0",
                        e.ocopValidOn(options.today())
                                .map(OcopCertificate::label)
                                .orElse(null));
                xml.writeEndElement();
                xml.writeCharacters("\n");
            } catch (XMLStreamException ex) {
                throw new IOException("cannot write item " + e.id(), ex);
            }
        }

        private void g(String name, String value) throws XMLStreamException {
            if (value != null) {
                xml.writeStartElement(G_NS, name);
                xml.writeCharacters(value);
                xml.writeEndElement();
            }
        }

        @Override
        public void finish() throws IOException {
            try {
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                xml.flush();
                out.flush();
            } catch (XMLStreamException ex) {
                throw new IOException("cannot finish the Google XML feed", ex);
            }
        }
    }
}

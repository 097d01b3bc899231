package vn.temso.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.temso.catalog.Entries.TODAY;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.temso.catalog.Entries;
import vn.temso.catalog.model.CatalogEntry;

class GoogleXmlFeedWriterTest {

    private static final String G = GoogleXmlFeedWriter.G_NS;

    @Test
    void shouldWriteRssItemsThatANamespaceAwareParserReadsBack() throws Exception {
        Document doc = write(Entries.rice().build(), Entries.coconut().build());

        Element rss = doc.getDocumentElement();
        assertEquals("rss", rss.getLocalName());
        assertEquals("2.0", rss.getAttribute("version"));
        List<Map<String, String>> items = items(doc);
        assertEquals(2, items.size());

        Map<String, String> rice = items.get(0);
        assertEquals("ST25-5KG", rice.get("id"));
        assertEquals("Gạo thơm ST25 – Hợp tác xã Tân Trụ Xanh", rice.get("title"));
        assertEquals(
                "Gạo ST25 túi 5 kg, trồng theo VietGAP.\nVụ Đông Xuân, \"gạo ngon nhất thế giới\" 2019, <&> đủ cả",
                rice.get("description"));
        assertEquals("https://temso.vn/p/st25-5kg", rice.get("link"));
        assertEquals("https://temso.vn/img/st25-5kg.jpg", rice.get("image_link"));
        assertEquals("in_stock", rice.get("availability"));
        assertEquals("185000 VND", rice.get("price"));
        assertEquals("new", rice.get("condition"));
        assertEquals("HTX Tân Trụ Xanh", rice.get("brand"));
        assertEquals(Entries.GTIN_RICE, rice.get("gtin"));
        assertEquals("Thực phẩm > Gạo", rice.get("product_type"));
        assertEquals("OCOP 4 sao", rice.get("custom_label_0"));
    }

    @Test
    void shouldKeepOutOfStockItemsAndDropTheLapsedOcopLabel() throws Exception {
        Map<String, String> coconut = items(write(Entries.coconut().build())).get(0);
        assertEquals("Dừa sáp Cầu Kè", coconut.get("title"));
        assertEquals("out_of_stock", coconut.get("availability"));
        assertEquals("15000 VND", coconut.get("price"));
        assertEquals("HTX Dừa sáp Cầu Kè, Trà Vinh", coconut.get("brand"));
        assertNull(coconut.get("custom_label_0"), "certificate lapsed the day before");
    }

    @Test
    void shouldDropDeletedItemsOnPurpose() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = new GoogleXmlFeedWriter(FeedOptions.forDay(TODAY))
                .write(
                        Stream.of(
                                Entries.rice().build(),
                                Entries.coconut().deleted(true).build()),
                        out);
        assertEquals(1, written);
        List<Map<String, String>> items = items(parse(out.toByteArray()));
        assertEquals(List.of("ST25-5KG"), items.stream().map(i -> i.get("id")).toList());
    }

    @Test
    void shouldSayIdentifierExistsNoWhenThereIsNoGtin() throws Exception {
        Map<String, String> item =
                items(write(Entries.rice().gtin(null).build())).get(0);
        assertNull(item.get("gtin"));
        assertEquals("no", item.get("identifier_exists"));
    }

    private static Document write(CatalogEntry... entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GoogleXmlFeedWriter(FeedOptions.forDay(TODAY))
                .write(List.of(entries).iterator(), out);
        return parse(out.toByteArray());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** Each item's g: children by local name; fails if an item has a child outside the g namespace. */
    static List<Map<String, String>> items(Document doc) {
        NodeList items = doc.getElementsByTagNameNS("*", "item");
        List<Map<String, String>> result = new java.util.ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            Map<String, String> fields = new HashMap<>();
            NodeList children = items.item(i).getChildNodes();
            for (int c = 0; c < children.getLength(); c++) {
                Node n = children.item(c);
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    assertEquals(G, n.getNamespaceURI(), "namespace of " + n.getNodeName());
                    fields.put(n.getLocalName(), n.getTextContent());
                }
            }
            result.add(fields);
        }
        return result;
    }
}

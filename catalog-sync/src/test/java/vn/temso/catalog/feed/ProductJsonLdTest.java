package vn.temso.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.temso.catalog.Entries.TODAY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.Entries;

class ProductJsonLdTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldDescribeAProductWithOfferAndValidOcopRating() throws Exception {
        String ld = ProductJsonLd.toJsonLd(Entries.rice().build(), TODAY);
        JsonNode n = JSON.readTree(ld);
        assertEquals("https://schema.org", n.get("@context").asText());
        assertEquals("Product", n.get("@type").asText());
        assertEquals("Gạo thơm ST25 – Hợp tác xã Tân Trụ Xanh", n.get("name").asText());
        assertEquals(Entries.GTIN_RICE, n.get("gtin14").asText());
        assertEquals("HTX Tân Trụ Xanh", n.at("/brand/name").asText());
        assertEquals("Offer", n.at("/offers/@type").asText());
        assertEquals("185000", n.at("/offers/price").asText());
        assertEquals("VND", n.at("/offers/priceCurrency").asText());
        assertEquals("https://schema.org/InStock", n.at("/offers/availability").asText());
        assertEquals(4, n.at("/additionalProperty/0/value").asInt());
        assertEquals("OCOP 4 sao", n.at("/additionalProperty/0/description").asText());
        assertTrue(n.get("description").asText().contains("<&>"));
    }

    @Test
    void shouldBeSafeInsideAScriptElement() throws Exception {
        String ld = ProductJsonLd.toJsonLd(
                Entries.rice().title("A </script><script>alert(1)</script>").build(), TODAY);
        assertFalse(ld.contains("<"), ld);
        assertEquals(
                "A </script><script>alert(1)</script>",
                JSON.readTree(ld).get("name").asText());
    }

    @Test
    void shouldLeaveOutLapsedOcopAndKeepOutOfStock() throws Exception {
        JsonNode n = JSON.readTree(ProductJsonLd.toJsonLd(Entries.coconut().build(), TODAY));
        assertTrue(n.path("additionalProperty").isMissingNode());
        assertEquals(
                "https://schema.org/OutOfStock", n.at("/offers/availability").asText());
    }

    @Test
    void shouldWriteTheRatingAsGivenWhenTheCallerHasJudgedIt() throws Exception {
        // the trace page: its record carries a rating only while valid, judged once on the Vietnam date
        JsonNode n = JSON.readTree(ProductJsonLd.toJsonLd(Entries.coconut().build()));
        assertEquals("OCOP", n.at("/additionalProperty/0/name").asText());
    }

    @Test
    void shouldWriteAFileAsOneJsonArrayWithoutDeletedEntries() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLdFeedWriter(FeedOptions.forDay(TODAY))
                .write(
                        List.of(
                                        Entries.rice().build(),
                                        Entries.coconut().deleted(true).build(),
                                        Entries.coconut().build())
                                .iterator(),
                        out);
        JsonNode array = JSON.readTree(out.toByteArray());
        assertEquals(2, array.size());
        assertEquals("Dừa sáp Cầu Kè", array.get(1).get("name").asText());
    }
}

package vn.temso.listing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.model.Availability;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.listing.control.AreaFeeds;
import vn.temso.listing.control.AreaScope;

/** The catalogue page escapes what users typed, carries parseable JSON-LD and the sharing tags. */
class CatalogPageTest {

    static final String BASE = "https://tem.temso.test";
    static final String HOSTILE = "Gạo </script><script>alert(1)</script> \"x\" 'y' & <b>";

    private static CatalogPage.Item item(String name, String image) {
        CatalogEntry e = CatalogEntry.builder("08931234500016")
                .title(name)
                .description(name)
                .link(BASE + "/01/08931234500016")
                .imageLink(image == null ? null : BASE + image)
                .availability(Availability.IN_STOCK)
                .priceVnd(79000)
                .brand("HTX \"Đồng\" <Thuận>")
                .gtin("08931234500016")
                .ocop(4, LocalDate.of(2028, 1, 1))
                .build();
        return new CatalogPage.Item(
                e,
                "0f8fad5b-d9cb-469f-a165-70867728950e",
                "HTX \"Đồng\" <Thuận>",
                "Bình <Tịnh>",
                image,
                List.of("TT2611/A", "L<1>"));
    }

    private static CatalogPage.View view(boolean english, List<CatalogPage.Item> items, String next) {
        return new CatalogPage.View(
                english,
                BASE,
                AreaScope.commune("binh-tinh"),
                "Bình <Tịnh>",
                null,
                null,
                null,
                items,
                next,
                List.of(new AreaFeeds.Commune("binh-tinh", "Bình <Tịnh>")));
    }

    @Test
    void shouldEscapeEverythingUsersTyped() throws Exception {
        String html = CatalogPage.render(view(false, List.of(item(HOSTILE, "/static/demo/gao-st25.png")), null));
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("<Tịnh>"), html);
        assertTrue(html.contains(
                "Gạo &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; &#39;y&#39; &amp;"));
        // exactly one script element: the JSON-LD data block
        assertEquals(1, html.split("<script", -1).length - 1);
        String ld = html.substring(html.indexOf("application/ld+json\">") + 21, html.indexOf("</script>"));
        JsonNode list = new ObjectMapper().readTree(ld);
        assertEquals("ItemList", list.get("@type").asText());
        assertEquals(HOSTILE, list.at("/itemListElement/0/item/name").asText());
        assertEquals("Offer", list.at("/itemListElement/0/item/offers/@type").asText());
        assertEquals(
                "VND", list.at("/itemListElement/0/item/offers/priceCurrency").asText());
    }

    @Test
    void shouldCarrySharingTagsWithAbsoluteUrls() {
        String html = CatalogPage.render(view(false, List.of(item("Gạo ST25", "/static/demo/gao-st25.png")), null));
        assertTrue(
                html.contains("<meta property=\"og:image\" content=\"" + BASE + "/static/demo/gao-st25.png\">"), html);
        assertTrue(
                html.contains("<meta property=\"og:url\" content=\"" + BASE + "/catalog?commune=binh-tinh\">"), html);
        assertTrue(html.contains("<meta property=\"og:title\" content=\"Sản phẩm OCOP xã Bình &lt;Tịnh&gt;\">"), html);
        assertTrue(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assertTrue(html.contains("property=\"og:description\""));
        String noImage = CatalogPage.render(view(true, List.of(item("Rice", null)), null));
        assertTrue(noImage.contains("<meta property=\"og:image\" content=\"" + BASE + "/static/catalog-og.png\">"));
        assertTrue(noImage.contains("<html lang=\"en\">"));
        assertTrue(noImage.contains("4-star OCOP"));
    }

    @Test
    void shouldLinkProductLotsAndTheNextPage() {
        String html = CatalogPage.render(view(
                false,
                List.of(item("Gạo", null)),
                "ffffffff-ffff-ffff-ffff-ffffffffffff:0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertTrue(html.contains("href=\"/01/08931234500016\""));
        assertTrue(html.contains("href=\"/01/08931234500016/10/TT2611%2FA\""), html);
        assertTrue(html.contains("href=\"/01/08931234500016/10/L%3C1%3E\""), html);
        assertTrue(html.contains("href=\"/catalog?coop=0f8fad5b-d9cb-469f-a165-70867728950e\""));
        assertTrue(
                html.contains(
                        "href=\"/catalog?commune=binh-tinh&amp;after=ffffffff-ffff-ffff-ffff-ffffffffffff:0f8fad5b-d9cb-469f-a165-70867728950e\" rel=\"next\""));
        assertTrue(html.contains("href=\"/feeds/commune/binh-tinh/google-xml.xml\""));
        assertTrue(html.contains("79.000 ₫"), html);
        assertEquals("79,000 VND", CatalogPage.price(79000, true));
    }

    @Test
    void shouldSayWhenThereIsNothing() {
        String html = CatalogPage.render(view(false, List.of(), null));
        assertTrue(html.contains("Chưa có sản phẩm nào ở đây."));
        assertFalse(html.contains("<script"));
    }
}

package vn.temso.listing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.validate.FeedValidator;
import vn.temso.catalog.validate.Rule;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.listing.entity.Listing;
import vn.temso.product.entity.Product;

class ListingProblemsTest {

    private static ListingProblems problems(String baseUrl, boolean demo) {
        ListingProblems p = new ListingProblems();
        p.settings = new SyncSettings();
        p.settings.publicBaseUrl = baseUrl;
        p.settings.demoEnabled = demo;
        p.clock = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);
        return p;
    }

    private static Listing listing(String imageUrl) {
        Cooperative coop = new Cooperative("HTX Vấn Đề", CooperativeKind.COOPERATIVE, null, Instant.now());
        Product p = new Product(coop, "08931234500993", Instant.now());
        p.describe("Mắm cá linh", null, "Mắm", "hũ 500 g", 90000L, imageUrl, Instant.now());
        return new Listing(p, Channel.GOOGLE_XML, Instant.now());
    }

    @Test
    void shouldNameAMissingImageWithItsFormFieldCodeAndWordsInBothLanguages() {
        ListingProblems p = problems("https://tem.temso.test", false);
        Listing l = listing(null);
        List<ListingProblems.Problem> vi = p.of(l, ListingProblems.locale("vi-VN,vi;q=0.9"));
        assertEquals(1, vi.size(), vi::toString);
        assertEquals("image", vi.get(0).field());
        assertEquals("required", vi.get(0).code());
        assertEquals(
                "Ảnh sản phẩm: còn thiếu, Google Merchant (XML) bắt buộc phải có",
                vi.get(0).message());
        assertEquals(
                "/app/product.xhtml?id=" + l.getProduct().getId() + "#product:image",
                vi.get(0).fix());
        assertEquals(
                "Product image: missing, Google Merchant (XML) requires it",
                p.of(l, ListingProblems.locale("en")).get(0).message());
        assertEquals(List.of(), p.of(listing("/images/x"), Locale.ENGLISH));
    }

    @Test
    void shouldAcceptHttpLinksOnlyInDemoMode() {
        Listing local = listing("/static/demo/gao-st25.png");
        List<ListingProblems.Problem> production =
                problems("http://localhost:8080", false).of(local, Locale.ENGLISH);
        assertEquals(
                List.of("link", "image"),
                production.stream().map(ListingProblems.Problem::field).toList());
        assertEquals("not-https", production.get(0).code());
        assertNull(production.get(0).fix(), "the base URL is configuration, not a form field");
        assertNull(problems("http://localhost:8080", false).demoNotice(Locale.ENGLISH));

        ListingProblems demo = problems("http://localhost:8080", true);
        assertEquals(List.of(), demo.of(local, Locale.ENGLISH));
        assertTrue(demo.demoNotice(Locale.ENGLISH).startsWith("demo: not accepted by marketplaces"));
        assertNull(problems("https://tem.temso.test", true).demoNotice(Locale.ENGLISH), "https demo feeds are real");
    }

    @Test
    void shouldHaveWordsForEveryFieldAndRuleInBothLanguages() {
        for (String lang : List.of("vi", "en")) {
            ResourceBundle b = ResourceBundle.getBundle(
                    "vn.temso.web.messages",
                    Locale.forLanguageTag(lang),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (FeedValidator.Field f : FeedValidator.Field.values()) {
                assertFalse(b.getString("listing.field." + f.attribute()).isBlank());
            }
            for (Rule r : Rule.values()) {
                assertTrue(b.getString("listing.problem." + r.code()).startsWith("{0}"), r::code);
            }
        }
    }
}

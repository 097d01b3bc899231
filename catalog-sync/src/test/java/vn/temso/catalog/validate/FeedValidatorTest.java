package vn.temso.catalog.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.Entries;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.CatalogEntry;

class FeedValidatorTest {

    private final FeedValidator google = FeedValidator.forChannel(Channel.GOOGLE_XML);

    @Test
    void shouldAcceptACompleteProduct() {
        assertEquals(List.of(), google.validate(Entries.rice().build()));
        assertEquals(List.of(), google.validate(Entries.coconut().build()));
    }

    @Test
    void shouldEnforceGoogleLengthLimitsInCharactersNotBytes() {
        CatalogEntry e = CatalogEntry.builder("x".repeat(51))
                .title("ạ".repeat(151))
                .description("d".repeat(5001))
                .link("https://temso.vn/p")
                .imageLink("https://temso.vn/i.jpg")
                .priceVnd(1)
                .brand("b")
                .build();
        Map<String, String> errors = byField(google.validate(e));
        assertEquals(
                Map.of(
                        "id",
                        "is 51 characters; google-xml allows at most 50",
                        "title",
                        "is 151 characters; google-xml allows at most 150",
                        "description",
                        "is 5001 characters; google-xml allows at most 5000"),
                errors);
        assertEquals(
                List.of(),
                google.validate(CatalogEntry.builder("x".repeat(50))
                        .title("ạ".repeat(150))
                        .description("d".repeat(5000))
                        .link("https://temso.vn/p")
                        .imageLink("https://temso.vn/i.jpg")
                        .priceVnd(1)
                        .brand("b")
                        .build()));
    }

    @Test
    void shouldReportMissingFieldsBadValuesAndInsecureLinks() {
        CatalogEntry e = new CatalogEntry(
                "A1",
                null,
                null,
                "http://temso.vn/p",
                "ftp://x/y.jpg",
                null,
                0,
                "second-hand",
                null,
                null,
                null,
                null,
                null,
                false);
        Map<String, String> errors = byField(google.validate(e));
        assertEquals("is required", errors.get("title"));
        assertEquals("is required", errors.get("description"));
        assertTrue(errors.get("link").contains("https"));
        assertTrue(errors.get("image_link").contains("https"));
        assertEquals("is required", errors.get("availability"));
        assertTrue(errors.get("price").startsWith("must be a positive"));
        assertTrue(errors.get("condition").contains("second-hand"));
        assertTrue(errors.get("brand").startsWith("is required"));
    }

    @Test
    void shouldCheckTheGtinCheckDigit() {
        Map<String, String> errors =
                byField(google.validate(Entries.rice().gtin("08935049500125").build()));
        assertEquals("check digit is 5 but should be 4", errors.get("gtin"));
        assertTrue(byField(google.validate(Entries.rice().gtin("0893504950012A").build()))
                .get("gtin")
                .contains("digits"));
        assertTrue(byField(google.validate(Entries.rice().gtin("123").build()))
                .get("gtin")
                .contains("8, 12, 13 or 14"));
    }

    @Test
    void shouldComputeGs1CheckDigitsForEveryLength() {
        assertEquals(4, vn.temso.gs1.Gtin.checkDigit("0893504950012"));
        assertTrue(vn.temso.gs1.Gtin.isValid("4006381333931")); // GTIN-13
        assertTrue(vn.temso.gs1.Gtin.isValid("04006381333931")); // the same padded to GTIN-14
        assertTrue(vn.temso.gs1.Gtin.isValid("036000291452")); // UPC-A / GTIN-12
        assertTrue(vn.temso.gs1.Gtin.isValid("96385074")); // GTIN-8
        assertFalse(vn.temso.gs1.Gtin.isValid("96385075"));
        assertNull(Gtin.problem("08935049500124"));
        ValidationError wrong = Gtin.problem("08935049500125");
        assertEquals(FeedValidator.Field.GTIN, wrong.field());
        assertEquals("gtin-check-digit", wrong.rule().code());
        assertEquals(List.of("5", "4"), wrong.args());
        assertEquals("04006381333931", vn.temso.gs1.Gtin.toGtin14("4006381333931"));
    }

    @Test
    void shouldAskLessOfTheSpreadsheetChannels() {
        FeedValidator voso = FeedValidator.forChannel(Channel.VOSO_CSV);
        assertEquals(
                List.of(),
                voso.validate(CatalogEntry.builder("V1")
                        .title("Mắm cá linh")
                        .priceVnd(90000)
                        .build()));
        assertEquals(
                Map.of("title", "is required"),
                byField(voso.validate(CatalogEntry.builder("V2").priceVnd(1).build())));
    }

    @Test
    void shouldNameEachProblemByTypedFieldAndRuleCodeWithItsArguments() {
        CatalogEntry e = Entries.rice().imageLink(null).title("ạ".repeat(151)).build();
        List<ValidationError> errors = google.validate(e);
        Map<FeedValidator.Field, ValidationError> by =
                errors.stream().collect(Collectors.toMap(ValidationError::field, v -> v));
        assertEquals(Rule.REQUIRED, by.get(FeedValidator.Field.IMAGE_LINK).rule());
        assertEquals("required", by.get(FeedValidator.Field.IMAGE_LINK).rule().code());
        assertEquals("image_link", by.get(FeedValidator.Field.IMAGE_LINK).name());
        assertEquals(List.of(), by.get(FeedValidator.Field.IMAGE_LINK).args());
        assertEquals(Rule.TOO_LONG, by.get(FeedValidator.Field.TITLE).rule());
        assertEquals(List.of("151", "150"), by.get(FeedValidator.Field.TITLE).args());
        assertEquals(
                "not-https",
                google.validate(Entries.rice().link("http://x.vn/p").build())
                        .get(0)
                        .rule()
                        .code());
    }

    @Test
    void shouldAcceptPlainHttpLinksOnlyWhenAskedForADemo() {
        CatalogEntry local = Entries.rice()
                .link("http://localhost:8080/01/08935049500124")
                .imageLink("http://localhost:8080/static/demo/gao-st25.png")
                .build();
        assertEquals(2, google.validate(local).size());
        assertFalse(google.allowsHttpLinks());
        FeedValidator demo = google.withHttpLinks();
        assertTrue(demo.allowsHttpLinks());
        assertEquals(List.of(), demo.validate(local));
        assertEquals(
                Rule.NOT_HTTPS,
                demo.validate(Entries.rice().imageLink("ftp://x/y.jpg").build())
                        .get(0)
                        .rule());
    }

    private static Map<String, String> byField(List<ValidationError> errors) {
        return errors.stream().collect(Collectors.toMap(ValidationError::name, ValidationError::message));
    }
}

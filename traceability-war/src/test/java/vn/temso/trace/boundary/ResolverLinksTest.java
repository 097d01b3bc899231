package vn.temso.trace.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.gs1.DigitalLink;
import vn.temso.trace.control.ProductRecord;
import vn.temso.trace.control.TraceRecord;

class ResolverLinksTest {

    private static final String BASE = "https://truyxuat.example.vn";
    private static final String GTIN = "08931234500016";

    static final Schema LINKSET_SCHEMA = linksetSchema();

    /** GS1's linkset schema (test resources, see gs1/NOTICE.md), as the conformance suite validates with it. */
    static Schema linksetSchema() {
        try (InputStream in = ResolverLinksTest.class.getResourceAsStream("/gs1/gs1-linkset-schema.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProductRecord product() {
        return new ProductRecord(
                GTIN,
                "Gạo ST25 \"Bình Tịnh\" <2 kg>",
                null,
                "túi 2 kg",
                "/images/p1",
                4,
                LocalDate.of(2028, 3, 15),
                "1234/QĐ-UBND",
                "UBND tỉnh Long An",
                "HTX Tân Trụ Xanh",
                "Bình Tịnh",
                List.of(new ProductRecord.OpenLot("HT/25", LocalDate.of(2026, 11, 1), null)),
                List.of("voso-csv"));
    }

    @Test
    void shouldWriteLinksetsValidAgainstGs1sSchemaWithTheCanonicalAnchor() {
        ResolverLinks p = ResolverLinks.product(BASE, product());
        assertValid(p.linkset());
        assertEquals(BASE + "/01/" + GTIN, p.anchor());
        assertTrue(p.linkset().contains("\"itemDescription\":\"Gạo ST25"), p.linkset());

        DigitalLink lot = DigitalLink.parse("/01/" + GTIN + "/10/HT%2f25");
        TraceRecord lotRecord = TraceRecord.verdictOnly(TraceRecord.Verdict.LOT_ONLY, null, GTIN, "HT/25", null);
        ResolverLinks l = ResolverLinks.lot(BASE, lot, lotRecord, product());
        assertValid(l.linkset());
        assertEquals(BASE + "/01/" + GTIN + "/10/HT%2F25", l.anchor());
        assertTrue(l.linkset().contains("MATCH_anyEPCClass=https%3A%2F%2Fid.gs1.org%2F01%2F" + GTIN), l.linkset());

        DigitalLink item = DigitalLink.parse("/01/" + GTIN + "/10/L1/21/S1");
        TraceRecord forged =
                TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_GENUINE, "BAD_SIGNATURE", GTIN, "L1", "S1");
        ResolverLinks s = ResolverLinks.stamp(BASE, item, BASE + item.keyPath() + "?8030=x", forged, "Not genuine");
        assertValid(s.linkset());
        assertEquals(1, s.links().size(), "a forged stamp's linkset names its verdict page only");
    }

    @Test
    void shouldPickTheLinkOfTheTypeAndLanguageAsked() {
        ResolverLinks p = ResolverLinks.product(BASE, product());
        assertEquals(
                "en",
                p.pick("pip", "text/html", ResolverLinks.languages(null, "en-GB,en;q=0.8"))
                        .lang());
        assertEquals(
                "vi", p.pick("pip", "*/*", ResolverLinks.languages(null, "fr")).lang());
        assertEquals(
                "en", p.pick("pip", null, ResolverLinks.languages("en", "vi")).lang());
        assertNull(p.pick("epcis", "*/*", List.of()), "no lot, no events");
        assertEquals("pip", ResolverLinks.linkType("gs1:pip"));
        assertEquals("pip", ResolverLinks.linkType("https://ref.gs1.org/voc/pip"));
        assertNull(ResolverLinks.linkType("schema:offers"));
    }

    @Test
    void shouldPassTheQueryOnButTheLinkTypeBeforeAnyFragment() {
        assertEquals("https://x/p?lang=vi&foo=bar#ocop", ResolverLinks.passOn("https://x/p?lang=vi#ocop", "foo=bar"));
        assertEquals("https://x/p?foo=bar", ResolverLinks.passOn("https://x/p", "linkType=gs1:pip&foo=bar"));
        assertEquals("https://x/p", ResolverLinks.passOn("https://x/p", "linkType=gs1%3Apip"));
        assertEquals("https://x/p", ResolverLinks.passOn("https://x/p", null));
        assertEquals(
                "https://x/p?lang=en#ocop", ResolverLinks.passOn("https://x/p?lang=en#ocop", "lang=en&linkType=x"));
    }

    private static void assertValid(String linkset) {
        List<Error> errors = LINKSET_SCHEMA.validate(linkset, InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors + " in " + linkset);
    }
}

package vn.temso.catalog.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.temso.catalog.Entries.TODAY;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.Entries;
import vn.temso.catalog.model.Availability;

class ContentHashTest {

    private final String base = ContentHash.of(Entries.rice().build(), TODAY);

    @Test
    void shouldBeStableAcrossCallsTouchesAndUnicodeForms() {
        assertEquals(64, base.length());
        assertEquals(base, ContentHash.of(Entries.rice().build(), TODAY));
        assertEquals(
                base,
                ContentHash.of(
                        Entries.rice()
                                .updatedAt(Instant.parse("2030-01-01T00:00:00Z"))
                                .build(),
                        TODAY));
        String nfd = Normalizer.normalize("Gạo thơm ST25 – Hợp tác xã Tân Trụ Xanh", Normalizer.Form.NFD);
        assertEquals(base, ContentHash.of(Entries.rice().title(nfd).build(), TODAY));
    }

    @Test
    void shouldChangeWhenAMarketplaceVisibleFieldChanges() {
        assertNotEquals(base, ContentHash.of(Entries.rice().priceVnd(185001).build(), TODAY));
        assertNotEquals(
                base,
                ContentHash.of(
                        Entries.rice().availability(Availability.OUT_OF_STOCK).build(), TODAY));
        assertNotEquals(
                base, ContentHash.of(Entries.rice().title("Gạo thơm ST25").build(), TODAY));
        assertNotEquals(base, ContentHash.of(Entries.rice().build().asDeleted(), TODAY));
        assertNotEquals(base, ContentHash.of(Entries.rice().description(null).build(), TODAY));
    }

    @Test
    void shouldChangeWhenTheOcopCertificateLapses() {
        LocalDate lapsed = LocalDate.of(2027, 4, 1);
        assertEquals(base, ContentHash.of(Entries.rice().build(), LocalDate.of(2027, 3, 31)));
        assertNotEquals(base, ContentHash.of(Entries.rice().build(), lapsed));
        assertEquals(
                ContentHash.of(Entries.rice().ocop(null).build(), TODAY),
                ContentHash.of(Entries.rice().build(), lapsed));
    }

    @Test
    void shouldNotConfuseAdjacentFields() {
        assertNotEquals(
                ContentHash.of(Entries.rice().title("ab").description("c").build(), TODAY),
                ContentHash.of(Entries.rice().title("a").description("bc").build(), TODAY));
    }
}

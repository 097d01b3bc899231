package vn.temso.listing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.FeedOptions;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.publish.FeedPublisher;
import vn.temso.catalog.publish.PublishPolicy;
import vn.temso.catalog.publish.PublishResult;
import vn.temso.platform.files.DatabaseFileStore;
import vn.temso.platform.files.DerbyFiles;
import vn.temso.platform.files.StoredFile;

/** The publish gate over the database file store: a held-back or failed run never replaces the last good feed. */
class StoredFeedTargetTest {

    private static final FeedOptions OPTIONS = FeedOptions.forDay(LocalDate.of(2026, 12, 5));
    private static final String KEY = "feeds/c1/google-xml.xml";

    private static List<CatalogEntry> products(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> CatalogEntry.builder("SP-" + i)
                        .title("Sản phẩm " + i)
                        .description("Mô tả " + i)
                        .link("https://temso.vn/p/" + i)
                        .imageLink("https://temso.vn/img/" + i + ".jpg")
                        .priceVnd(10000 + i)
                        .brand("HTX Mẫu")
                        .build())
                .toList();
    }

    private static String text(DatabaseFileStore store, StoredFile f) throws Exception {
        try (InputStream in = store.open(f)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldPublishIntoTheStoreAndKeepTheLastGoodFeedWhenHeldBackOrFailing() throws Exception {
        DatabaseFileStore store = DerbyFiles.store();
        FeedPublisher publisher =
                new FeedPublisher(new StoredFeedTarget(store, "c1", Clock.systemUTC()), PublishPolicy.DEFAULT);

        PublishResult first = publisher.publish(
                "google-xml.xml", Channel.GOOGLE_XML, OPTIONS, products(10).iterator());
        assertTrue(first.published(), first.message());
        StoredFile good = store.find(KEY).orElseThrow();
        assertEquals("application/xml; charset=UTF-8", good.contentType());
        assertTrue(text(store, good).contains("SP-9"));
        assertEquals(10, publisher.readLastGoodCount("google-xml.xml"));

        PublishResult shrunk = publisher.publish(
                "google-xml.xml", Channel.GOOGLE_XML, OPTIONS, products(2).iterator());
        assertEquals(List.of(PublishResult.HoldReason.CATALOG_SHRANK), shrunk.reasons());
        assertEquals(good, store.find(KEY).orElseThrow(), "held back: the last good feed stays");

        Iterator<CatalogEntry> failing = Stream.concat(products(3).stream(), Stream.<CatalogEntry>generate(() -> {
                    throw new IllegalStateException("database went away");
                }))
                .iterator();
        assertThrows(
                IllegalStateException.class,
                () -> publisher.publish("google-xml.xml", Channel.GOOGLE_XML, OPTIONS, failing));
        assertEquals(good, store.find(KEY).orElseThrow(), "a failed run leaves the last good feed");
        assertEquals(0, store.sweep(Instant.now().plusSeconds(1)), "and no upload behind");

        PublishResult grown = publisher.publish(
                "google-xml.xml", Channel.GOOGLE_XML, OPTIONS, products(12).iterator());
        assertTrue(grown.published());
        assertFalse(good.equals(store.find(KEY).orElseThrow()), "replaced");
        assertEquals(12, publisher.readLastGoodCount("google-xml.xml"));
        assertEquals(
                List.of("feeds/c1/.google-xml.xml.last-good", KEY),
                store.list("feeds/c1/", null, 10).stream().map(StoredFile::key).toList());
    }
}

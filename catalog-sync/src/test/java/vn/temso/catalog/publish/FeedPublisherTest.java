package vn.temso.catalog.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.temso.catalog.Entries.TODAY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import vn.temso.catalog.Entries;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.FeedOptions;
import vn.temso.catalog.model.Availability;
import vn.temso.catalog.model.CatalogEntry;

class FeedPublisherTest {

    @TempDir
    Path dir;

    private final FeedOptions options = FeedOptions.forDay(TODAY);

    @Test
    void shouldPublishValidItemsAndReportTheInvalidOnes() throws Exception {
        List<CatalogEntry> entries = new ArrayList<>(products(19));
        entries.add(Entries.plain(99).title(null).build());
        entries.add(Entries.plain(100).deleted(true).build());

        PublishResult r = publisher().publish("google.xml", Channel.GOOGLE_XML, options, entries.iterator());

        assertTrue(r.published(), r.message());
        assertEquals(19, r.itemsWritten());
        assertEquals(1, r.itemsInvalid());
        assertEquals(1, r.itemsDeleted());
        assertEquals(-1, r.previousItemCount());
        assertEquals("SP-99", r.invalidItems().get(0).itemId());
        assertEquals("title", r.invalidItems().get(0).errors().get(0).name());
        Document doc = parse(dir.resolve("google.xml"));
        assertEquals(19, doc.getElementsByTagNameNS("*", "item").getLength());
        assertTrue(Files.getPosixFilePermissions(dir.resolve("google.xml")).contains(PosixFilePermission.OTHERS_READ));
        assertEquals(19, publisher().readLastGoodCount("google.xml"));
    }

    @Test
    void shouldHoldBackWhenTooManyItemsAreInvalidAndKeepTheLastGoodFile() throws Exception {
        publisher()
                .publish("google.xml", Channel.GOOGLE_XML, options, products(20).iterator());
        byte[] good = Files.readAllBytes(dir.resolve("google.xml"));

        List<CatalogEntry> broken = new ArrayList<>(products(17));
        IntStream.range(0, 3)
                .forEach(i -> broken.add(
                        Entries.plain(200 + i).link("http://insecure.example/").build()));
        PublishResult r = publisher().publish("google.xml", Channel.GOOGLE_XML, options, broken.iterator());

        assertEquals(PublishResult.Status.HELD_BACK, r.status());
        assertEquals(List.of(PublishResult.HoldReason.TOO_MANY_INVALID), r.reasons());
        assertTrue(r.message().contains("3 of 20 items (15.0 %) failed validation"), r.message());
        assertFalse(r.message().contains(dir.toString()), "no path in the message: " + r.message());
        assertEquals(dir.resolve("google.xml"), r.feed());
        assertEquals(3, r.invalidItems().size());
        assertArrayEquals(good, Files.readAllBytes(dir.resolve("google.xml")));
        assertNoTempFiles();
    }

    @Test
    void shouldHoldBackWhenTheCatalogShrinksSuspiciously() throws Exception {
        publisher().publish("meta.csv", Channel.META_CSV, options, products(100).iterator());
        byte[] good = Files.readAllBytes(dir.resolve("meta.csv"));

        PublishResult r = publisher()
                .publish("meta.csv", Channel.META_CSV, options, products(49).iterator());

        assertFalse(r.published());
        assertEquals(List.of(PublishResult.HoldReason.CATALOG_SHRANK), r.reasons());
        assertEquals(100, r.previousItemCount());
        assertArrayEquals(good, Files.readAllBytes(dir.resolve("meta.csv")));

        PublishResult halved = publisher()
                .publish("meta.csv", Channel.META_CSV, options, products(50).iterator());
        assertTrue(halved.published(), "exactly 50 % fewer is allowed: " + halved.message());
    }

    @Test
    void shouldCountOutOfStockButNotDeletedItemsAgainstShrinkage() throws Exception {
        publisher().publish("g.xml", Channel.GOOGLE_XML, options, products(10).iterator());
        List<CatalogEntry> soldOut = IntStream.range(0, 10)
                .mapToObj(i ->
                        Entries.plain(i).availability(Availability.OUT_OF_STOCK).build())
                .toList();
        PublishResult allSoldOut = publisher().publish("g.xml", Channel.GOOGLE_XML, options, soldOut.iterator());
        assertTrue(allSoldOut.published(), allSoldOut.message());
        assertEquals(10, allSoldOut.itemsWritten());

        List<CatalogEntry> mostlyDeleted = new ArrayList<>();
        products(10).forEach(e -> mostlyDeleted.add(e.id().equals("SP-0") ? e : e.asDeleted()));
        PublishResult r = publisher().publish("g.xml", Channel.GOOGLE_XML, options, mostlyDeleted.iterator());
        assertEquals(List.of(PublishResult.HoldReason.CATALOG_SHRANK), r.reasons());
        assertEquals(9, r.itemsDeleted());
    }

    @Test
    void shouldKeepTheLastGoodFeedWhenTheCatalogFailsMidway() throws Exception {
        publisher().publish("g.xml", Channel.GOOGLE_XML, options, products(5).iterator());
        byte[] good = Files.readAllBytes(dir.resolve("g.xml"));
        Iterator<CatalogEntry> failing = Stream.concat(products(3).stream(), Stream.<CatalogEntry>generate(() -> {
                    throw new IllegalStateException("database went away");
                }))
                .iterator();

        assertThrows(
                IllegalStateException.class, () -> publisher().publish("g.xml", Channel.GOOGLE_XML, options, failing));
        assertArrayEquals(good, Files.readAllBytes(dir.resolve("g.xml")));
        assertNoTempFiles();
    }

    @Test
    void shouldRejectFileNamesThatLeaveTheDirectory() {
        assertThrows(
                IllegalArgumentException.class,
                () -> publisher()
                        .publish(
                                "../x.xml",
                                Channel.GOOGLE_XML,
                                options,
                                products(1).iterator()));
    }

    private FeedPublisher publisher() {
        return new FeedPublisher(dir, PublishPolicy.DEFAULT, Clock.systemUTC());
    }

    private static List<CatalogEntry> products(int n) {
        return IntStream.range(0, n).mapToObj(i -> Entries.plain(i).build()).toList();
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(), files.filter(p -> p.toString().endsWith(".tmp")).toList());
        }
    }

    private static Document parse(Path file) throws Exception {
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }
}

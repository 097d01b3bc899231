package vn.temso.listing.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.FeedOptions;
import vn.temso.catalog.publish.PublishPolicy;
import vn.temso.catalog.publish.PublishResult;
import vn.temso.catalog.validate.FeedValidator;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.gs1.Gtin;
import vn.temso.listing.control.AreaCatalog;
import vn.temso.listing.control.AreaFeedRegenerator;
import vn.temso.listing.control.AreaScan;
import vn.temso.listing.control.AreaScope;
import vn.temso.listing.entity.Listing;
import vn.temso.platform.files.DatabaseFileStore;
import vn.temso.platform.files.DerbyFiles;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;

/**
 * The province feed benchmark (bench/province-feed.sh): {@code seed} writes {@code n} qualifying products (200
 * consenting cooperatives, an active 3-5 star certificate and a live Google listing each; plus a tenth as many that
 * do not qualify: no consent, lapsed certificate, withdrawn listing) into an embedded Derby database with the real
 * schema; {@code run} regenerates the province google-xml feed exactly as the service does (AreaScan table scans on a
 * connection of their own, CatalogEntries, FeedPublisher with the Google validator, written into the database file
 * store) and prints the time against the 5 s target and the heap used against 128 MB. {@code -Dread=pages} reads
 * AreaCatalog pages instead (each in its own entity manager), as commune feeds do, for comparison.
 * Run {@code run} with -Xmx128m: the limit itself is part of the test.
 *
 * <p>Usage: {@code ProvinceFeedBench seed <derby dir> <products>} then {@code ProvinceFeedBench run <derby dir>}
 */
public final class ProvinceFeedBench {

    static final String BASE = "https://tem.temso.test";
    static final double TARGET_SECONDS = 5.0;
    static final long HEAP_LIMIT = 128L << 20;
    static final int COOPERATIVES = 200;

    private ProvinceFeedBench() {}

    public static void main(String[] args) throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(args[1]);
        ds.setCreateDatabase("create");
        migrate(ds); // a kept database gets changesets added since it was seeded
        if ("seed".equals(args[0])) {
            seed(ds, Integer.parseInt(args[2]));
        } else {
            run(ds);
        }
    }

    public static void migrate(EmbeddedDataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
            new Liquibase(
                            "db/changelog/db.changelog-master.xml",
                            new ClassLoaderResourceAccessor(ProvinceFeedBench.class.getClassLoader()),
                            database)
                    .update("");
            if (!c.getAutoCommit()) {
                c.commit(); // nothing to do leaves Liquibase's lock check open
            }
        }
    }

    public static EntityManagerFactory jpa(EmbeddedDataSource ds) {
        Map<String, Object> p = new HashMap<>();
        // the WAR's persistence unit, outside the container: resource-local on the same database
        p.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        p.put("jakarta.persistence.jtaDataSource", "");
        p.put("jakarta.persistence.nonJtaDataSource", ds);
        p.put("eclipselink.target-server", "None");
        p.put("eclipselink.weaving", "false");
        p.put("eclipselink.logging.level", "WARNING");
        if (System.getProperty("bind") != null) {
            p.put("eclipselink.jdbc.bind-parameters", System.getProperty("bind"));
        }
        return Persistence.createEntityManagerFactory("temso", p);
    }

    static void seed(EmbeddedDataSource ds, int products) {
        Instant now = Instant.now();
        LocalDate today = FarmTime.today(Clock.systemUTC());
        EntityManagerFactory emf = jpa(ds);
        int extra = products / 10;
        long t0 = System.nanoTime();
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        Cooperative[] coops = new Cooperative[COOPERATIVES + 1];
        for (int i = 0; i <= COOPERATIVES; i++) {
            Cooperative c = new Cooperative("Hợp tác xã Nông nghiệp số " + i, CooperativeKind.COOPERATIVE, null, now);
            c.locate("Ấp " + i, "Xã Bình Tịnh " + (i % 40), "Tân Trụ", "Long An");
            c.consentToCatalog(i < COOPERATIVES); // the last one does not consent
            em.persist(c);
            coops[i] = c;
        }
        em.getTransaction().commit();
        em.close();
        for (int from = 0; from < products + extra; from += 1000) {
            em = emf.createEntityManager();
            em.getTransaction().begin();
            for (int i = from; i < Math.min(products + extra, from + 1000); i++) {
                boolean qualifies = i < products;
                int kind = i % 3; // what keeps an extra product out
                Cooperative c = qualifies || kind != 0
                        ? em.getReference(Cooperative.class, coops[i % COOPERATIVES].getId())
                        : em.getReference(Cooperative.class, coops[COOPERATIVES].getId());
                Product p = new Product(c, "0" + Gtin.withCheckDigit(String.format("893%09d", i)), now);
                p.describe(
                        "Gạo thơm ST25 Tân Trụ – túi 5 kg số " + i,
                        "Gạo ST25 vụ Đông Xuân, \"thơm dẻo\" & ngon, đóng túi 5 kg tại hợp tác xã.",
                        "Gạo",
                        "túi 5 kg",
                        185000L + i,
                        "https://tem.temso.test/images/" + i + ".jpg",
                        now);
                LocalDate decided = !qualifies && kind == 1 ? today.minusYears(4) : today.minusMonths(i % 30);
                p.certifyOcop(
                        new OcopCertificate(
                                3 + i % 3, null, null, i + "/QĐ-UBND", decided, OcopLevel.PROVINCE, "UBND tỉnh", null),
                        now);
                em.persist(p);
                Listing l = new Listing(p, Channel.GOOGLE_XML, now);
                if (!qualifies && kind == 2) {
                    l.change(true, l.getAvailability(), true, now); // withdrawn
                }
                em.persist(l);
                if (qualifies && i % 4 == 0) {
                    em.persist(new Listing(p, Channel.META_CSV, now)); // two listings, one entry
                }
            }
            em.getTransaction().commit();
            em.close();
        }
        emf.close();
        System.out.printf(
                Locale.ROOT,
                "seeded %,d qualifying products and %,d that do not qualify in %.1f s%n",
                products,
                extra,
                (System.nanoTime() - t0) / 1e9);
    }

    static void run(EmbeddedDataSource ds) throws Exception {
        EntityManagerFactory emf = jpa(ds);
        DatabaseFileStore files = DerbyFiles.store(ds);
        Clock clock = Clock.systemUTC();
        List<String> coops;
        EntityManager em = emf.createEntityManager();
        try {
            coops = AreaCatalog.consenting(em).stream().map(Cooperative::getId).toList();
        } finally {
            em.close();
        }
        // -Dtarget=directory: the same into files on disk, to tell the file store's share of the time
        boolean directory = "directory".equals(System.getProperty("target"));
        // -Dread=pages: the catalogue page's keyset pages instead of the feed's table scans (AreaScan)
        boolean scan = !"pages".equals(System.getProperty("read"));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("area-feed");
        for (int round = 1; round <= Integer.getInteger("rounds", 3); round++) {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            LocalDate today = FarmTime.today(clock);
            long[] reading = {0};
            HeapWatch watch = new HeapWatch();
            long t0 = System.nanoTime();
            Scan opened = null;
            PublishResult r = AreaFeedRegenerator.publish(
                    directory
                            ? new vn.temso.catalog.publish.DirectoryFeedTarget(dir, clock)
                            : AreaFeedRegenerator.target(files, AreaScope.PROVINCE, clock),
                    AreaFeedRegenerator.policy(new PublishPolicy(0.10, 0.50, 1000)),
                    Channel.GOOGLE_XML,
                    FeedOptions.forDay(today).withFeedHeader("Sản phẩm OCOP tỉnh Long An", BASE, "OCOP"),
                    FeedValidator.forChannel(Channel.GOOGLE_XML),
                    scan
                            ? AreaFeedRegenerator.entries(timed(opened = scan(ds, coops, today), reading), BASE, today)
                            : AreaFeedRegenerator.entries(
                                    (after, size) -> {
                                        long s0 = System.nanoTime();
                                        List<AreaCatalog.Row> rows = page(emf, coops, after, size, today);
                                        reading[0] += System.nanoTime() - s0;
                                        return rows;
                                    },
                                    BASE,
                                    today));
            if (opened != null) {
                opened.close();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long peak = watch.stop();
            long size = directory
                    ? java.nio.file.Files.size(dir.resolve("google-xml.xml"))
                    : files.find(AreaScope.PROVINCE.prefix() + "google-xml.xml")
                            .orElseThrow()
                            .size();
            System.out.printf(
                    Locale.ROOT,
                    "round %d (%s, %s): %s, %,d items, %.1f MB file, %.2f s (%.2f of the %.0f s target; reading %.2f s),"
                            + " heap used at most %.1f MB of %d MB (%.2f; live after a collection at most %.1f MB),"
                            + " max heap %d MB%n",
                    round,
                    scan ? "table scans" : "pages",
                    directory ? "to a directory" : "to the database file store",
                    r.published() ? "published" : "HELD BACK: " + r.message(),
                    r.itemsWritten(),
                    size / 1e6,
                    seconds,
                    seconds / TARGET_SECONDS,
                    TARGET_SECONDS,
                    reading[0] / 1e9,
                    peak / 1048576.0,
                    HEAP_LIMIT >> 20,
                    (double) peak / HEAP_LIMIT,
                    watch.liveAfterGc() / 1048576.0,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        emf.close();
    }

    /**
     * The heap used, sampled every 2 ms while a round runs (garbage not yet collected included), and the most that
     * was still live after a collection (what the work really holds).
     */
    static final class HeapWatch {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;

        HeapWatch() {
            thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(
                            peak,
                            ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed());
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }

        long liveAfterGc() {
            long live = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    live += pool.getCollectionUsage().getUsed();
                }
            }
            return live;
        }
    }

    /** The scan on a connection of its own, in one transaction as in the service; closing it ends both. */
    private static final class Scan implements AutoCloseable {
        final java.sql.Connection connection;
        final AreaScan rows;

        Scan(java.sql.Connection connection, AreaScan rows) {
            this.connection = connection;
            this.rows = rows;
        }

        @Override
        public void close() throws Exception {
            try (connection) {
                rows.close();
                connection.commit();
            }
        }
    }

    private static Scan scan(EmbeddedDataSource ds, List<String> coops, LocalDate today) throws Exception {
        java.sql.Connection c = ds.getConnection();
        c.setAutoCommit(false);
        return new Scan(c, AreaScan.open(c, coops, today));
    }

    /** The scan's rows, the time spent reading them added to {@code reading[0]}. */
    private static java.util.stream.Stream<AreaCatalog.Row> timed(Scan scan, long[] reading) {
        java.util.Iterator<AreaCatalog.Row> timed = new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                long s0 = System.nanoTime();
                boolean more = scan.rows.hasNext();
                reading[0] += System.nanoTime() - s0;
                return more;
            }

            @Override
            public AreaCatalog.Row next() {
                return scan.rows.next();
            }
        };
        return java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(timed, java.util.Spliterator.ORDERED), false);
    }

    /** One page in its own entity manager, as each page is its own transaction in the service. */
    private static List<AreaCatalog.Row> page(
            EntityManagerFactory emf, List<String> coops, String after, int size, LocalDate today) {
        EntityManager em = emf.createEntityManager();
        try {
            return AreaCatalog.page(em, coops, after, size, today);
        } finally {
            em.close();
        }
    }
}

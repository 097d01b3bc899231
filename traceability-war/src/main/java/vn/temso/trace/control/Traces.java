package vn.temso.trace.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.stamp.StampVerifier;
import vn.temso.stamp.Verification;
import vn.temso.stamp.key.KeyLookup;
import vn.temso.stamping.control.StampKeys;
import vn.temso.stamping.control.Stamps;
import vn.temso.stamping.entity.ScanTotals;
import vn.temso.stamping.entity.Stamp;

/** Resolves scanned stamp URLs into verdicts and trace records; records scans; applies the clone rules. */
@ApplicationScoped
public class Traces {

    @PersistenceContext
    EntityManager em;

    @Inject
    StampKeys keys;

    @Inject
    ScanLedger ledger;

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "temso.trace.cache-seconds", defaultValue = "10")
    int cacheSeconds;

    @Inject
    BatchRecords batchRecords;

    /** Time of scans for the clone rules (the rules themselves are tested with a clock of their own). */
    Clock clock = Clock.systemUTC();

    @Inject
    ScanWriter writer;

    @Inject
    Stamps stamps;

    /**
     * A verifier per key set, with the stamp URLs it found genuine: a key rotation or revocation drops both. The key
     * set is asked for again when public content changed (key changes are signalled like the others) or after 5 s.
     */
    private record Checks(KeyLookup keys, StampVerifier verifier, ConcurrentHashMap<String, Verification> genuine,
                          long generation, long checkedNanos) {
    }

    private static final long KEYS_RECHECK_NANOS = 5_000_000_000L;

    static final int MAX_REMEMBERED_STAMPS = 200_000;

    private volatile Checks checks;
    private volatile TraceCache cache;
    private Semaphore dbReaders;

    @Inject
    @ConfigProperty(name = "temso.trace.db-concurrency", defaultValue = "4")
    int dbConcurrency;


    private volatile ScanHashes hashes;

    private Checks checks() {
        Checks c = checks;
        if (c != null && c.generation() == PublicContent.generation()
                && System.nanoTime() - c.checkedNanos() < KEYS_RECHECK_NANOS) {
            return c; // the usual case: no call into StampKeys at all
        }
        synchronized (this) { // one new set of checks per key set, not one per request thread that noticed
            long generation = PublicContent.generation();
            KeyLookup current = keys.lookup();
            c = checks;
            checks = c != null && c.keys() == current
                    ? new Checks(current, c.verifier(), c.genuine(), generation, System.nanoTime())
                    : new Checks(current, new StampVerifier(current, baseUrl), new ConcurrentHashMap<>(), generation,
                    System.nanoTime());
            return checks;
        }
    }

    /**
     * Verifies a stamp URL. A URL found genuine is remembered (exact string, per key set): the signature of the same
     * bytes under the same keys cannot change, and a phone re-scanning a package should not cost an Ed25519
     * verification each time. Anything not genuine is checked in full every time.
     */
    public Verification verify(String stampUrl) {
        Checks c = checks();
        Verification known = c.genuine().get(stampUrl);
        if (known != null) {
            return known;
        }
        Verification v = c.verifier().verify(stampUrl);
        if (v.isGenuine()) {
            if (c.genuine().size() >= MAX_REMEMBERED_STAMPS) {
                c.genuine().clear();
            }
            c.genuine().put(stampUrl, v);
        }
        return v;
    }

    private TraceCache cache() {
        TraceCache c = cache;
        if (c == null) {
            c = new TraceCache(Duration.ofSeconds(Math.max(0, cacheSeconds)), 10_000, PublicContent::generation,
                    System::nanoTime);
            cache = c;
        }
        return c;
    }

    /** What a scan needs of the stamp and its batch. */
    private record StampRow(String id, String kid, Stamp.Status status, String voidReason, String url,
                            boolean suspicious, String batchId, String lot, BatchStatus batchStatus,
                            String batchStatusReason, int batchVersion) {
        StampRow flagged() {
            return new StampRow(id, kid, status, voidReason, url, true, batchId, lot, batchStatus, batchStatusReason,
                    batchVersion);
        }
    }

    /** Stamp statuses live this long at most; every void, recall or edit drops them at once anyway. */
    static final Duration STATUS_TTL = Duration.ofMinutes(5);

    private final StampStatusCache<StampRow> statuses = new StampStatusCache<>(STATUS_TTL, MAX_REMEMBERED_STAMPS,
            PublicContent::generation, System::nanoTime);

    /**
     * From memory while nothing changed (see {@link StampStatusCache}): a void or a recall shows at the next scan on
     * this instance and within the change-signal poll interval on the others.
     */
    private Optional<StampRow> stampRow(String gtin14, String serial) {
        return statuses.get(gtin14 + "/" + serial, () -> readStampRowLimited(gtin14, serial));
    }

    private Optional<StampRow> readStampRowLimited(String gtin14, String serial) {
        // Derby latches index pages exclusively, even to read them: dozens of request threads reading the same
        // pages at once spend their time waiting and waking each other; a few at a time get through faster
        dbReaders.acquireUninterruptibly();
        try {
            return readStampRow(gtin14, serial);
        } finally {
            dbReaders.release();
        }
    }

    @PostConstruct
    void init() {
        // made once, before any scan: a semaphore replaced while permits are out would lose them
        dbReaders = new Semaphore(Math.max(1, dbConcurrency), true);
    }

    private Optional<StampRow> readStampRow(String gtin14, String serial) {
        List<Object[]> rows = em.createQuery("SELECT s.id, s.kid, s.status, s.voidReason, s.url, s.suspicious,"
                        + " b.id, b.lotCode, b.status, b.statusReason, b.version"
                        + " FROM Stamp s JOIN s.batch b WHERE s.id = :id", Object[].class)
                .setParameter("id", Stamp.idFor(gtin14, serial)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new StampRow((String) r[0], (String) r[1], (Stamp.Status) r[2], (String) r[3],
                (String) r[4], r[5] instanceof Boolean b ? b : r[5] instanceof Number n && n.intValue() != 0,
                (String) r[6], (String) r[7], (BatchStatus) r[8], (String) r[9], ((Number) r[10]).intValue()));
    }

    /**
     * A full stamp URL (base + path + query) as scanned. Runs without a transaction and, once a stamp was seen, without
     * reading the database: its status from memory, the batch part from the cache, the scan counted in memory and
     * written in the background ({@link ScanLedger}).
     */
    public TraceRecord scan(String stampUrl, String gtin, String lot, String serial, ScanHashes.Scanner scanner) {
        Verification v = verify(stampUrl);
        if (!v.isGenuine()) {
            String why = switch (v.verdict()) {
                case KEY_REVOKED -> "KEY_REVOKED";
                case UNKNOWN_KEY -> "UNKNOWN_KEY";
                case BAD_SIGNATURE -> "BAD_SIGNATURE";
                default -> "MALFORMED";
            };
            return TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_GENUINE, why, gtin, lot, serial);
        }
        var s = v.stamp();
        Optional<StampRow> found = stampRow(s.gtin14(), s.serial());
        if (found.isEmpty() || !found.get().kid().equals(s.kid()) || !found.get().lot().equals(s.lot())) {
            return TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_GENUINE, "UNKNOWN_SERIAL", s.gtin14(), s.lot(), s.serial());
        }
        StampRow stamp = found.get();
        boolean voided = stamp.status() == Stamp.Status.VOIDED;
        boolean recalled = stamp.batchStatus() == BatchStatus.RECALLED;
        String id = stamp.id();
        CloneRules.Outcome seen = ledger.record(id, () -> stored(id), clock.instant(), scanner.clientHash(),
                scanner.networkHash());
        CloneRules.Decision d = ledger.rules().decide(voided, stamp.voidReason(), recalled,
                stamp.batchStatusReason(), seen);
        if (d.flag() != null && !stamp.suspicious()) {
            writer.flag(stamp.id(), d.flag()); // once per stamp: later scans see it flagged
            statuses.update(s.gtin14() + "/" + s.serial(), StampRow::flagged);
        }
        TraceParts p = cache().get(stamp.batchId(), stamp.batchVersion(), () -> batchRecords.load(stamp.batchId()));
        return new TraceRecord(d.verdict(), d.reason(), p.gtin(), p.lot(), s.serial(), seen.count(), seen.firstScanAt(),
                p.product(), p.producer(), p.batch(), p.zones(), p.stages(), p.ocopStars(), p.ocopValidUntil(),
                stamp.url(), seen.places(), seen.placesCapped(), seen.firstScanHere());
    }

    /**
     * What was written of a stamp, for the clone rules: read once when this instance first sees it (or after its
     * history was evicted), never at later scans. Networks in order of first scan, as many as the rules remember.
     */
    private ScanLedger.Stored stored(String stampId) {
        ScanTotals totals = stamps.scanTotals(List.of(stampId)).getOrDefault(stampId, ScanTotals.NONE);
        if (totals.count() == 0) {
            return new ScanLedger.Stored(totals, List.of()); // the usual first scan: one query, not two
        }
        List<CloneRules.SeenNetwork> networks = writer.networks(stampId, ledger.rules().networkCap());
        return new ScanLedger.Stored(totals, networks);
    }

    /** The lot page: the batch record, which cannot vouch for any single package. */
    public TraceRecord lot(String gtin14, String lot) {
        List<Object[]> rows = em.createQuery("SELECT b.id, b.version, b.status, b.statusReason FROM Batch b"
                        + " WHERE b.product.gtin = :g AND b.lotCode = :l", Object[].class)
                .setParameter("g", gtin14).setParameter("l", lot).getResultList();
        if (rows.isEmpty()) {
            return TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_FOUND, null, gtin14, lot, null);
        }
        Object[] r = rows.get(0);
        String batchId = (String) r[0];
        TraceParts p = cache().get(batchId, ((Number) r[1]).intValue(), () -> batchRecords.load(batchId));
        boolean recalled = r[2] == BatchStatus.RECALLED;
        return new TraceRecord(recalled ? TraceRecord.Verdict.RECALLED : TraceRecord.Verdict.LOT_ONLY,
                (String) r[3], p.gtin(), p.lot(), null, null, null, p.product(), p.producer(), p.batch(), p.zones(),
                p.stages(), p.ocopStars(), p.ocopValidUntil(), null);
    }

    /** The scanner at this address (see {@link ScanHashes#scanner}): no user agent, never the raw address. */
    public ScanHashes.Scanner scanner(String address) {
        return hashes().scanner(address);
    }

    /** HMAC of address and user agent under a server secret: comparable, not reversible, never the raw address. */
    public String clientHash(String address, String userAgent) {
        return hashes().hmac(address + "|" + (userAgent == null ? "" : userAgent));
    }

    private ScanHashes hashes() {
        ScanHashes h = hashes;
        if (h == null) {
            h = new ScanHashes(keys.scanSalt()); // the salt is fixed for the life of the application
            hashes = h;
        }
        return h;
    }

}

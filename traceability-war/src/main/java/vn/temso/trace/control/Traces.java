package vn.temso.trace.control;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.platform.cache.Bounded;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.platform.persistence.StorageFaults;
import vn.temso.platform.security.ClientAddress;
import vn.temso.stamp.InvalidStampException;
import vn.temso.stamp.StampUrl;
import vn.temso.stamp.StampVerifier;
import vn.temso.stamp.Verdict;
import vn.temso.stamp.Verification;
import vn.temso.stamp.key.KeyLookup;
import vn.temso.stamping.control.StampKeys;
import vn.temso.stamping.control.Stamps;
import vn.temso.stamping.entity.ScanTotals;
import vn.temso.stamping.entity.Stamp;

/** Resolves scanned stamp URLs into verdicts and trace records; records scans; applies the clone rules. */
@ApplicationScoped
public class Traces {

    private static final Logger LOG = Logger.getLogger(Traces.class.getName());

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
    @Inject
    Clock clock;

    @Inject
    ScanWriter writer;

    @Inject
    Stamps stamps;

    /**
     * A verifier per key set, with the stamps it found genuine: a key rotation or revocation drops both. The key
     * set is asked for again when public content changed (key changes are signalled like the others) or after 5 s.
     */
    private record Checks(
            KeyLookup keys,
            StampVerifier verifier,
            Cache<StampUrl, Verification> genuine,
            long generation,
            long checkedNanos) {}

    private static final long KEYS_RECHECK_NANOS = 5_000_000_000L;

    static final int MAX_REMEMBERED_STAMPS = 200_000;
    /** Estimated bytes of the genuine stamps remembered per key set (about 600 bytes each: 200,000 fit). */
    static final long MAX_GENUINE_BYTES = 128L << 20;
    /** Estimated bytes of the stamp statuses kept (about 800 bytes each: 200,000 fit). */
    static final long MAX_STATUS_BYTES = 160L << 20;
    /** Trace parts (zone outlines included) of this many batches and bytes at most. */
    static final int MAX_BATCH_PARTS = 10_000;

    static final long MAX_BATCH_PARTS_BYTES = 64L << 20;

    private volatile Checks checks;
    private volatile TraceCache cache;
    private Semaphore dbReaders;

    @Inject
    @ConfigProperty(name = "temso.trace.db-concurrency", defaultValue = "4")
    int dbConcurrency;

    private volatile ScanHashes hashes;

    private Checks checks() {
        Checks c = checks;
        if (c != null
                && c.generation() == PublicContent.generation()
                && System.nanoTime() - c.checkedNanos() < KEYS_RECHECK_NANOS) {
            return c; // the usual case: no call into StampKeys at all
        }
        synchronized (this) { // one new set of checks per key set, not one per request thread that noticed
            long generation = PublicContent.generation();
            KeyLookup current = keys.lookup();
            c = checks;
            checks = c != null && c.keys() == current
                    ? new Checks(current, c.verifier(), c.genuine(), generation, System.nanoTime())
                    : new Checks(
                            current,
                            new StampVerifier(current, baseUrl),
                            genuineCache(),
                            generation,
                            System.nanoTime());
            return checks;
        }
    }

    static Cache<StampUrl, Verification> genuineCache() {
        return Bounded.<StampUrl, Verification>builder(
                        MAX_REMEMBERED_STAMPS,
                        MAX_GENUINE_BYTES,
                        (s, v) -> 400
                                + Bounded.chars(s.baseUrl())
                                + Bounded.chars(s.lot())
                                + Bounded.chars(s.serial())
                                + Bounded.chars(v.reason()))
                .build();
    }

    /**
     * Verifies a stamp URL. A stamp found genuine is remembered per key set, keyed by the parsed stamp (base URL, GTIN,
     * lot, serial, key id and signature: what is signed and the signature), not by the URL as typed: query
     * parameters the stamp ignores, or a host written in capitals, cannot make a new entry, and a URL that differs in
     * anything signed or in its signature is verified in full. The signature over the same fields under the same keys
     * cannot change, and a phone re-scanning a package should not cost an Ed25519 verification each time. Anything
     * not genuine is checked in full every time.
     */
    public Verification verify(String stampUrl) {
        Checks c = checks();
        StampUrl stamp;
        try {
            stamp = c.verifier().parse(stampUrl);
        } catch (InvalidStampException e) {
            return new Verification(Verdict.MALFORMED, e.getMessage(), null);
        }
        Verification known = c.genuine().getIfPresent(stamp);
        if (known != null) {
            return known;
        }
        Verification v = c.verifier().verify(stamp);
        if (v.isGenuine()) {
            c.genuine().put(stamp, v);
        }
        return v;
    }

    /** Genuine stamps remembered under the current key set, after pending evictions (for tests). */
    long rememberedStamps() {
        Cache<StampUrl, Verification> genuine = checks().genuine();
        genuine.cleanUp();
        return genuine.estimatedSize();
    }

    private TraceCache cache() {
        TraceCache c = cache;
        if (c == null) {
            c = new TraceCache(
                    Duration.ofSeconds(Math.max(0, cacheSeconds)),
                    MAX_BATCH_PARTS,
                    MAX_BATCH_PARTS_BYTES,
                    PublicContent::generation,
                    System::nanoTime);
            cache = c;
        }
        return c;
    }

    /** What a scan needs of a stamp and its batch, read in one query (public: the query constructs it). */
    public record StampRow(
            String id,
            String kid,
            Stamp.Status status,
            String voidReason,
            String url,
            boolean suspicious,
            String batchId,
            String lot,
            BatchStatus batchStatus,
            String batchStatusReason,
            int batchVersion) {
        StampRow flagged() {
            return new StampRow(
                    id, kid, status, voidReason, url, true, batchId, lot, batchStatus, batchStatusReason, batchVersion);
        }
    }

    /** Stamp statuses live this long at most; every void, recall or edit drops them at once anyway. */
    static final Duration STATUS_TTL = Duration.ofMinutes(5);

    private final StampStatusCache<StampRow> statuses = new StampStatusCache<>(
            STATUS_TTL,
            MAX_REMEMBERED_STAMPS,
            MAX_STATUS_BYTES,
            r -> 200
                    + Bounded.chars(r.id())
                    + Bounded.chars(r.voidReason())
                    + Bounded.chars(r.url())
                    + Bounded.chars(r.batchId())
                    + Bounded.chars(r.lot())
                    + Bounded.chars(r.batchStatusReason()),
            PublicContent::generation,
            System::nanoTime);

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
        return em
                .createQuery(
                        "SELECT NEW vn.temso.trace.control.Traces.StampRow(s.id, s.kid, s.status, s.voidReason,"
                                + " s.url, s.suspicious, b.id, b.lotCode, b.status, b.statusReason, b.version)"
                                + " FROM Stamp s JOIN s.batch b WHERE s.id = :id",
                        StampRow.class)
                .setParameter("id", Stamp.idFor(gtin14, serial))
                .getResultList()
                .stream()
                .findFirst();
    }

    /**
     * A full stamp URL (base + path + query) as scanned. Runs without a transaction and, once a stamp was seen, without
     * reading the database: its status from memory, the batch part from the cache, the scan counted in memory and
     * written in the background ({@link ScanLedger}).
     */
    public TraceRecord scan(String stampUrl, String gtin, String lot, String serial, ScanHashes.Scanner scanner) {
        Issued issued = issued(stampUrl, gtin, lot, serial);
        if (issued.refused() != null) {
            return issued.refused();
        }
        var s = issued.stamp();
        StampRow stamp = issued.row();
        boolean voided = stamp.status() == Stamp.Status.VOIDED;
        boolean recalled = stamp.batchStatus() == BatchStatus.RECALLED;
        String id = stamp.id();
        CloneRules.Outcome seen =
                ledger.record(id, () -> stored(id), clock.instant(), scanner.clientHash(), scanner.networkHash());
        CloneRules.Decision d =
                ledger.rules().decide(voided, stamp.voidReason(), recalled, stamp.batchStatusReason(), seen);
        if (d.flag() != null && !stamp.suspicious()) {
            try {
                writer.flag(stamp.id(), d.flag()); // once per stamp: later scans see it flagged
                statuses.update(s.gtin14() + "/" + s.serial(), StampRow::flagged);
            } catch (RuntimeException e) {
                if (!StorageFaults.isStorageFault(e)) {
                    throw e;
                }
                // the buyer still gets the verdict; the flag is written at a later scan, once storage is back
                LOG.warning(() -> "Flagging stamp " + stamp.id() + " failed (storage unavailable): " + e);
            }
        }
        TraceParts p = cache().get(stamp.batchId(), stamp.batchVersion(), () -> batchRecords.load(stamp.batchId()));
        return TraceRecord.builder(d.verdict())
                .reason(d.reason())
                .parts(p)
                .serial(s.serial())
                .stampUrl(stamp.url())
                .scanCount(seen.count())
                .firstScanAt(seen.firstScanAt())
                .scanPlaces(seen.places())
                .scanPlacesAtLeast(seen.placesCapped())
                .firstScanHere(seen.firstScanHere())
                .build();
    }

    /**
     * The verdict on a stamp URL without counting a scan (a link preview of a shared stamp, not a buyer at a package):
     * the signature and the issued stamp are checked as for a scan; the verdict is then what the stamp's stored state
     * says (voided, recalled, already flagged as a suspected copy, else genuine), without the scan history.
     */
    public TraceRecord preview(String stampUrl, String gtin, String lot, String serial) {
        Issued issued = issued(stampUrl, gtin, lot, serial);
        if (issued.refused() != null) {
            return issued.refused();
        }
        StampRow stamp = issued.row();
        TraceRecord.Verdict verdict;
        String reason = null;
        if (stamp.status() == Stamp.Status.VOIDED) {
            verdict = TraceRecord.Verdict.VOIDED;
            reason = stamp.voidReason();
        } else if (stamp.batchStatus() == BatchStatus.RECALLED) {
            verdict = TraceRecord.Verdict.RECALLED;
            reason = stamp.batchStatusReason();
        } else {
            verdict = stamp.suspicious() ? TraceRecord.Verdict.SUSPICIOUS : TraceRecord.Verdict.GENUINE;
        }
        TraceParts p = cache().get(stamp.batchId(), stamp.batchVersion(), () -> batchRecords.load(stamp.batchId()));
        return TraceRecord.builder(verdict)
                .reason(reason)
                .parts(p)
                .serial(issued.stamp().serial())
                .stampUrl(stamp.url())
                .build();
    }

    /** A stamp URL checked against the keys and the issued stamps: the stamp and its row, or the refusal to show. */
    private record Issued(TraceRecord refused, StampUrl stamp, StampRow row) {}

    private Issued issued(String stampUrl, String gtin, String lot, String serial) {
        Verification v = verify(stampUrl);
        if (!v.isGenuine()) {
            String why = switch (v.verdict()) {
                case KEY_REVOKED -> "KEY_REVOKED";
                case UNKNOWN_KEY -> "UNKNOWN_KEY";
                case BAD_SIGNATURE -> "BAD_SIGNATURE";
                default -> "MALFORMED";
            };
            return new Issued(
                    TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_GENUINE, why, gtin, lot, serial), null, null);
        }
        var s = v.stamp();
        Optional<StampRow> found = stampRow(s.gtin14(), s.serial());
        if (found.isEmpty()
                || !found.get().kid().equals(s.kid())
                || !found.get().lot().equals(s.lot())) {
            return new Issued(
                    TraceRecord.verdictOnly(
                            TraceRecord.Verdict.NOT_GENUINE, "UNKNOWN_SERIAL", s.gtin14(), s.lot(), s.serial()),
                    null,
                    null);
        }
        return new Issued(null, s, found.get());
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
        List<CloneRules.SeenNetwork> networks =
                writer.networks(stampId, ledger.rules().networkCap());
        return new ScanLedger.Stored(totals, networks);
    }

    /** The lot page: the batch record, which cannot vouch for any single package. */
    public TraceRecord lot(String gtin14, String lot) {
        Optional<LotRow> found = em
                .createQuery(
                        "SELECT NEW vn.temso.trace.control.Traces.LotRow(b.id, b.version,"
                                + " b.status, b.statusReason) FROM Batch b WHERE b.product.gtin = :g AND b.lotCode = :l",
                        LotRow.class)
                .setParameter("g", gtin14)
                .setParameter("l", lot)
                .getResultList()
                .stream()
                .findFirst();
        if (found.isEmpty()) {
            return TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_FOUND, null, gtin14, lot, null);
        }
        LotRow b = found.get();
        TraceParts p = cache().get(b.batchId(), b.version(), () -> batchRecords.load(b.batchId()));
        boolean recalled = b.status() == BatchStatus.RECALLED;
        return TraceRecord.builder(recalled ? TraceRecord.Verdict.RECALLED : TraceRecord.Verdict.LOT_ONLY)
                .reason(b.statusReason())
                .parts(p)
                .build();
    }

    /** The batch of a lot page: what picks its cached parts and its verdict. */
    public record LotRow(String batchId, int version, BatchStatus status, String statusReason) {}

    /** The scanner at this address (see {@link ScanHashes#scanner}): no user agent, never the raw address. */
    public ScanHashes.Scanner scanner(String address) {
        return hashes().scanner(address);
    }

    /**
     * Who sent a buyer report, for its hourly limit: HMAC of the client address under a server secret (IPv6 by its
     * /64, {@link ClientAddress#key}); comparable, not reversible. Never the user agent, which a script rotates for free.
     */
    public String reporterHash(String address) {
        return hashes().hmac(ClientAddress.key(address));
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

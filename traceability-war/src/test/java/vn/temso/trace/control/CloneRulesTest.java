package vn.temso.trace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.temso.platform.time.FarmTime;
import vn.temso.stamping.entity.ScanTotals;
import vn.temso.trace.control.TraceRecord.Verdict;

/**
 * The clone rules driven by each actor of the threat model (docs/security/clone.md): scans go through the same
 * hashing ({@link ScanHashes}, {@link Networks}), ledger ({@link ScanLedger}) and decision ({@link CloneRules}) as a
 * scan on the trace page, with a clock the test moves. Defaults of the application: more than 6 networks on 2+ days,
 * or more than 3 networks new 60+ days after the first scan.
 */
class CloneRulesTest {

    /** A clock the test moves; scans read it as Traces reads its clock. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-12T02:00:00Z"); // 09:00 in Vietnam

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final TestClock clock = new TestClock();
    private final ScanHashes hashes = new ScanHashes("test-scan-salt".getBytes(StandardCharsets.UTF_8));
    private final CloneRules rules = new CloneRules(6, 2, Duration.ofDays(60), 3, FarmTime.ZONE);
    private final ScanLedger ledger = new ScanLedger();
    private final AtomicInteger loads = new AtomicInteger();
    private final Random random = new Random(12);

    {
        ledger.configure(rules, 1_000);
    }

    /** A scan of a genuine, issued stamp from this address, as {@code Traces.scan} makes it. */
    private CloneRules.Decision scan(String stamp, String address) {
        return scan(stamp, address, false, false);
    }

    private CloneRules.Decision scan(String stamp, String address, boolean voided, boolean recalled) {
        last = record(stamp, address);
        return rules.decide(voided, "In lỗi", recalled, "Dư lượng", last);
    }

    private CloneRules.Outcome last;

    private CloneRules.Outcome record(String stamp, String address) {
        ScanHashes.Scanner who = hashes.scanner(address);
        return ledger.record(
                stamp,
                () -> {
                    loads.incrementAndGet();
                    return new ScanLedger.Stored(ScanTotals.NONE, List.of());
                },
                clock.instant(),
                who.clientHash(),
                who.networkHash());
    }

    private String randomUserAgent() {
        return "Mozilla/5.0 (Linux; Android " + random.nextInt(15) + "; SM-" + random.nextInt(99999) + ") Chrome/"
                + random.nextInt(200) + "." + random.nextInt(9999);
    }

    @Test
    void counterfeiterScansFromManyNetworksOverDaysAreSuspicious() {
        // copies of one stamp sold in many markets: a buyer here and there, on their own networks, day after day
        List<Verdict> verdicts = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            for (int buyer = 0; buyer < 3; buyer++) {
                verdicts.add(scan("copied", "14." + (160 + day) + "." + (buyer * 17) + ".23")
                        .verdict());
                clock.advance(Duration.ofHours(3));
            }
            clock.advance(Duration.ofHours(15));
        }
        // six networks (two days) are still a genuine package's life; the seventh on a second day is not
        assertEquals(
                List.of(Verdict.GENUINE),
                verdicts.subList(0, 6).stream().distinct().toList());
        assertEquals(Verdict.SUSPICIOUS, verdicts.get(6));
        assertEquals(
                List.of(Verdict.SUSPICIOUS),
                verdicts.subList(6, 12).stream().distinct().toList(),
                "it stays");
        CloneRules.Decision d = scan("copied", "14.160.0.23"); // an earlier network again: still suspicious
        assertEquals("MANY_NETWORKS", d.reason());
        assertTrue(d.flag().contains("more than 6 networks"), d.flag());
        assertEquals(13, last.count());
        assertEquals(rules.networkCap(), last.places(), "counted up to the cap, then \"at least\"");
        assertTrue(last.placesCapped());
        assertTrue(last.firstScanHere(), "the first network scanned again");
    }

    @Test
    void counterfeiterSellingLongAfterThePackageShouldBeGoneIsSuspicious() {
        assertEquals(Verdict.GENUINE, scan("late", "113.22.5.9").verdict());
        assertEquals(Verdict.GENUINE, scan("late", "27.72.100.1").verdict()); // the buyer, at home, on 4G
        clock.advance(Duration.ofDays(61));
        assertEquals(Verdict.GENUINE, scan("late", "113.22.5.77").verdict()); // the first network: not new
        assertEquals(Verdict.GENUINE, scan("late", "171.224.3.4").verdict());
        assertEquals(Verdict.GENUINE, scan("late", "171.225.3.4").verdict());
        assertEquals(Verdict.GENUINE, scan("late", "42.113.9.9").verdict());
        CloneRules.Decision fourth = scan("late", "42.114.9.9");
        assertEquals(Verdict.SUSPICIOUS, fourth.verdict());
        assertEquals("LATE_NETWORKS", fourth.reason());
        assertTrue(fourth.flag().contains("more than 3 new networks 60+ days"), fourth.flag());
    }

    @Test
    void vandalScriptingOneAddressWithRandomUserAgentsCannotFlagAStamp() {
        // the user agent is not even an input of a scanner: TraceServlet hashes the address alone
        ScanHashes.Scanner first = hashes.scanner("203.0.113.7");
        for (int i = 0; i < 1_000; i++) {
            randomUserAgent(); // whatever it sends
            assertEquals(first, hashes.scanner("203.0.113.7"));
            assertEquals(Verdict.GENUINE, scan("vandalised", "203.0.113.7").verdict(), "scan " + i);
            clock.advance(Duration.ofMinutes(17)); // over 11 days
        }
        assertEquals(1_000, last.count());
        assertEquals(1, last.places());
    }

    @Test
    void vandalRotatingAddressesInsideItsNetworksCannotFlagAStamp() {
        // any address of an IPv4 /24 and of an IPv6 /48 (a home or a server's allocation), over 40 days
        for (int i = 0; i < 1_000; i++) {
            String v4 = "198.51.100." + random.nextInt(256);
            String v6 = String.format(
                    "2001:db8:42:%x:%x::%x", random.nextInt(65536), random.nextInt(65536), random.nextInt(65536));
            assertEquals(
                    Verdict.GENUINE, scan("vandalised", i % 2 == 0 ? v4 : v6).verdict(), "scan " + i);
            clock.advance(Duration.ofMinutes(57));
        }
        assertEquals(2, last.places());
        // and a few proxies on top, over the next days: 6 networks, the most a stamp may show
        for (String proxy : new String[] {"192.0.2.10", "100.64.7.1", "185.220.101.4", "::ffff:45.33.2.1"}) {
            assertEquals(Verdict.GENUINE, scan("vandalised", proxy).verdict());
            clock.advance(Duration.ofDays(1));
        }
        assertEquals(6, last.places());
    }

    @Test
    void familyWithSixPhonesOnTheHomeWifiStaysGenuine() {
        for (int phone = 0; phone < 6; phone++) {
            for (int again = 0; again < 3; again++) {
                assertEquals(
                        Verdict.GENUINE,
                        scan("family", "192.168.1." + (10 + phone)).verdict());
                clock.advance(Duration.ofMinutes(5));
            }
        }
        assertEquals(18, last.count());
        assertEquals(1, last.places());
        assertTrue(last.firstScanHere());
    }

    @Test
    void shopShowingOnePackageToAHundredCustomersOnItsWifiOverAWeekStaysGenuine() {
        Instant opened = clock.instant();
        for (int i = 0; i < 100; i++) {
            assertEquals(
                    Verdict.GENUINE,
                    scan("shop", "2402:800:63a1:" + Integer.toHexString(i) + "::1")
                            .verdict());
            clock.advance(Duration.ofMinutes(100)); // a week
        }
        assertEquals(100, last.count());
        assertEquals(1, last.places());
        assertEquals(opened, last.firstScanAt());
    }

    @Test
    void buyerOnWifiThenOn4gStaysGenuineAndSeesTwoPlaces() {
        scan("buyer", "113.161.8.20");
        clock.advance(Duration.ofHours(20));
        assertEquals(Verdict.GENUINE, scan("buyer", "27.64.1.2").verdict());
        assertEquals(2, last.places());
        assertFalse(last.firstScanHere());
    }

    @Test
    void voidedAndRecalledStampsScannedSayWhatTheyAreAndAreFlagged() {
        CloneRules.Decision voided = scan("voided", "113.161.8.20", true, false);
        assertEquals(Verdict.VOIDED, voided.verdict());
        assertEquals("In lỗi", voided.reason());
        assertEquals("scanned after void", voided.flag());
        CloneRules.Decision recalled = scan("recalled", "113.161.8.20", false, true);
        assertEquals(Verdict.RECALLED, recalled.verdict());
        assertEquals("Dư lượng", recalled.reason());
        assertEquals("scanned after recall", recalled.flag());
        // a voided stamp copied everywhere still says VOIDED (the stronger answer)
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofDays(1));
            assertEquals(
                    Verdict.VOIDED,
                    scan("voided", "10." + i + ".0.1", true, false).verdict());
        }
        assertEquals("MANY_NETWORKS", last.suspicion());
    }

    @Test
    void networksAreKeyedPrefixesNeverAddresses() {
        assertEquals("203.0.113.0/24", Networks.prefix("203.0.113.7"));
        assertEquals("203.0.113.0/24", Networks.prefix("::ffff:203.0.113.99"));
        assertEquals("2001:db8:42::/48", Networks.prefix("2001:db8:42:ffff:1::9"));
        assertEquals("2001:db8:42::/48", Networks.prefix("[2001:db8:42::1%eth0]"));
        assertEquals("not-an-address", Networks.prefix("not-an-address"), "never looked up");
        ScanHashes.Scanner a = hashes.scanner("203.0.113.7");
        ScanHashes.Scanner b = hashes.scanner("203.0.113.8");
        assertEquals(a.networkHash(), b.networkHash());
        assertNotEquals(a.clientHash(), b.clientHash());
        assertFalse(a.networkHash().contains("203"), "no address in the hash");
        assertNotEquals(
                a.networkHash(),
                new ScanHashes("other".getBytes(StandardCharsets.UTF_8))
                        .scanner("203.0.113.7")
                        .networkHash(),
                "keyed by the server's secret");
    }

    @Test
    void memoryPerStampAndStampsInMemoryAreBounded() {
        // a stamp seen from 10,000 networks remembers the cap and says "at least"
        for (int i = 0; i < 10_000; i++) {
            scan("everywhere", "10." + (i / 256) + "." + (i % 256) + ".1");
        }
        assertEquals(rules.networkCap(), last.places());
        assertTrue(last.placesCapped());
        // 5,000 stamps through a ledger holding 1,000: older histories are evicted and rebuilt from the rows
        for (int i = 0; i < 5_000; i++) {
            scan("stamp-" + i, "192.0.2.1");
        }
        assertTrue(ledger.tracked() <= 1_000, "tracked " + ledger.tracked());
    }

    @Test
    void aHistoryRebuiltFromTheScanRowsJudgesAsBefore() {
        Instant t0 = Instant.parse("2026-11-01T03:00:00Z");
        List<CloneRules.SeenNetwork> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(new CloneRules.SeenNetwork(
                    hashes.scanner("10." + i + ".0.1").networkHash(), t0.plus(Duration.ofHours(10L * i))));
        }
        CloneRules.Outcome o = ledger.record(
                "rebuilt",
                () -> new ScanLedger.Stored(new ScanTotals(30, t0, t0.plus(Duration.ofDays(3))), rows),
                clock.instant(),
                hashes.scanner("10.0.0.1").clientHash(),
                hashes.scanner("10.0.0.1").networkHash());
        assertEquals("MANY_NETWORKS", o.suspicion(), "a stamp flagged before eviction stays flagged");
        assertEquals(31, o.count());
        assertEquals(t0, o.firstScanAt());
        assertEquals(7, o.places());
        assertTrue(o.firstScanHere());
        CloneRules.Outcome quiet = ledger.record(
                "quiet",
                () -> new ScanLedger.Stored(new ScanTotals(500, t0, t0), rows.subList(0, 1)),
                clock.instant(),
                "c",
                rows.get(0).networkHash());
        assertNull(quiet.suspicion(), "500 stored scans from one network are nothing");
    }

    @Test
    void twoInstancesReadingEachOthersScanRowsJudgeAsOne() {
        // instances A and B share only the scan rows (as in a cluster); the copies are scanned alternately on each
        ScanLedger a = new ScanLedger();
        ScanLedger b = new ScanLedger();
        a.configure(rules, 1_000);
        b.configure(rules, 1_000);
        List<CloneRules.SeenNetwork> rows = new ArrayList<>();
        List<Verdict> clustered = new ArrayList<>();
        List<Verdict> single = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ScanHashes.Scanner who = hashes.scanner("14." + (100 + i % 9) + ".7." + i);
            ScanLedger on = i % 2 == 0 ? a : b;
            CloneRules.Outcome o = on.record(
                    "copied",
                    () -> new ScanLedger.Stored(
                            new ScanTotals(
                                    rows.size(),
                                    rows.isEmpty() ? null : rows.get(0).firstAt(),
                                    clock.instant()),
                            distinct(rows)),
                    clock.instant(),
                    who.clientHash(),
                    who.networkHash());
            rows.add(new CloneRules.SeenNetwork(who.networkHash(), clock.instant())); // written before the next scan
            clustered.add(rules.decide(false, null, false, null, o).verdict());
            single.add(rules.decide(
                            false,
                            null,
                            false,
                            null,
                            ledger.record(
                                    "copied",
                                    () -> new ScanLedger.Stored(ScanTotals.NONE, List.of()),
                                    clock.instant(),
                                    who.clientHash(),
                                    who.networkHash()))
                    .verdict());
            clock.advance(Duration.ofHours(5));
        }
        assertEquals(single, clustered, "the same verdict at every scan as on one instance");
        assertEquals(Verdict.SUSPICIOUS, clustered.get(20));
    }

    private static List<CloneRules.SeenNetwork> distinct(List<CloneRules.SeenNetwork> rows) {
        java.util.Map<String, CloneRules.SeenNetwork> first = new java.util.LinkedHashMap<>();
        rows.forEach(r -> first.putIfAbsent(r.networkHash(), r));
        return new ArrayList<>(first.values());
    }
}

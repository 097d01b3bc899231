package vn.temso.trace.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * When a genuine stamp is reported as a suspected copy (threat model: docs/stamp-format.md, "Clone rules").
 * Only signals one machine cannot fake for free count: distinct networks (IPv4 /24, IPv6 /48, as keyed hashes),
 * spread over days, and networks that first appear long after the stamp's first scan. Repeated scans, addresses
 * inside one network and user agents never count, so nobody on one network can flag a stamp, however many requests.
 *
 * @param maxNetworks     a stamp seen from more networks than this ...
 * @param minDays         ... whose first scans fall on at least this many distinct days is suspected (MANY_NETWORKS)
 * @param lateAfter       a network first seen this long after the stamp's first scan is "late" (the package should
 *                        have been sold and eaten by then)
 * @param maxLateNetworks a stamp seen from more late networks than this is suspected (LATE_NETWORKS)
 * @param zone            where days begin and end ({@code FarmTime.ZONE}; a parameter so tests can vary it)
 */
public record CloneRules(int maxNetworks, int minDays, Duration lateAfter, int maxLateNetworks, ZoneId zone) {

    public CloneRules {
        if (maxNetworks < 1 || minDays < 1 || maxLateNetworks < 0 || lateAfter.isNegative()) {
            throw new IllegalArgumentException("clone rule thresholds must be positive");
        }
    }

    /**
     * How many networks a stamp remembers: enough to decide both rules and show "M places" a little beyond them.
     * Past this, counts stop growing (the page says "at least M") and the memory per stamp stays fixed.
     */
    public int networkCap() {
        return Math.min(Math.max(maxNetworks, maxLateNetworks) + 4, 256);
    }

    /** The rule that fires for this history, or null. Callers hold the history's lock. */
    String assess(History h) {
        if (h.places() > maxNetworks && h.days.size() >= minDays) {
            return "MANY_NETWORKS";
        }
        if (h.lateNetworks > maxLateNetworks) {
            return "LATE_NETWORKS";
        }
        return null;
    }

    /** The verdict for a scan of a genuine, issued stamp; the flag, if any, goes on the staff's list. */
    public record Decision(TraceRecord.Verdict verdict, String reason, String flag) {}

    /**
     * A voided stamp or a recalled batch says so whatever the scans (and a scan of it is flagged for the staff: a
     * voided stamp should not be on any package); otherwise SUSPICIOUS when a rule fired, else GENUINE.
     */
    public Decision decide(boolean voided, String voidReason, boolean recalled, String recallReason, Outcome seen) {
        if (voided) {
            return new Decision(TraceRecord.Verdict.VOIDED, voidReason, "scanned after void");
        }
        if (recalled) {
            return new Decision(TraceRecord.Verdict.RECALLED, recallReason, "scanned after recall");
        }
        if ("MANY_NETWORKS".equals(seen.suspicion())) {
            return new Decision(
                    TraceRecord.Verdict.SUSPICIOUS,
                    seen.suspicion(),
                    "scanned from more than " + maxNetworks + " networks on " + minDays + "+ days");
        }
        if ("LATE_NETWORKS".equals(seen.suspicion())) {
            return new Decision(
                    TraceRecord.Verdict.SUSPICIOUS,
                    seen.suspicion(),
                    "scanned from more than " + maxLateNetworks + " new networks " + lateAfter.toDays()
                            + "+ days after the first scan");
        }
        return new Decision(TraceRecord.Verdict.GENUINE, null, null);
    }

    /** A network seen scanning a stamp, with its first scan (rebuilt from the scan rows). */
    public record SeenNetwork(String networkHash, Instant firstAt) {}

    /** What a buyer is told, and what the staff list records. */
    public record Outcome(
            int count,
            Instant firstScanAt,
            int places,
            boolean placesCapped,
            boolean firstScanHere,
            String suspicion) {}

    /**
     * One stamp's scan history, bounded: the count, the first scan, at most {@link #networkCap()} networks (64 bits
     * of their keyed hash each, plenty to tell a few hundred networks apart), the distinct days on which a new
     * network appeared (at most {@code minDays + 1}) and how many networks were new long after the first scan.
     * Well under 200 bytes for a stamp seen from a few networks. Not thread-safe: {@link ScanLedger} locks it.
     */
    public final class History {
        int count;
        Instant first;
        private long[] networks = new long[2];
        private int places;
        final Set<LocalDate> days = new HashSet<>(4);
        int lateNetworks;
        String suspicion; // once a rule fired it stays: networks only ever grow

        /** Rebuilt from what was written: the scan count, the first scan and the networks in order of first scan. */
        public History(int count, Instant first, List<SeenNetwork> stored) {
            this.count = count;
            this.first = first;
            merge(count, first, stored);
        }

        /**
         * Adds what was written meanwhile (other clustered instances' scans): networks are a union, so the rules judge
         * every instance's scans together. The count becomes the larger of the two: this instance's scans of the last
         * ~100 ms may not be written yet, and the other instances' are only in the rows (a figure shown, no rule
         * counts it).
         */
        public void merge(int storedCount, Instant storedFirst, List<SeenNetwork> stored) {
            count = Math.max(count, storedCount);
            if (storedFirst != null && (first == null || storedFirst.isBefore(first))) {
                first = storedFirst;
            }
            for (SeenNetwork n : stored) {
                if (first == null || n.firstAt().isBefore(first)) {
                    first = n.firstAt(); // rows written between the two reads
                }
            }
            for (SeenNetwork n : stored) {
                note(n.networkHash(), n.firstAt());
            }
            if (suspicion == null) {
                suspicion = assess(this);
            }
        }

        /** Whether a scan from this network would add a place: not yet seen here, and the history not full. */
        boolean isNewPlace(String network) {
            if (network == null || places >= networkCap()) {
                return false;
            }
            long k = key(network);
            for (int i = 0; i < places; i++) {
                if (networks[i] == k) {
                    return false;
                }
            }
            return true;
        }

        int places() {
            return places;
        }

        /** Counts one scan (already in the history if {@code network} was seen before) and judges the stamp. */
        Outcome scan(Instant at, String network) {
            count++;
            if (first == null) {
                first = at;
            }
            note(network, at);
            if (suspicion == null) {
                suspicion = assess(this);
            }
            return new Outcome(
                    count,
                    first,
                    places,
                    places >= networkCap(),
                    network != null && places > 0 && networks[0] == key(network),
                    suspicion);
        }

        private void note(String network, Instant at) {
            if (network == null) {
                return;
            }
            long k = key(network);
            for (int i = 0; i < places; i++) {
                if (networks[i] == k) {
                    return; // one network contributes once, however many scans, addresses or user agents
                }
            }
            boolean full = places >= networkCap();
            if (!full) {
                if (places == networks.length) {
                    networks = Arrays.copyOf(networks, Math.min(networks.length * 2, networkCap()));
                }
                networks[places++] = k;
            }
            // beyond the cap a network cannot be told from one already seen; the stamp has shown more than enough
            // places by then, and only the spread over days (bounded) still matters
            if (days.size() <= minDays) {
                days.add(LocalDate.ofInstant(at, zone));
            }
            if (!full && at.isAfter(first.plus(lateAfter)) && lateNetworks <= maxLateNetworks) {
                lateNetworks++;
            }
        }
    }

    /** 64 bits of a network's keyed hash (hex); anything else is hashed down. */
    static long key(String networkHash) {
        if (networkHash.length() >= 16) {
            try {
                return Long.parseUnsignedLong(networkHash, 0, 16, 16);
            } catch (NumberFormatException e) {
                // not hex: below
            }
        }
        long h = 1125899906842597L;
        for (int i = 0; i < networkHash.length(); i++) {
            h = 31 * h + networkHash.charAt(i);
        }
        return h;
    }
}

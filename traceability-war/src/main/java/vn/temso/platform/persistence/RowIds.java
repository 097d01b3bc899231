package vn.temso.platform.persistence;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Primary keys for rows written in bulk and never looked up by them (scans). */
public final class RowIds {

    private RowIds() {}

    /**
     * A time-ordered (version 7, RFC 9562) UUID: new rows go to the end of the primary key index instead of a random
     * page of it. Random bits from a thread-local generator: a row id is not a secret (no public URL carries one), and
     * UUID.randomUUID() would make every bulk writer queue on one SecureRandom lock.
     */
    public static String timeOrdered() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (System.currentTimeMillis() << 16) | 0x7000L | (r.nextInt() & 0x0FFF);
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}

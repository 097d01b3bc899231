package vn.temso.platform.jobs;

import java.util.logging.Logger;
import vn.temso.platform.persistence.StorageFaults;

/**
 * How a job waits out a storage fault (database unreachable, disk full): it pauses with a growing delay (0.5 s,
 * doubling, at most {@link #MAX_DELAY_MS}, so a job goes on at most 5 s after the database is back) and tries the
 * same step again, for as long as it keeps its lease. One log line when the pause starts and one when the job
 * continues, never one per retry.
 */
public final class StoragePause {

    static final long MAX_DELAY_MS = 5_000;
    private static final Logger LOG = Logger.getLogger(StoragePause.class.getName());

    private final String what;
    private final long firstDelayMs;
    private final long maxDelayMs;
    private long delayMs;
    private long since;

    public StoragePause(String what) {
        this(what, 500, MAX_DELAY_MS);
    }

    StoragePause(String what, long firstDelayMs, long maxDelayMs) {
        this.what = what;
        this.firstDelayMs = firstDelayMs;
        this.maxDelayMs = maxDelayMs;
    }

    /** The wait before the next try (0 when not paused). */
    long delayMs() {
        return delayMs;
    }

    /**
     * Waits after {@code failure} if it is a storage fault.
     *
     * @return false when it is not one (the caller handles it as before)
     * @throws InterruptedException when the server stops during the pause
     */
    public boolean pauseOn(Exception failure) throws InterruptedException {
        if (!StorageFaults.isStorageFault(failure)) {
            return false;
        }
        if (delayMs == 0) {
            since = System.currentTimeMillis();
            LOG.warning(() -> what + " paused: the database cannot write (" + rootCause(failure)
                    + "); it continues by itself when storage is back");
            delayMs = firstDelayMs;
        } else {
            delayMs = Math.min(maxDelayMs, delayMs * 2);
        }
        Thread.sleep(delayMs);
        return true;
    }

    /** The step succeeded: ends a pause (logged once) and resets the delay. */
    public void resumed() {
        if (delayMs != 0) {
            long pausedMs = System.currentTimeMillis() - since;
            LOG.info(() -> what + " continues after a storage pause of " + pausedMs / 1000 + " s");
            delayMs = 0;
        }
    }

    /** The first line of the deepest message: the database's own words, without the layers above. */
    static String rootCause(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + ": " + (m.length() > 200 ? m.substring(0, 200) : m);
    }

    public boolean paused() {
        return delayMs != 0;
    }
}

package vn.temso.account.control;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import vn.temso.platform.problem.Problems;

/**
 * Bounds how many Argon2 computations (about 40 ms of CPU and 19 MiB of memory each) run at once. A caller waits
 * at most {@code maxWaitMillis} for a slot, in arrival order, and is then refused with 429 and Retry-After
 * instead of queueing for ever: under a flood the server answers quickly and stays within its memory.
 */
public final class HashingGate {

    /** Memory one Argon2 computation allocates (19 MiB of blocks and some slack). */
    static final long BYTES_PER_HASH = 20L * 1024 * 1024;

    private final Semaphore slots;
    private final int size;
    private final long maxWaitMillis;

    public HashingGate(int slots, long maxWaitMillis) {
        this.size = Math.max(1, slots);
        this.slots = new Semaphore(size, true);
        this.maxWaitMillis = maxWaitMillis;
    }

    /** One slot per core, but no more than a quarter of the heap can hold. */
    public static int defaultSlots(int cores, long maxHeapBytes) {
        return (int) Math.max(1, Math.min(cores, maxHeapBytes / 4 / BYTES_PER_HASH));
    }

    public <T> T run(Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new Problems.TooManyRequests("The server is busy checking other sign-ins; try again in a moment", 1);
        }
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }

    public int size() {
        return size;
    }
}

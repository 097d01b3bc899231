package vn.temso.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.temso.platform.problem.Problems;

class HashingGateTest {

    @Test
    void shouldSizeItselfByCoresAndHeap() {
        assertEquals(2, HashingGate.defaultSlots(2, 1L << 30), "1 GiB heap, 2 cores");
        assertEquals(3, HashingGate.defaultSlots(64, 256L << 20), "a quarter of 256 MiB holds 3 hashes");
        assertEquals(1, HashingGate.defaultSlots(8, 16L << 20));
    }

    @Test
    void shouldNeverRunMoreThanItsSlotsAtOnce() throws Exception {
        HashingGate gate = new HashingGate(2, 10_000);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> all = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                all.add(pool.submit(() -> gate.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(2);
                    running.decrementAndGet();
                    return true;
                })));
            }
            for (Future<Boolean> f : all) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, most.get());
    }

    @Test
    void shouldRefuseWith429AfterAShortWaitInsteadOfQueueingForEver() throws Exception {
        HashingGate gate = new HashingGate(1, 50);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> gate.run(() -> {
                inside.countDown();
                await(release);
                return true;
            }));
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            long start = System.nanoTime();
            Problems.TooManyRequests busy = assertThrows(Problems.TooManyRequests.class, () -> gate.run(() -> true));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
            assertEquals(1, busy.retryAfterSeconds());
            release.countDown();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package vn.temso.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AddressBudgetTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Ticker ticker = nanos::get;

    @Test
    void shouldStopAnAddressAfterItsBurstAndRefillAtTheRate() {
        AddressBudget budget = new AddressBudget(30, 30, 1000, ticker);
        for (int i = 0; i < 30; i++) {
            assertEquals(OptionalLong.empty(), budget.take("203.0.113.9"), "try " + i);
        }
        assertEquals(OptionalLong.of(2), budget.peek("203.0.113.9"), "the cheap first test sees it too");
        OptionalLong wait = budget.take("203.0.113.9");
        assertEquals(OptionalLong.of(2), wait, "30 a minute: one every 2 s");
        assertEquals(OptionalLong.empty(), budget.peek("198.51.100.7"), "another address has its own budget");
        assertEquals(OptionalLong.empty(), budget.take("198.51.100.7"));
        nanos.addAndGet(Duration.ofMillis(2_001).toNanos());
        assertEquals(OptionalLong.empty(), budget.take("203.0.113.9"));
        assertTrue(budget.take("203.0.113.9").isPresent());
    }

    @Test
    void shouldNotSpendTheBudgetOnRightPasswords() {
        AddressBudget budget = new AddressBudget(3, 1, 1000, ticker);
        for (int i = 0; i < 100; i++) {
            assertEquals(OptionalLong.empty(), budget.take("203.0.113.9"));
            budget.giveBack("203.0.113.9");
        }
    }

    @Test
    void shouldKeepAtMostTheConfiguredNumberOfAddresses() {
        AddressBudget budget = new AddressBudget(3, 30, 1000, ticker);
        for (int i = 0; i < 20_000; i++) {
            budget.take("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertTrue(budget.size() <= 1000, "size " + budget.size());
    }
}

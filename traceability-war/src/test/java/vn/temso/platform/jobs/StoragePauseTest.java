package vn.temso.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A job waits out storage faults with a growing delay, logging once per pause, and handles other failures as before. */
class StoragePauseTest {

    private final Logger logger = Logger.getLogger(StoragePause.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(handler);
    }

    @Test
    void shouldPauseWithGrowingDelaysAndLogOncePerPause() throws Exception {
        StoragePause pause = new StoragePause("Issuing job j", 5, 20);
        RuntimeException unreachable =
                new IllegalStateException("chunk failed", new SQLException("Connection refused", "08001"));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            assertTrue(pause.pauseOn(unreachable));
            delays.add(pause.delayMs());
        }
        assertEquals(List.of(5L, 10L, 20L, 20L, 20L), delays, "doubling up to the longest delay");
        assertEquals(1, records.size(), "one line when the pause starts, none per retry");
        assertEquals(Level.WARNING, records.get(0).getLevel());

        pause.resumed();
        pause.resumed();
        assertEquals(2, records.size(), "one line when the job continues");
        assertFalse(pause.paused());

        assertTrue(pause.pauseOn(new IllegalStateException(new SQLException("disk full", "53100"))));
        assertEquals(3, records.size(), "a new outage is a new pause");
        assertEquals(5L, pause.delayMs(), "and starts with the short delay again");
    }

    @Test
    void shouldLeaveOtherFailuresToTheCaller() throws Exception {
        StoragePause pause = new StoragePause("Print job p", 5, 20);
        assertFalse(pause.pauseOn(new IllegalArgumentException("a bug")));
        assertFalse(pause.pauseOn(new IllegalStateException(new SQLException("duplicate key", "23505"))));
        assertFalse(pause.paused());
        assertEquals(0, records.size());
    }
}

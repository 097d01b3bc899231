package vn.temso.trace.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.trace.control.TraceRecord;

/** The page bytes kept per batch parts and language stay bounded, and a full cache is not emptied wholesale. */
class TracePageFragmentsTest {

    private static TraceRecord record(int i) {
        // a new product object per record: what the trace cache makes each time it rebuilds a batch's parts
        return TraceRecord.builder(TraceRecord.Verdict.GENUINE)
                .gtin("08930000000017")
                .lot("L" + i)
                .serial("S1")
                .scanCount(1)
                .product(new TraceRecord.Product("Chè Tân Cương " + i, "Mô tả", null, "kg", null))
                .producer(new TraceRecord.Producer("HTX", "Thái Nguyên", null))
                .batch(new TraceRecord.Batch(LocalDate.of(2026, 11, 1), null, null, "kg", "OPEN", null, List.of()))
                .stampUrl("https://tem.example.vn/01/08930000000017/10/L" + i + "/21/S1?8030=x")
                .build();
    }

    @Test
    void shouldKeepAtMostTheBoundAndEvictOneByOne() {
        for (int i = 0; i < TracePage.MAX_FRAGMENTS + 100; i++) {
            TracePage.render(
                    record(i),
                    false,
                    "/01/08930000000017/10/L" + i + "/21/S1",
                    "?lang=en",
                    false,
                    "https://tem.example.vn/01/08930000000017/10/L" + i);
        }
        long held = TracePage.fragmentsHeld();
        assertTrue(held <= TracePage.MAX_FRAGMENTS, held + " held");
        // emptied when full, only the last 100 would be left
        assertTrue(held >= TracePage.MAX_FRAGMENTS - 100, held + " held");
    }
}

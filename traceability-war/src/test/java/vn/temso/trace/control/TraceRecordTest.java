package vn.temso.trace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.epcis.control.Journey;

/** The builder puts each named value in its own field (the record's components are the published trace JSON). */
class TraceRecordTest {

    private static final TraceRecord.Product PRODUCT = new TraceRecord.Product("Chè", "Mô tả", null, "kg", 250_000L);
    private static final TraceRecord.Producer PRODUCER = new TraceRecord.Producer("HTX", "Thái Nguyên", "0208");
    private static final TraceRecord.Batch BATCH = new TraceRecord.Batch(
            LocalDate.of(2026, 11, 1), LocalDate.of(2027, 11, 1), BigDecimal.TEN, "kg", "OPEN", null, List.of());
    private static final List<TraceRecord.Zone> ZONES =
            List.of(new TraceRecord.Zone("Z1", "Vùng 1", "Chè", null, null, "M0 0", List.of()));
    private static final List<TraceRecord.Stage> STAGES =
            List.of(new TraceRecord.Stage("HARVEST", Instant.parse("2026-11-01T01:00:00Z"), "Z1", null, null));
    private static final Journey JOURNEY = new Journey(
            List.of(new Journey.Zone("Z1", "Vùng 1", "Bình Tịnh")), List.of(), List.of(), List.of(), List.of(), false);
    private static final TraceParts PARTS = new TraceParts(
            "b1",
            3,
            "08930000000017",
            "L1",
            PRODUCT,
            PRODUCER,
            BATCH,
            ZONES,
            STAGES,
            4,
            LocalDate.of(2028, 3, 15),
            JOURNEY);

    @Test
    void shouldSetEachFieldByName() {
        Instant first = Instant.parse("2026-12-01T02:00:00Z");
        TraceRecord r = TraceRecord.builder(TraceRecord.Verdict.SUSPICIOUS)
                .reason("MANY_NETWORKS")
                .parts(PARTS)
                .serial("S1")
                .stampUrl("https://tem.example.vn/01/08930000000017/10/L1/21/S1?8030=x")
                .scanCount(7)
                .firstScanAt(first)
                .scanPlaces(5)
                .scanPlacesAtLeast(true)
                .firstScanHere(false)
                .build();
        assertEquals(
                new TraceRecord(
                        TraceRecord.Verdict.SUSPICIOUS,
                        "MANY_NETWORKS",
                        "08930000000017",
                        "L1",
                        "S1",
                        7,
                        first,
                        PRODUCT,
                        PRODUCER,
                        BATCH,
                        ZONES,
                        STAGES,
                        4,
                        LocalDate.of(2028, 3, 15),
                        "https://tem.example.vn/01/08930000000017/10/L1/21/S1?8030=x",
                        5,
                        true,
                        false,
                        JOURNEY),
                r);
    }

    @Test
    void shouldLeaveAVerdictOnlyRecordWithoutProductData() {
        TraceRecord r =
                TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_GENUINE, "BAD_SIGNATURE", "08930000000017", "L1", "S1");
        assertEquals(
                new TraceRecord(
                        TraceRecord.Verdict.NOT_GENUINE,
                        "BAD_SIGNATURE",
                        "08930000000017",
                        "L1",
                        "S1",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                r);
        assertNull(r.product());
    }
}

package vn.temso.trace.control;

import java.time.LocalDate;
import java.util.List;
import vn.temso.epcis.control.Journey;

/**
 * The part of a trace record that belongs to the batch (product, producer, zones, diary), the same for every stamp
 * of the batch: built once and cached by {@link TraceCache}, combined per scan with the stamp's own verdict.
 *
 * @param version the batch's optimistic-lock version the parts were built from
 * @param journey one step back, one step forward: where the lot came from and where it went
 */
public record TraceParts(
        String batchId,
        int version,
        String gtin,
        String lot,
        TraceRecord.Product product,
        TraceRecord.Producer producer,
        TraceRecord.Batch batch,
        List<TraceRecord.Zone> zones,
        List<TraceRecord.Stage> stages,
        Integer ocopStars,
        LocalDate ocopValidUntil,
        Journey journey) {}

package vn.temso.portal.boundary;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.temso.portal.control.PortalMapping;
import vn.temso.portal.control.PortalSync;
import vn.temso.portal.entity.PortalOutboxEntry;

/**
 * A lot's national-portal record: the payload as the mapping makes it now, the required fields it lacks (a record
 * that lacks any is held, not sent) and where its delivery stands.
 */
public record PortalRecordView(
        String batchId, String lotCode, boolean complete, JsonObject payload, List<Missing> missing, Delivery outbox) {

    /** A required field the lot lacks, and what to do about it in Vietnamese and English. */
    public record Missing(String field, String source, Message message) {}

    public record Message(String vi, String en) {}

    /**
     * The delivery of the lot's newest queued version.
     *
     * @param enabled  whether records are sent at all ({@code message} says why not)
     * @param status   PENDING, SENDING, SYNCED, FAILED, HELD; NOT_QUEUED when no version was queued yet
     * @param upToDate whether that version is the record as it stands now (a change is queued within a few seconds)
     */
    public record Delivery(
            boolean enabled,
            String message,
            String status,
            String id,
            Integer recordVersion,
            String idempotencyKey,
            Integer attempts,
            Instant nextAttemptAt,
            String lastError,
            Integer httpStatus,
            Instant queuedAt,
            Instant syncedAt,
            boolean upToDate) {}

    public static PortalRecordView of(PortalSync.Snapshot s, String problem, UnaryOperator<String> redact) {
        PortalOutboxEntry q = s.queued();
        Delivery d = q == null
                ? new Delivery(
                        problem == null,
                        message(problem),
                        "NOT_QUEUED",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false)
                : new Delivery(
                        problem == null,
                        message(problem),
                        q.getStatus().name(),
                        q.getId(),
                        q.getRecordVersion(),
                        q.getIdempotencyKey(),
                        q.getAttempts(),
                        q.getNextAttemptAt(),
                        redact.apply(q.getLastError()),
                        q.getHttpStatus(),
                        q.getCreatedAt(),
                        q.getSyncedAt(),
                        s.upToDate());
        return new PortalRecordView(
                s.batch().getId(),
                s.batch().getLotCode(),
                s.mapped().complete(),
                s.mapped().payload(),
                s.mapped().missing().stream().map(PortalRecordView::missing).toList(),
                d);
    }

    static String message(String problem) {
        return problem == null ? "portal sync on" : problem;
    }

    private static Missing missing(PortalMapping.Missing m) {
        return new Missing(m.field(), m.source(), new Message(m.vi(), m.en()));
    }
}

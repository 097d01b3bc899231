package vn.temso.epcis.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import vn.temso.epcis.entity.StampRange;

/** An event as the writer needs it (a JPQL constructor expression: no managed entity per event). */
public record EventRow(
        String eventId,
        Instant eventTime,
        Instant recordTime,
        String batchId,
        Integer stampFrom,
        Integer stampTo,
        String stampJobId,
        String body,
        Instant errorDeclaredAt,
        String errorReason,
        String correctiveEventIds) {

    static final String SELECT = "SELECT NEW vn.temso.epcis.control.EventRow(e.eventId, e.eventTime, e.recordTime,"
            + " e.batchId, e.stampFrom, e.stampTo, e.stampJobId, e.body, e.errorDeclaredAt, e.errorReason,"
            + " e.correctiveEventIds) FROM EpcisEvent e";

    /** The stamps the event names by range, or null. */
    public StampRange stamps() {
        return stampFrom == null ? null : new StampRange(stampFrom, stampTo, stampJobId);
    }

    public List<String> correctiveIds() {
        return correctiveEventIds == null ? List.of() : List.of(correctiveEventIds.split(" "));
    }

    /** The order events are written in: event time, then id (the keyset of every read). */
    static final Comparator<EventRow> ORDER =
            Comparator.comparing(EventRow::eventTime).thenComparing(EventRow::eventId);

    /** Where the next page starts. */
    public Cursor cursor() {
        return new Cursor(eventTime, eventId);
    }

    /** A position in the order of events (event time, then id): the next page starts after it. */
    public record Cursor(Instant eventTime, String eventId) {}
}

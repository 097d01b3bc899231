package vn.temso.epcis.entity;

/**
 * Which Temso record an event stands for; with the record's id it names the event once ({@code kind, record_id}
 * is unique), so a fact projected twice (live and by the backfill) is one event.
 */
public enum EventKind {
    /** A farm-diary entry of a batch. */
    DIARY,
    /** A batch (lot) as harvested: commissioning of the class-level identifier GTIN + lot, with its quantity. */
    LOT,
    /** The same lot's commissioning again after its harvest details were corrected (the earlier one is declared wrong). */
    LOT_CORRECTION,
    /** A range of stamps written by an issuing job: commissioning of instance-level identifiers. */
    STAMPS,
    /** Labels printed for a range of stamps: encoding. */
    PRINT,
    /** A range of stamps voided: decommissioning. */
    VOID,
    /** A lot recalled: disposition recalled. */
    RECALL,
    /** A lot made from other lots: a TransformationEvent. */
    TRANSFORMATION,
    /** An event a partner captured through {@code POST /epcis/capture}. */
    CAPTURED;

    /**
     * Kinds a buyer may read whole through the query interface: what the public trace page shows as Temso wrote it.
     * Never the stamp serials of a lot; never a partner's event as posted (it is the partner's record, and may carry
     * business transactions): the trace page shows only the custody step taken from it (docs/epcis-trace.md).
     */
    public boolean shownPublicly() {
        return switch (this) {
            case DIARY, LOT, LOT_CORRECTION, RECALL, TRANSFORMATION -> true;
            case STAMPS, PRINT, VOID, CAPTURED -> false;
        };
    }
}

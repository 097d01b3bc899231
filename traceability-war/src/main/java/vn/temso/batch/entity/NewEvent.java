package vn.temso.batch.entity;

import java.time.Instant;
import vn.temso.zone.entity.MaterialZone;

/**
 * A farm-diary entry to add to a batch ({@link Batch#addEvent}), built field by field: most fields are optional
 * and several are Strings, so a positional list was easy to get wrong.
 */
public final class NewEvent {

    private final EventType type;
    private final Instant occurredAt;
    private final String recordedBy;
    private final MaterialZone zone;
    private final String actor;
    private final String note;
    private final String inputName;
    private final String dose;
    private final Integer preHarvestIntervalDays;
    private final String correctsEventId;
    private final String partyName;
    private final String partyGln;
    private final String clientId;

    private NewEvent(Builder b) {
        this.type = b.type;
        this.occurredAt = b.occurredAt;
        this.recordedBy = b.recordedBy;
        this.zone = b.zone;
        this.actor = b.actor;
        this.note = b.note;
        this.inputName = b.inputName;
        this.dose = b.dose;
        this.preHarvestIntervalDays = b.preHarvestIntervalDays;
        this.correctsEventId = b.correctsEventId;
        this.partyName = b.partyName;
        this.partyGln = b.partyGln;
        this.clientId = b.clientId;
    }

    /** What happened, when, and the user who writes it down; every other field is optional. */
    public static Builder of(EventType type, Instant occurredAt, String recordedBy) {
        return new Builder(type, occurredAt, recordedBy);
    }

    public EventType type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public MaterialZone zone() {
        return zone;
    }

    public String actor() {
        return actor;
    }

    public String note() {
        return note;
    }

    public String inputName() {
        return inputName;
    }

    public String dose() {
        return dose;
    }

    public Integer preHarvestIntervalDays() {
        return preHarvestIntervalDays;
    }

    public String correctsEventId() {
        return correctsEventId;
    }

    public String partyName() {
        return partyName;
    }

    public String partyGln() {
        return partyGln;
    }

    public String clientId() {
        return clientId;
    }

    public static final class Builder {
        private final EventType type;
        private final Instant occurredAt;
        private final String recordedBy;
        private MaterialZone zone;
        private String actor;
        private String note;
        private String inputName;
        private String dose;
        private Integer preHarvestIntervalDays;
        private String correctsEventId;
        private String partyName;
        private String partyGln;
        private String clientId;

        private Builder(EventType type, Instant occurredAt, String recordedBy) {
            this.type = type;
            this.occurredAt = occurredAt;
            this.recordedBy = recordedBy;
        }

        /** The zone of the batch the work was done on; null for the whole batch. */
        public Builder zone(MaterialZone zone) {
            this.zone = zone;
            return this;
        }

        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        public Builder note(String note) {
            this.note = note;
            return this;
        }
        /** The product sprayed or applied. */
        public Builder inputName(String inputName) {
            this.inputName = inputName;
            return this;
        }

        public Builder dose(String dose) {
            this.dose = dose;
            return this;
        }

        public Builder preHarvestIntervalDays(Integer days) {
            this.preHarvestIntervalDays = days;
            return this;
        }
        /** The id of the entry this one corrects (replaces without deleting it). */
        public Builder correctsEventId(String id) {
            this.correctsEventId = id;
            return this;
        }

        /**
         * The other party of a shipping (the destination) or a receiving (the source): a name, a GS1 GLN, or both.
         */
        public Builder party(String name, String gln) {
            this.partyName = name;
            this.partyGln = gln;
            return this;
        }

        /** The id the client generated for this entry (a UUID), so a repeated request finds it. */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public NewEvent build() {
            return new NewEvent(this);
        }
    }
}

package vn.temso.epcis.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An EPC (instance) or EPC class an event names outside a stamp range: what MATCH_epc / MATCH_anyEPCClass search. */
@Entity
@Table(name = "epcis_event_epc")
@IdClass(EventEpc.Key.class)
public class EventEpc {

    /** The composite key: one row per event, identifier and level (a class, not a record: JPA sets its fields). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String eventId;
        private String epc;
        private boolean classLevel;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(eventId, k.eventId)
                    && Objects.equals(epc, k.epc)
                    && classLevel == k.classLevel;
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventId, epc, classLevel);
        }
    }

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Id
    private String epc;

    @Id
    @Column(name = "class_level")
    private boolean classLevel;

    protected EventEpc() {}

    public EventEpc(String eventId, String epc, boolean classLevel) {
        this.eventId = eventId;
        this.epc = epc;
        this.classLevel = classLevel;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEpc() {
        return epc;
    }

    public boolean isClassLevel() {
        return classLevel;
    }
}

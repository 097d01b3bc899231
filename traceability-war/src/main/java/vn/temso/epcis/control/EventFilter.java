package vn.temso.epcis.control;

import java.time.Instant;
import java.util.List;

/**
 * The query interface's parameters Temso answers (a subset of the EPCIS 2.0 SimpleEventQuery), already read:
 * identifiers as given (they are made canonical when the query is built), an empty list meaning "any".
 */
public record EventFilter(
        List<String> eventTypes,
        List<String> bizSteps,
        List<String> dispositions,
        List<String> epcs,
        List<String> epcClasses,
        List<String> bizLocations,
        Instant geEventTime,
        Instant ltEventTime) {

    public EventFilter {
        eventTypes = List.copyOf(eventTypes);
        bizSteps = List.copyOf(bizSteps);
        dispositions = List.copyOf(dispositions);
        epcs = List.copyOf(epcs);
        epcClasses = List.copyOf(epcClasses);
        bizLocations = List.copyOf(bizLocations);
    }

    /** Every event (of what the caller may see). */
    public static EventFilter all() {
        return new EventFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    /** Whether the query names an object: what an anonymous caller must do. */
    public boolean namesObjects() {
        return !epcs.isEmpty() || !epcClasses.isEmpty();
    }
}

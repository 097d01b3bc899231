package vn.temso.zone.entity;

import java.util.List;

/**
 * A polygon that cannot be a growing-zone outline; carries one message per problem found and the kind of the
 * first, so callers and tests decide on the rule broken, never on message text.
 */
public class GeometryException extends RuntimeException {

    /** What is wrong with an outline. */
    public enum Reason {
        /** not JSON / not well-formed XML / a DOCTYPE in KML */
        NOT_READABLE,
        /** the text is longer than {@link ZoneGeometry#MAX_TEXT_CHARS} */
        TOO_LARGE,
        /** arrays or objects nested deeper than a MultiPolygon needs */
        TOO_DEEP,
        /** not a Polygon, MultiPolygon or Feature holding one; no Polygon in the KML */
        WRONG_TYPE,
        /** arrays where positions belong, positions that are not [longitude, latitude] */
        MALFORMED,
        TOO_MANY_VERTICES,
        TOO_MANY_POLYGONS,
        /** NaN, infinite, or outside -180..180 / -90..90 */
        COORDINATE_OUT_OF_RANGE,
        RING_NOT_CLOSED,
        TOO_FEW_POINTS,
        SELF_INTERSECTION,
        HOLE_OUTSIDE_SHELL,
        NESTED_HOLES,
        DISCONNECTED_INTERIOR,
        NESTED_SHELLS,
        DUPLICATE_RINGS,
        NO_AREA,
        INVALID
    }

    private final Reason reason;
    private final List<String> problems;

    public GeometryException(Reason reason, List<String> problems) {
        super(String.join("; ", problems));
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public GeometryException(Reason reason, String problem) {
        this(reason, List.of(problem));
    }

    public Reason reason() {
        return reason;
    }

    public List<String> problems() {
        return problems;
    }
}

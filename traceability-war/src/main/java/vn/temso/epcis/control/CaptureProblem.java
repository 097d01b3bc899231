package vn.temso.epcis.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.temso.platform.problem.ProblemException;

/**
 * Why a capture was refused, with the RFC 9457 extension members a sender needs to find the event: {@code eventIndex}
 * (0-based, in {@code epcisBody.eventList}), {@code eventID} and {@code pointer} (a JSON pointer into the document).
 * Nothing of a refused document is stored.
 */
public final class CaptureProblem extends ProblemException {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal: each is one problem type. */
    public enum Kind {
        /** Not JSON, not an EPCISDocument, against GS1's schema, or against Temso's rules (eventID required...). */
        INVALID(400, "epcis/invalid-document", "The EPCIS document is invalid"),
        /** An eventID Temso already holds (its own events included), or one given twice in the document. */
        DUPLICATE(409, "epcis/duplicate-event", "An event with this eventID is already held"),
        /** An identifier that names no lot or stamp of the caller's cooperative (another's looks the same). */
        UNKNOWN_OBJECT(404, "epcis/unknown-object", "An identifier names no lot or stamp of yours"),
        /** More events or identifiers than one capture takes. */
        TOO_LARGE(413, "epcis/too-large", "The EPCIS document is too large");

        private final int status;
        private final String type;
        private final String title;

        Kind(int status, String type, String title) {
            this.status = status;
            this.type = type;
            this.title = title;
        }
    }

    private final Kind kind;
    private final transient Map<String, Object> where = new LinkedHashMap<>();

    private CaptureProblem(Kind kind, String detail, List<Violation> violations) {
        super(detail, violations);
        this.kind = kind;
    }

    public static CaptureProblem of(Kind kind, String detail) {
        return new CaptureProblem(kind, detail, List.of());
    }

    /** A document against the schema: the first problem is the detail, every one (at most 20) a violation. */
    static CaptureProblem invalid(List<EpcisSchema.Problem> problems) {
        EpcisSchema.Problem first = problems.get(0);
        CaptureProblem p = new CaptureProblem(
                Kind.INVALID,
                "Against GS1's EPCIS 2.0 JSON schema"
                        + (first.pointer().isEmpty() ? "" : " at " + first.pointer())
                        + ": " + first.message(),
                problems.stream()
                        .map(x -> new Violation(x.pointer().isEmpty() ? "/" : x.pointer(), x.message()))
                        .toList());
        return p.at(first.eventIndex(), null, first.pointer());
    }

    /** Names the event (index, id) and the place in the document; null parts are left out. */
    CaptureProblem at(Integer eventIndex, String eventId, String pointer) {
        if (eventIndex != null) {
            where.put("eventIndex", eventIndex);
        }
        if (eventId != null) {
            where.put("eventID", eventId);
        }
        if (pointer != null) {
            where.put("pointer", pointer);
        }
        return this;
    }

    @Override
    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(where);
    }

    @Override
    public String type() {
        return kind.type;
    }

    @Override
    public String title() {
        return kind.title;
    }

    @Override
    public int status() {
        return kind.status;
    }
}

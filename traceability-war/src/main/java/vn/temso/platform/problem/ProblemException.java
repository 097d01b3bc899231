package vn.temso.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * Base of every failure a caller can do something about. Each subclass is one stable problem {@code type}
 * (RFC 9457); the message is the {@code detail} and must be safe to show (no internals, no secrets).
 */
public abstract class ProblemException extends RuntimeException {

    private final List<Violation> violations;

    protected ProblemException(String detail) {
        this(detail, List.of());
    }

    protected ProblemException(String detail, List<Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    /** Short slug appended to the problem base URI, stable across releases. */
    public abstract String type();

    public abstract String title();

    public abstract int status();

    public List<Violation> violations() {
        return violations;
    }

    /**
     * RFC 9457 extension members of this problem (e.g. which event of a document failed): names and values that are
     * strings or numbers, written after the standard members. None by default.
     */
    public Map<String, Object> extensions() {
        return Map.of();
    }

    /**
     * One rejected field: its JSON path and a message a user can act on; {@code code}, when set, names the broken
     * rule (e.g. {@code header-too-long}) so clients need not read the message.
     */
    public record Violation(String field, String message, String code) {
        public Violation(String field, String message) {
            this(field, message, null);
        }
    }
}

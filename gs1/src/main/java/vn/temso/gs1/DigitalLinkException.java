package vn.temso.gs1;

/** A path that is not a conformant GS1 Digital Link URI key path for a GTIN; {@link #problem()} says which rule. */
public final class DigitalLinkException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Which rule of the URI syntax the path breaks. */
    public enum Problem {
        NO_PRIMARY_KEY,
        EXTRA_SEGMENT,
        GTIN,
        UNKNOWN_QUALIFIER,
        QUALIFIER_ORDER,
        BAD_VALUE,
        TOO_LONG
    }

    private final Problem problem;

    public DigitalLinkException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

package vn.temso.platform.problem;

import java.util.List;

/** The problem types of the API. Documented in docs/api.md; never rename a type. */
public final class Problems {

    private Problems() {}

    /** Input that breaks a field rule (format, range, check digit...). */
    public static class ValidationFailed extends ProblemException {
        public ValidationFailed(String detail, List<Violation> violations) {
            super(detail, violations);
        }

        public ValidationFailed(String field, String message) {
            super(message, List.of(new Violation(field, message)));
        }

        public String type() {
            return "validation-failed";
        }

        public String title() {
            return "The request has invalid fields";
        }

        public int status() {
            return 400;
        }
    }

    /** Unknown id, or one the caller may not see: both look the same on purpose. */
    public static class NotFound extends ProblemException {
        public NotFound(String what, String id) {
            super(what + " " + id + " was not found");
        }

        public String type() {
            return "not-found";
        }

        public String title() {
            return "Resource not found";
        }

        public int status() {
            return 404;
        }
    }

    /** Something unique already exists (zone code, GTIN, lot of a product, username). */
    public static class Conflict extends ProblemException {
        public Conflict(String detail) {
            super(detail);
        }

        public String type() {
            return "conflict";
        }

        public String title() {
            return "Conflicts with existing data";
        }

        public int status() {
            return 409;
        }
    }

    /** The resource existed but was removed for good (a print file past its retention). */
    public static class Gone extends ProblemException {
        public Gone(String detail) {
            super(detail);
        }

        public String type() {
            return "gone";
        }

        public String title() {
            return "No longer available";
        }

        public int status() {
            return 410;
        }
    }

    /** A domain rule refuses the change (zone suspended, batch closed...). */
    public static class RuleViolated extends ProblemException {
        private final String rule;

        public RuleViolated(String rule, String detail) {
            super(detail);
            this.rule = rule;
        }

        public String type() {
            return "rule/" + rule;
        }

        public String title() {
            return "A business rule refuses this change";
        }

        public int status() {
            return 422;
        }
    }

    public static class Unauthenticated extends ProblemException {
        public Unauthenticated(String detail) {
            super(detail);
        }

        public String type() {
            return "unauthenticated";
        }

        public String title() {
            return "Sign-in required";
        }

        public int status() {
            return 401;
        }
    }

    /** The caller is known but their role may not do this. */
    public static class Forbidden extends ProblemException {
        public Forbidden(String detail) {
            super(detail);
        }

        public String type() {
            return "forbidden";
        }

        public String title() {
            return "Not allowed for your role";
        }

        public int status() {
            return 403;
        }
    }

    public static class TooManyRequests extends ProblemException {
        private final long retryAfterSeconds;

        public TooManyRequests(String detail, long retryAfterSeconds) {
            super(detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        public String type() {
            return "too-many-requests";
        }

        public String title() {
            return "Too many requests";
        }

        public int status() {
            return 429;
        }
    }

    /**
     * A cooperative's quota is used up (issuing jobs running at once, stamps issued today): 429 with Retry-After,
     * typed by the rule so a client can tell it from throttling.
     */
    public static class QuotaExceeded extends TooManyRequests {
        private final String rule;

        public QuotaExceeded(String rule, String detail, long retryAfterSeconds) {
            super(detail, retryAfterSeconds);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }

        @Override
        public String type() {
            return "quota/" + rule;
        }

        @Override
        public String title() {
            return "A quota of the cooperative is used up";
        }
    }

    /**
     * The database cannot write or cannot be reached (disk full, database down): 503 with Retry-After. Nothing of the
     * request was kept; the same request can be sent again once the service is ready.
     */
    public static class StorageUnavailable extends ProblemException {
        /** What a client is told, whichever layer met the fault (JAX-RS mapper or the servlet error page). */
        public static final String DETAIL =
                "The service cannot store data right now; nothing was saved. Try again in a minute.";

        public StorageUnavailable(String detail) {
            super(detail);
        }

        public long retryAfterSeconds() {
            return 30;
        }

        public String type() {
            return "storage-unavailable";
        }

        public String title() {
            return "Storage is unavailable";
        }

        public int status() {
            return 503;
        }
    }

    /** A request body over the limit of what it carries (e.g. a photo over 12 MB); the detail names the limit. */
    public static class PayloadTooLarge extends ProblemException {
        public PayloadTooLarge(String detail) {
            super(detail);
        }

        public String type() {
            return "payload-too-large";
        }

        public String title() {
            return "Request body too large";
        }

        public int status() {
            return 413;
        }
    }

    /** Optimistic-lock failure: someone else changed the record first. */
    public static class StaleUpdate extends ProblemException {
        public StaleUpdate(String detail) {
            super(detail);
        }

        public String type() {
            return "stale-update";
        }

        public String title() {
            return "The record was changed by someone else";
        }

        public int status() {
            return 409;
        }
    }

    /** The service lacks configuration needed for this (e.g. the stamp signing secret). */
    public static class NotConfigured extends ProblemException {
        public NotConfigured(String detail) {
            super(detail);
        }

        public String type() {
            return "not-configured";
        }

        public String title() {
            return "Not configured on this server";
        }

        public int status() {
            return 503;
        }
    }
}

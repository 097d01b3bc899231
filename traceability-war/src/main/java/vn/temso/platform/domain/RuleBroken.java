package vn.temso.platform.domain;

import java.util.Objects;

/**
 * The state of a record refuses the change (a revoked zone, a recalled batch): no field of the request is wrong,
 * the same request may succeed on another record.
 */
public final class RuleBroken extends DomainException {

    private final String rule;

    /**
     * @param rule    stable slug of the rule, part of the problem type ({@code rule/zone-not-active}); never rename
     * @param message for the user: what the record's state is and why it refuses
     */
    public RuleBroken(String rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public String rule() {
        return rule;
    }
}

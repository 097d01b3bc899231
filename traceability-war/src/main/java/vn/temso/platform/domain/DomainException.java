package vn.temso.platform.domain;

/**
 * A domain rule refused a value or a change. Entities, value objects and control classes throw one of the two
 * kinds, which name what broke (the field, or the rule); {@code ProblemMappers} turns them into problem+json in
 * one place. Nobody decides anything on the message: it is only shown to the user.
 */
public abstract sealed class DomainException extends RuntimeException permits InvalidField, RuleBroken {

    protected DomainException(String message) {
        super(message);
    }
}

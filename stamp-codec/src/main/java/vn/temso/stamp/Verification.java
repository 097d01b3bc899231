package vn.temso.stamp;

import java.util.Objects;
import java.util.Optional;

/**
 * What a verification found: the verdict, a reason to show a person, and the decoded stamp unless it was malformed.
 */
public record Verification(Verdict verdict, String reason, StampUrl stamp) {

    public Verification {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        if (stamp == null && verdict != Verdict.MALFORMED) {
            throw new IllegalArgumentException("only a malformed verification has no stamp");
        }
    }

    public boolean isGenuine() {
        return verdict == Verdict.GENUINE;
    }

    /** The decoded stamp; empty when the URL was malformed. */
    public Optional<StampUrl> decoded() {
        return Optional.ofNullable(stamp);
    }
}

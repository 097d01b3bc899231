package vn.temso.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.domain.RuleBroken;

/** The one mapping of typed domain failures to problem types (the API and the pages both use it). */
class DomainProblemTest {

    @Test
    void shouldMapABrokenFieldToAValidationProblemNamingIt() {
        ProblemException p = ProblemMappers.problem(
                new InvalidField("expiryDate", "the expiry date is before the" + " harvest date"));
        assertEquals("validation-failed", p.type());
        assertEquals(400, p.status());
        assertEquals("the expiry date is before the harvest date", p.getMessage());
        assertEquals(
                List.of(new ProblemException.Violation("expiryDate", "the expiry date is before the harvest date")),
                p.violations());
    }

    @Test
    void shouldMapABrokenRuleToItsRuleType() {
        ProblemException p = ProblemMappers.problem(new RuleBroken("zone-revoked", "zone X is revoked"));
        assertEquals("rule/zone-revoked", p.type());
        assertEquals(422, p.status());
        assertEquals("zone X is revoked", p.getMessage());
        assertTrue(p.violations().isEmpty());
    }
}

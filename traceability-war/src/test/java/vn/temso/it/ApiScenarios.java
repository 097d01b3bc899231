package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.util.UUID;

/**
 * Root of the integration scenarios. Scenario classes are abstract; TemsoIT, the one deployment, runs them all
 * against one Payara Micro boot (by inheritance for the registry chain, as @Nested classes for the rest).
 */
public abstract class ApiScenarios {

    protected static Api api;

    /** Called by the deployment class (TemsoIT) before each test with the URL Arquillian gives it. */
    static void connect(URL deploymentUrl) throws Exception {
        if (api == null) {
            URI uri = deploymentUrl.toURI();
            api = new Api(new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/", null, null));
        }
    }

    /** A short random suffix so tests can be rerun against the same database. */
    protected static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    }

    protected static void assertProblem(Api.Reply r, int status, String typeSuffix) {
        assertEquals(status, r.status(), () -> "body: " + r.text());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        JsonNode p = r.json();
        assertEquals(status, p.get("status").asInt());
        assertTrue(
                p.get("type").asText().endsWith("/" + typeSuffix), p.get("type").asText());
        assertNotNull(p.get("title"));
        assertNotNull(p.get("detail"));
        assertTrue(!r.text().contains("Exception") && !r.text().contains("at vn.temso"), "no internals: " + r.text());
    }

    protected static boolean hasViolation(Api.Reply r, String field) {
        for (JsonNode v : r.json().path("violations")) {
            if (v.get("field").asText().equals(field)) {
                return true;
            }
        }
        return false;
    }

    protected static String idOfCoop(String userWithCoop) {
        return api.get(userWithCoop, "/api/auth/me").json().get("cooperativeId").asText();
    }
}

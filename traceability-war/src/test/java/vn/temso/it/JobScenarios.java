package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Jobs run once (issue 13): an issuing job is worked under a lease in the database. Its own instance's sweeper
 * leaves a live lease alone; a job handed over (as when its owner died) is stopped at its next chunk and finished by
 * the sweeper's new run, with every stamp issued once. The sweeper runs every second here
 * ({@code temso.jobs.sweep-seconds=1} in arquillian.xml).
 */
public abstract class JobScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";

    @Test
    void shouldFinishAJobTakenFromItsRunWithEveryStampOnce() throws Exception {
        int count = 30_000;
        String batch = Fixtures.batch(api, MANAGER).get("id").asText();
        Api.Reply started = api.post(MANAGER, "/api/batches/" + batch + "/stamps", Map.of("count", count));
        assertEquals(202, started.status(), started.text());
        String path = URI.create(started.header("Location")).getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);

        JsonNode job = api.get(MANAGER, path).json();
        for (int i = 0; i < 600 && job.get("issued").asInt() == 0; i++) {
            Thread.sleep(20);
            job = api.get(MANAGER, path).json();
        }
        assertEquals("RUNNING", job.get("status").asText(), "make the job bigger: " + job);
        String owner = owner(id);
        assertNotNull(owner, "a running job has an owner");
        Thread.sleep(1_200); // more than a sweep: a live lease is never taken
        String still = owner(id);
        if (still != null) { // null: the job finished meanwhile
            assertEquals(owner, still, "the sweeper took a job whose lease is alive");
        }

        Api.Reply handOver = api.post("admin", "/api/jobs/issuance/" + id + "/hand-over", null);
        if (handOver.status() == 202) {
            // the old run may commit no further chunk: the job only finishes if the sweeper's new run does it
            String next = null;
            for (int i = 0;
                    i < 200
                            && next == null
                            && "RUNNING"
                                    .equals(api.get(MANAGER, path)
                                            .json()
                                            .get("status")
                                            .asText());
                    i++) {
                Thread.sleep(50);
                next = owner(id);
            }
            if (next != null) {
                assertNotEquals(owner, next, "a new run owns the job");
            }
        }
        for (int i = 0; i < 1200 && "RUNNING".equals(job.get("status").asText()); i++) {
            Thread.sleep(100);
            job = api.get(MANAGER, path).json();
        }
        assertEquals("DONE", job.get("status").asText(), job.toString());
        assertEquals(count, job.get("issued").asInt());

        Api.Reply csv = SignedUrlScenarios.any(MANAGER, "/api/batches/" + batch + "/stamps/export");
        assertEquals(200, csv.status(), csv.text());
        String[] lines = csv.text().split("\r\n");
        assertEquals(count + 1, lines.length, "exactly the requested stamps");
        Set<String> serials = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            String[] f = lines[i].split(",");
            assertEquals(String.valueOf(i), f[0], "every issue number once, in order");
            assertTrue(serials.add(f[1]), "serial twice: " + f[1]);
        }
        assertTrue(
                api.get("admin", "/api/jobs").json().findValuesAsText("id").stream()
                        .noneMatch(id::equals),
                "the finished job is no longer listed as unfinished");
    }

    @Test
    void shouldShowJobLeasesToAdministratorsOnly() {
        assertEquals(200, api.get("admin", "/api/jobs").status());
        assertEquals(403, api.get(MANAGER, "/api/jobs").status());
        assertEquals(
                404,
                api.post("admin", "/api/jobs/issuance/no-such-job/hand-over", null)
                        .status());
        assertEquals(
                404, api.post("admin", "/api/jobs/laundry/x/hand-over", null).status());
    }

    /** The lease owner of an unfinished issuing job, or null when it is not unfinished (or not leased). */
    private static String owner(String id) {
        for (JsonNode j : api.get("admin", "/api/jobs").json()) {
            if (id.equals(j.get("id").asText())) {
                JsonNode o = j.get("owner"); // JSON-B leaves nulls out
                return o == null || o.isNull() ? null : o.asText();
            }
        }
        return null;
    }
}
